import { describe, expect, it } from 'vitest';
import { connectStorage } from './connectStorage';
import { createStudioStore, getActiveWorkspace } from './createStudioStore';
import { hashWorkspace, readWorkspace } from './workspace';
import { createMemoryStorage } from './workspaceStorage';

describe('createStudioStore', () => {
  it('gives each studio its own state', () => {
    const a = createStudioStore();
    const b = createStudioStore();
    a.getState().actions.setConfig('{"Dhcp4": {}}');
    expect(getActiveWorkspace(a.getState()).config).toBe('{"Dhcp4": {}}');
    expect(getActiveWorkspace(b.getState()).config).not.toBe('{"Dhcp4": {}}');
  });

  it('moves steps within bounds and keeps their order otherwise', () => {
    const s = createStudioStore();
    const { actions } = s.getState();
    actions.addSteps([
      { kind: 'packet', id: 'a', hex: '01' },
      { kind: 'command', id: 'b', text: '{"command":"list-commands"}' },
      { kind: 'advance', id: 'c', seconds: 10 },
    ]);
    actions.moveStep('c', -5);
    actions.moveStep('a', 1);
    expect(getActiveWorkspace(s.getState()).steps.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('edits a step in place', () => {
    const s = createStudioStore();
    const { actions } = s.getState();
    actions.addSteps([
      { kind: 'packet', id: 'a', hex: '01' },
      { kind: 'packet', id: 'b', hex: '02' },
    ]);
    actions.updateStep({ kind: 'packet', id: 'a', hex: '0101' });
    expect(getActiveWorkspace(s.getState()).steps).toEqual([
      { kind: 'packet', id: 'a', hex: '0101' },
      { kind: 'packet', id: 'b', hex: '02' },
    ]);
  });

  it('changes the run hash when a library changes, not when the selection does', () => {
    const s = createStudioStore();
    const { actions } = s.getState();
    actions.addLibrary({ path: '/lib/a.so', language: 'ts', source: 'export {}' });
    const before = hashWorkspace(getActiveWorkspace(s.getState()));
    actions.selectLibrary(undefined);
    expect(hashWorkspace(getActiveWorkspace(s.getState()))).toBe(before);
    actions.setLibrarySource('/lib/a.so', 'export const x = 1;');
    expect(hashWorkspace(getActiveWorkspace(s.getState()))).not.toBe(before);
  });
});

describe('connectStorage', () => {
  it('restores every workspace and the active one after a "reload"', async () => {
    const storage = createMemoryStorage();
    const first = createStudioStore();
    const link = await connectStorage(first, storage);
    first.getState().actions.setConfig('# one');
    first.getState().actions.newWorkspace('second');
    first.getState().actions.setConfig('# two');
    await link.flush();
    link.stop();

    const reloaded = createStudioStore();
    await connectStorage(reloaded, storage);
    const state = reloaded.getState();
    expect(state.phase).toBe('ready');
    expect(state.workspaces.map((w) => w.config).sort()).toEqual(['# one', '# two']);
    expect(getActiveWorkspace(state).name).toBe('second');
  });

  it('forgets a deleted workspace', async () => {
    const storage = createMemoryStorage();
    const store = createStudioStore();
    const link = await connectStorage(store, storage);
    store.getState().actions.newWorkspace('doomed');
    const id = store.getState().activeId;
    store.getState().actions.deleteWorkspace(id);
    await link.flush();
    expect((await storage.list()).some((w) => w.id === id)).toBe(false);
  });
});

describe('readWorkspace', () => {
  it('refuses other versions and fills defaults', () => {
    expect(readWorkspace({ version: 2, id: 'x', config: '' })).toBeUndefined();
    const w = readWorkspace({ version: 1, id: 'x', config: '{}' });
    expect(w?.budgetMs).toBe(2000);
    expect(w?.steps).toEqual([]);
  });
});
