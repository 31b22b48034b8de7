// Test library "throwing callouts".
// Registers: `alpha` (standard name): appends "T", then throws an Error("boom").
//   `beta`: appends "T", then throws the string "boom" (a non-standard exception).
//   `gamma`: appends "T" and returns 7 (an error return).
// Framework: version() = build.hooksVersion.
import type { CalloutHandle } from '../../src/calloutHandle';
import { appendResult, build } from './testBuild';

export function version(): number {
  return build.hooksVersion;
}

export function alpha(handle: CalloutHandle): number {
  appendResult(handle, 'T');
  throw new Error('boom');
}

export function beta(handle: CalloutHandle): number {
  appendResult(handle, 'T');
  throw 'boom';
}

export function gamma(handle: CalloutHandle): number {
  appendResult(handle, 'T');
  return 7;
}
