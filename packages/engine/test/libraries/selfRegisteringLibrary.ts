// Test library "self registering": changes its registrations while its hook is running.
// Registers: `alpha` (standard name): appends "A"; on its first call it registers `late`
//   (appends "Z") on alpha through handle.getLibraryHandle(); on its second call it removes
//   itself with deregisterCallout. Returns 0.
// Framework: version() = build.hooksVersion.
import type { CalloutHandle } from '../../src/calloutHandle';
import { appendResult, build } from './testBuild';

let calls = 0;

export function version(): number {
  return build.hooksVersion;
}

function late(handle: CalloutHandle): number {
  appendResult(handle, 'Z');
  return 0;
}

export function alpha(handle: CalloutHandle): number {
  appendResult(handle, 'A');
  calls += 1;
  if (calls === 1) handle.getLibraryHandle().registerCallout('alpha', late);
  if (calls === 2) handle.getLibraryHandle().deregisterCallout('alpha', alpha);
  return 0;
}

export function resetCalls(): void {
  calls = 0;
}
