import { createDefaultRuntime } from './createDefaultRuntime';
import type { HookEvent, LogLine, RunRequest, RunSummary, StepOutcome } from './protocol';
import { runWorkspace } from './runWorkspace';

/** A whole run's output, the batches joined. */
export interface CollectedRun {
  summary: RunSummary;
  hooks: HookEvent[];
  log: LogLine[];
  steps: StepOutcome[];
}

/**
 * Runs `request` on this thread with the real server and libraries and joins the batches.
 * For tests and tools in Node: no budget is enforced here (that is the iframe's job).
 */
export function runCollected(request: RunRequest): CollectedRun {
  const hooks: HookEvent[] = [];
  const log: LogLine[] = [];
  const steps: StepOutcome[] = [];
  const summary = runWorkspace(request, createDefaultRuntime(request), {
    onBatch: (batch) => {
      hooks.push(...batch.hooks);
      log.push(...batch.log);
      steps.push(...batch.steps);
    },
  });
  return { summary, hooks, log, steps };
}
