import { type CollectedRun, runCollected } from '@hookscope/sandbox';
import type { Example } from '../src/example/example';
import { type ExampleTimeline, getExampleTimeline } from '../src/example/getExampleTimeline';
import { getLibraryPaths } from '../src/example/getLibraryPaths';
import { toRunRequest } from '../src/example/toRunRequest';

export interface NodeRun extends CollectedRun {
  timeline: ExampleTimeline;
}

/** Runs an example on the page's thread of Node (no sandbox): what the embed's worker does. */
export function runExampleInNode(example: Example): NodeRun {
  const run = runCollected(toRunRequest(example));
  return { ...run, timeline: getExampleTimeline(run.hooks, getLibraryPaths(example.config)) };
}
