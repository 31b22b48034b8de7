// Test library "index digit".
// Registers: `alpha` (standard name): appends its library index to argument `result`; returns 0.
// Framework: version() = build.hooksVersion; multi_threading_compatible() = 1; no load/unload.
// Listed several times, each copy appends its own index: a list of three gives "123".
import type { CalloutHandle } from '../../src/calloutHandle';
import { appendResult, build } from './testBuild';

export function version(): number {
  return build.hooksVersion;
}

export function multi_threading_compatible(): number {
  return 1;
}

export function alpha(handle: CalloutHandle): number {
  appendResult(handle, String(handle.getCurrentLibrary()));
  return 0;
}
