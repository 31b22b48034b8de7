// Test library "load registers".
// Registers: `beta` (standard name): appends "S" to argument `result`; returns 0.
//   In load(): on `beta` a callout appending "L"; on `gamma` the same callout twice (R39);
//   and `betaTwo` on `beta`, removed again with deregisterCallout before load() returns.
// Framework: version() = build.hooksVersion; load() returns 0; unload() returns 0.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import { appendResult, build, journal } from './testBuild';

export function version(): number {
  return build.hooksVersion;
}

export function beta(handle: CalloutHandle): number {
  appendResult(handle, 'S');
  return 0;
}

function appendL(handle: CalloutHandle): number {
  appendResult(handle, 'L');
  return 0;
}

function betaTwo(handle: CalloutHandle): number {
  appendResult(handle, 'X');
  return 0;
}

export function load(handle: LibraryHandle): number {
  handle.registerCallout('beta', appendL);
  handle.registerCallout('gamma', appendL);
  handle.registerCallout('gamma', appendL);
  handle.registerCallout('beta', betaTwo);
  handle.deregisterCallout('beta', betaTwo);
  journal.push(`load ${String(handle.getParameter('name'))}`);
  return 0;
}

export function unload(): number {
  journal.push('unload loadRegisters');
  return 0;
}
