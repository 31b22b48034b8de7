// Test library "status": sets the next step from its `status` parameter.
// Registers: `alpha` (standard name): appends the status it finds (a digit) to `result`, then
//   sets the status given by the copy's `status` parameter (when it has one); returns 0.
// Framework: version() = build.hooksVersion; load() remembers the parameter per library index.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import type { NextStep } from '../../src/nextStep';
import { appendResult, build } from './testBuild';

const statusByIndex = new Map<number, NextStep>();

export function version(): number {
  return build.hooksVersion;
}

export function load(handle: LibraryHandle): number {
  const status = handle.getParameter('status');
  if (typeof status === 'number') statusByIndex.set(handle.libraryIndex, status as NextStep);
  return 0;
}

export function alpha(handle: CalloutHandle): number {
  appendResult(handle, String(handle.getStatus()));
  const status = statusByIndex.get(handle.getCurrentLibrary());
  if (status !== undefined) handle.setStatus(status);
  return 0;
}
