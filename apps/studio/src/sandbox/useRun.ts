import type { HookEvent, LogLine, RunSummary, StepOutcome } from '@hookscope/sandbox';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useStudioInstance } from '../state/useStudio';
import { getRunInput, hashWorkspace, type Workspace } from '../state/workspace';

/** A run as the panes show it: what has streamed in so far, and the summary once done. */
export interface RunView {
  hooks: HookEvent[];
  log: LogLine[];
  steps: StepOutcome[];
  summary: RunSummary | undefined;
}

const RERUN_DELAY_MS = 350;

/** The workspace after it has stopped changing for `delay` ms (typing does not re-run per key). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(t);
  }, [value, delay]);
  return settled;
}

/**
 * Runs the workspace in the sandbox as a react-query query keyed by the workspace's hash:
 * an unchanged workspace is not re-run, an edited one re-runs after a short pause, and
 * batches are written into the query's data as they arrive.
 */
export function useRun(workspace: Workspace) {
  const { sandbox } = useStudioInstance();
  const client = useQueryClient();
  const settled = useDebounced(workspace, RERUN_DELAY_MS);
  // Hashing walks the whole workspace: once per workspace object, not per render.
  const settledHash = useMemo(() => hashWorkspace(settled), [settled]);
  const currentHash = useMemo(() => hashWorkspace(workspace), [workspace]);
  const key = ['run', settled.id, settledHash] as const;
  // Whether edits are waiting out the debounce: the run shown is not yet the workspace's.
  const waiting = settled.id !== workspace.id || settledHash !== currentHash;
  const query = useQuery({
    queryKey: key,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<RunView> => {
      const view: RunView = { hooks: [], log: [], steps: [], summary: undefined };
      const summary = await sandbox.run(
        getRunInput(settled),
        (batch) => {
          view.hooks.push(...batch.hooks);
          view.log.push(...batch.log);
          view.steps.push(...batch.steps);
          client.setQueryData<RunView>(key, { ...view });
        },
        signal,
      );
      return { ...view, summary };
    },
  });
  return { ...query, waiting };
}
