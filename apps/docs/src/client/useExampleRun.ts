import type { HookEvent, LogLine, RunSummary, StepOutcome } from '@hookscope/sandbox';
import { useEffect, useRef, useState } from 'react';
import {
  createSandboxClient,
  type SandboxClient,
} from '../../../studio/src/sandbox/createSandboxClient';
import type { Example } from '../example/example';
import { toRunRequest } from '../example/toRunRequest';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; generation: number }
  | {
      phase: 'done';
      generation: number;
      hooks: HookEvent[];
      log: LogLine[];
      steps: StepOutcome[];
      summary: RunSummary;
    }
  | { phase: 'error'; generation: number; message: string };

/** How long edits must pause before the example runs again. */
const RERUN_DELAY_MS = 500;

/**
 * Runs an example in its own sandbox (one hidden iframe and worker per example), once
 * `active` turns true and again after each edit (debounced) or `run()`. The sandbox is made
 * on first use and removed on unmount.
 */
export function useExampleRun(example: Example, active: boolean, workerUrl: string) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const [trigger, setTrigger] = useState(0);
  const sandbox = useRef<SandboxClient | undefined>(undefined);
  const generation = useRef(0);

  useEffect(() => () => sandbox.current?.dispose(), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: trigger asks for a run of the same example
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const delay = generation.current === 0 ? 0 : RERUN_DELAY_MS;
    const timer = setTimeout(() => {
      const id = ++generation.current;
      let request: ReturnType<typeof toRunRequest>;
      try {
        request = toRunRequest(example);
      } catch (error) {
        setState({ phase: 'error', generation: id, message: (error as Error).message });
        return;
      }
      setState({ phase: 'running', generation: id });
      sandbox.current ??= createSandboxClient({ workerUrl });
      const hooks: HookEvent[] = [];
      const log: LogLine[] = [];
      const steps: StepOutcome[] = [];
      sandbox.current
        .run(
          request,
          (batch) => {
            hooks.push(...batch.hooks);
            log.push(...batch.log);
            steps.push(...batch.steps);
          },
          controller.signal,
        )
        .then(
          (summary) => setState({ phase: 'done', generation: id, hooks, log, steps, summary }),
          (error: unknown) => {
            if (!controller.signal.aborted) {
              setState({ phase: 'error', generation: id, message: String(error) });
            }
          },
        );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [example, active, trigger, workerUrl]);

  return { state, run: () => setTrigger((n) => n + 1) };
}
