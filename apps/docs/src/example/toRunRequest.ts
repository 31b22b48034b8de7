import type { RunRequest } from '@hookscope/sandbox';
import type { Example } from './example';
import { packetsToSteps } from './packetsToSteps';

/** Default time budget of one example run, in milliseconds. */
export const EXAMPLE_BUDGET_MS = 2000;

/**
 * The sandbox request for an example. Pure. @throws PacketLineError when a packets line
 * cannot be read.
 */
export function toRunRequest(example: Example): RunRequest {
  return {
    family: example.family,
    keaVersion: example.keaVersion,
    config: example.config,
    libraries: example.libraries.map((l) => ({ path: l.path, language: 'ts', source: l.source })),
    steps: packetsToSteps(example.packets),
    budgetMs: EXAMPLE_BUDGET_MS,
  };
}
