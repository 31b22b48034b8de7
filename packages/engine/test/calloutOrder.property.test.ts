import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { HooksManager } from '../src/hooksManager';
import { INT_MAX, KEA_HOOKS_VERSION } from '../src/keaVersion';
import { LibraryHandle } from '../src/libraryHandle';
import { ServerHooks } from '../src/serverHooks';

// R38 as a property: whatever the order of registrations (server pre/post and three libraries,
// each registering several callouts), a hook calls them sorted by library index and, within one
// index, in registration order: a stable sort of the registrations by index.
describe('C. callout order (property)', () => {
  it('R38: calls are the registrations stably sorted by library index', () => {
    const index = fc.constantFrom(0, 1, 2, 3, INT_MAX);
    fc.assert(
      fc.property(fc.array(index, { maxLength: 24 }), (indexes) => {
        const serverHooks = new ServerHooks();
        const alpha = serverHooks.registerHook('alpha');
        const manager = new HooksManager({
          serverHooks,
          resolveLibrary: () => ({ version: () => KEA_HOOKS_VERSION }),
        });
        manager.loadLibraries([{ library: '/1' }, { library: '/2' }, { library: '/3' }]);
        const calloutManager = manager.preCalloutsLibraryHandle().calloutManager;
        const calls: number[] = [];
        indexes.forEach((libraryIndex, position) => {
          const callout = (_handle: CalloutHandle) => {
            calls.push(position);
            return 0;
          };
          new LibraryHandle(calloutManager, libraryIndex).registerCallout('alpha', callout);
        });
        const handle = manager.createCalloutHandle();
        manager.callCallouts(alpha, handle);
        const expected = indexes
          .map((libraryIndex, position) => ({ libraryIndex, position }))
          .sort((a, b) => a.libraryIndex - b.libraryIndex || a.position - b.position)
          .map((entry) => entry.position);
        expect(calls).toEqual(expected);
      }),
    );
  });
});
