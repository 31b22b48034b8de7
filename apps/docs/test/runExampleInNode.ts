import {
  createDefaultRuntime,
  type HookEvent,
  type LogLine,
  type RunSummary,
  runWorkspace,
  type StepOutcome,
} from '@hookscope/sandbox';
import type { Example } from '../src/example/example';
import { type ExampleTimeline, getExampleTimeline } from '../src/example/getExampleTimeline';
import { getLibraryPaths } from '../src/example/getLibraryPaths';
import { toRunRequest } from '../src/example/toRunRequest';

export interface NodeRun {
  summary: RunSummary;
  hooks: HookEvent[];
  log: LogLine[];
  steps: StepOutcome[];
  timeline: ExampleTimeline;
}

/** Runs an example on the page's thread of Node (no sandbox): what the embed's worker does. */
export function runExampleInNode(example: Example): NodeRun {
  const request = toRunRequest(example);
  const hooks: HookEvent[] = [];
  const log: LogLine[] = [];
  const steps: StepOutcome[] = [];
  const summary = runWorkspace(request, createDefaultRuntime(request), {
    onBatch: (b) => {
      hooks.push(...b.hooks);
      log.push(...b.log);
      steps.push(...b.steps);
    },
  });
  return {
    summary,
    hooks,
    log,
    steps,
    timeline: getExampleTimeline(hooks, getLibraryPaths(example.config)),
  };
}
