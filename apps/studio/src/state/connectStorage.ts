import type { StudioStore } from './createStudioStore';
import type { Workspace } from './workspace';
import type { WorkspaceStorage } from './workspaceStorage';

/**
 * Loads the stored workspaces into `store`, then saves every change: each workspace whose
 * object changed is written, deleted ones removed, the active id kept. Writes are chained so
 * they land in order. Returns `flush` (resolves when all writes so far are done) and `stop`.
 */
export async function connectStorage(store: StudioStore, storage: WorkspaceStorage) {
  const [stored, activeId] = await Promise.all([storage.list(), storage.getActiveId()]);
  store.getState().actions.hydrate(stored, activeId);
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (write: () => Promise<void>) => {
    chain = chain.then(write).catch((error: unknown) => {
      console.error('hookscope: could not save the workspace', error);
    });
  };
  let saved = new Map<string, Workspace>();
  const saveChanges = (workspaces: readonly Workspace[], active: string) => {
    const next = new Map(workspaces.map((w) => [w.id, w]));
    for (const w of workspaces) if (saved.get(w.id) !== w) enqueue(() => storage.save(w));
    for (const id of saved.keys()) if (!next.has(id)) enqueue(() => storage.remove(id));
    enqueue(() => storage.setActiveId(active));
    saved = next;
  };
  // Persist right away too: a first visit keeps its fresh workspace across a reload.
  saveChanges(store.getState().workspaces, store.getState().activeId);
  const stop = store.subscribe((state, previous) => {
    if (state.workspaces === previous.workspaces && state.activeId === previous.activeId) return;
    saveChanges(state.workspaces, state.activeId);
  });
  return { flush: () => chain, stop };
}
