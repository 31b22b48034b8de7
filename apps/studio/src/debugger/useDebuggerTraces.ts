import { parseConfigText } from '@hookscope/sandbox';
import { readTrace, type TraceDocument } from '@hookscope/trace';
import { useEffect, useMemo, useState } from 'react';
import { describeStep } from '../panes/describeStep';
import { useRun } from '../sandbox/useRun';
import { hashWorkspace, type Workspace } from '../state/workspace';
import { isBuiltinOnly, recordBuiltinRun, recordDataScopeTrace } from './recordTrace';
import { traceFromRunView } from './traceFromRunView';
import type { TraceInput } from './traceProtocol';

/** Where a trace comes from. */
export type TraceSourceId = 'run' | 'data-scope' | 'data-scope-reversed' | 'import';

export const TRACE_SOURCES: readonly { id: TraceSourceId; label: string }[] = [
  { id: 'run', label: 'The current workspace run' },
  { id: 'data-scope', label: 'Example: data scope (the guide’s two figures)' },
  { id: 'data-scope-reversed', label: 'Example: data scope, library order reversed' },
  { id: 'import', label: 'An imported trace' },
];

export function isTraceSourceId(value: string | undefined): value is TraceSourceId {
  return TRACE_SOURCES.some((s) => s.id === value);
}

export type TraceResult =
  | { ok: true; trace: TraceInput; note?: string }
  | { ok: false; error: string };

function libraryPathsOf(workspace: Workspace): string[] {
  try {
    const config = parseConfigText(workspace.config) as Record<string, unknown>;
    const root = config[workspace.family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6'] as
      | { 'hooks-libraries'?: { library?: string }[] }
      | undefined;
    return (root?.['hooks-libraries'] ?? []).map((l) => l.library ?? '?');
  } catch {
    return [];
  }
}

/**
 * The trace of the active workspace. Built-in libraries only: recorded on the page with full
 * snapshots, 350 ms after the last edit. With user libraries: the trace the sandbox recorded
 * (`summary.trace`), or, when it sent none, its hook sequence turned into a trace (no argument or
 * context values).
 */
export function useWorkspaceTrace(workspace: Workspace): TraceResult | undefined {
  const builtin = isBuiltinOnly(workspace);
  const run = useRun(workspace);
  const key = hashWorkspace(workspace);
  const [recorded, setRecorded] = useState<{ key: string; result: TraceResult }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the workspace is represented by its hash; the first recording is not delayed
  useEffect(() => {
    if (!builtin) return undefined;
    const timer = setTimeout(
      () => {
        let result: TraceResult;
        try {
          result = { ok: true, trace: recordBuiltinRun(workspace) };
        } catch (error) {
          result = { ok: false, error: `The run could not be recorded: ${String(error)}` };
        }
        setRecorded({ key, result });
      },
      recorded ? 350 : 0,
    );
    return () => clearTimeout(timer);
  }, [builtin, key]);
  const view = run.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new run gives a new view; the workspace is what it ran
  const sandboxTrace = useMemo((): TraceResult | undefined => {
    if (builtin || !view?.summary) return undefined;
    // The sandbox records the run itself (summary.trace) when its recorder is on.
    if (view.summary.trace !== undefined) {
      const recorded = readTrace(view.summary.trace);
      if (recorded.ok) return { ok: true, trace: recorded.trace };
    }
    const trace = traceFromRunView(view, {
      family: workspace.family,
      keaVersion: workspace.keaVersion,
      libraryPaths: libraryPathsOf(workspace),
      stepLabel: (id) => {
        const index = workspace.steps.findIndex((s) => s.id === id);
        const step = workspace.steps[index];
        if (!step) return 'step';
        const row = describeStep(step, workspace.family);
        return `${index + 1}. ${row.type} ${row.xid} ${row.client}`.trim();
      },
    });
    return {
      ok: true,
      trace,
      note: 'The sandbox sent no trace for this run: the timeline, statuses and logs are shown, argument and context values are not.',
    };
  }, [builtin, view]);
  return builtin ? recorded?.result : sandboxTrace;
}

/** The examples recorded on the page, made once per debugger. */
export function useExampleTrace(source: TraceSourceId | undefined): TraceDocument | undefined {
  return useMemo(() => {
    if (source === 'data-scope') return recordDataScopeTrace('configured');
    if (source === 'data-scope-reversed') return recordDataScopeTrace('reversed');
    return undefined;
  }, [source]);
}
