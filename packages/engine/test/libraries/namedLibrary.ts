// Test library "named": remembers the `name` parameter of each load in the journal.
// Registers: `alpha` (standard name): appends parameter `name` to argument `result`; returns 0.
// Framework: version() = build.hooksVersion; load() journals "load <name>" and returns 0;
//   unload() journals "unload <name>" (the name of the most recent load: globals are shared
//   between copies of one file, R22) and returns 0. Used for load/unload order.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import { appendResult, build, journal } from './testBuild';

const names: string[] = [];

export function version(): number {
  return build.hooksVersion;
}

export function load(handle: LibraryHandle): number {
  const name = String(handle.getParameter('name'));
  names.push(name);
  journal.push(`load ${name}`);
  return 0;
}

export function unload(): number {
  journal.push(`unload ${names.pop() ?? '?'}`);
  return 0;
}

export function alpha(handle: CalloutHandle): number {
  appendResult(handle, 'n');
  return 0;
}
