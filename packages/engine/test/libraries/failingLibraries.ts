// Test libraries that fail to load, one export object per way of failing. Each journals its
// load() and unload() calls, so a test sees which ran and in which order.
//   failingLoad:      load() returns 1 after registering `alpha`; unload() returns 0.
//   throwingLoad:     load() throws an Error; unload() returns 0.
//   unknownHookLoad:  load() registers on hook "no_such_hook" (NoSuchHook, R21).
//   badVersion:       version() returns 1 (never the running value); load/unload journal.
//   noVersion:        no version(); load/unload journal.
//   throwingVersion:  version() throws.
//   mtAbsent:         no multi_threading_compatible().
//   mtZero:           multi_threading_compatible() returns 0.
//   mtThrows:         multi_threading_compatible() throws.
//   throwingUnload:   loads fine; unload() throws an Error.
//   failingUnload:    loads fine; unload() returns 3.
// Each also exports `alpha`, appending "F" to `result`, so registrations would be visible.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import type { LibraryModule } from '../../src/libraryModule';
import { appendResult, build, journal } from './testBuild';

function alpha(handle: CalloutHandle): number {
  appendResult(handle, 'F');
  return 0;
}

function library(name: string, overrides: Partial<LibraryModule>): LibraryModule {
  return {
    version: () => build.hooksVersion,
    load: () => {
      journal.push(`load ${name}`);
      return 0;
    },
    unload: () => {
      journal.push(`unload ${name}`);
      return 0;
    },
    multi_threading_compatible: () => 1,
    alpha,
    ...overrides,
  };
}

export const failingLoad = library('failingLoad', {
  load: (handle: LibraryHandle) => {
    journal.push('load failingLoad');
    handle.registerCallout('alpha', alpha);
    return 1;
  },
});
export const throwingLoad = library('throwingLoad', {
  load: () => {
    journal.push('load throwingLoad');
    throw new Error('cannot initialise');
  },
});
export const unknownHookLoad = library('unknownHookLoad', {
  load: (handle: LibraryHandle) => {
    journal.push('load unknownHookLoad');
    handle.registerCallout('no_such_hook', alpha);
    return 0;
  },
});
export const badVersion = library('badVersion', { version: () => 1 });
export const noVersion: LibraryModule = (() => {
  const { version: _, ...rest } = library('noVersion', {});
  return rest;
})();
export const throwingVersion = library('throwingVersion', {
  version: () => {
    throw new Error('no version');
  },
});
export const mtAbsent: LibraryModule = (() => {
  const { multi_threading_compatible: _, ...rest } = library('mtAbsent', {});
  return rest;
})();
export const mtZero = library('mtZero', { multi_threading_compatible: () => 0 });
export const mtThrows = library('mtThrows', {
  multi_threading_compatible: () => {
    throw new Error('unsure');
  },
});
export const throwingUnload = library('throwingUnload', {
  unload: () => {
    journal.push('unload throwingUnload');
    throw new Error('cannot clean up');
  },
});
export const failingUnload = library('failingUnload', {
  unload: () => {
    journal.push('unload failingUnload');
    return 3;
  },
});
