import { beforeEach, describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { ServerHooks } from '../src/serverHooks';
import { journal, resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

describe('F. context_create and context_destroy', () => {
  it('R73: context_create runs when the handle is made; context_destroy on release, context still readable', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so', '/lib/context.so'));
    const handle = t.manager.createCalloutHandle();
    expect(handle.getArgumentNames()).toEqual([]);
    handle.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), handle);
    t.manager.callCallouts(t.hook('alpha'), handle);
    expect(journal).toEqual([]);
    handle.release();
    expect(journal).toEqual(['destroy lib1 2', 'destroy lib2 2']);
    expect(handle.isReleased()).toBe(true);
    expect(handle.getArgumentNames()).toEqual([]);
  });

  it('R73: the status is reset before context_create and before context_destroy', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so'));
    const seen: number[] = [];
    const post = t.manager.postCalloutsLibraryHandle();
    const probe = (h: CalloutHandle) => {
      seen.push(h.getStatus());
      h.setStatus(2);
      return 0;
    };
    post.registerCallout('context_create', probe);
    post.registerCallout('context_destroy', probe);
    const handle = t.manager.createCalloutHandle();
    handle.setStatus(1);
    handle.release();
    expect(seen).toEqual([0, 0]);
  });

  it('R74 R28: release uses the library set the handle was made under, then lets it go', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so'));
    const handle = t.manager.createCalloutHandle();
    t.manager.prepareUnloadLibraries();
    handle.release();
    expect(journal).toEqual([]);
    expect(t.manager.getOpenHandleCount()).toBe(0);
    expect(t.manager.unloadLibraries()).toBe(true);
  });

  it('R78: every handle starts with empty context; release runs context_destroy once', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so'));
    for (let i = 0; i < 3; i++) {
      const handle = t.manager.createCalloutHandle();
      handle.setArgument('result', '');
      t.manager.callCallouts(t.hook('alpha'), handle);
      expect(handle.getArgument('result')).toBe('lib1:1;');
      handle.release();
      handle.release();
    }
    expect(journal).toEqual(['destroy lib1 1', 'destroy lib1 1', 'destroy lib1 1']);
  });

  it('R76: without context hooks registered, making a handle calls nothing', () => {
    const t = createTestManager({ enabled: () => true });
    t.manager.loadLibraries(libs('/lib/index-digit.so'));
    const before = t.records.length;
    t.manager.createCalloutHandle().release();
    expect(t.records.length).toBe(before);
    expect(t.manager.calloutsPresent(ServerHooks.CONTEXT_CREATE)).toBe(false);
  });
});
