// Test library "context": per-library context under the same key in every copy.
// Registers: `context_create` (standard name): sets context "owner" = "lib<index>" and
//   "count" = 0; returns 0.
//   `alpha`: increments "count" and appends "<owner>:<count>;" to argument `result`; returns 0.
//   `context_destroy`: journals "destroy <owner> <count>" (context is still readable); returns 0.
// Framework: version() = build.hooksVersion. Listed twice, both copies use the keys "owner" and
// "count" without seeing each other's (R65).
import type { CalloutHandle } from '../../src/calloutHandle';
import { appendResult, build, journal } from './testBuild';

export function version(): number {
  return build.hooksVersion;
}

export function context_create(handle: CalloutHandle): number {
  handle.setContext('owner', `lib${handle.getCurrentLibrary()}`);
  handle.setContext('count', 0);
  return 0;
}

export function alpha(handle: CalloutHandle): number {
  const count = handle.getContext<number>('count', Number) + 1;
  handle.setContext('count', count);
  appendResult(handle, `${handle.getContext<string>('owner', 'string')}:${count};`);
  return 0;
}

export function context_destroy(handle: CalloutHandle): number {
  journal.push(`destroy ${handle.getContext('owner')} ${handle.getContext('count')}`);
  return 0;
}
