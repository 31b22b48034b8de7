import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { readWorkspace, type Workspace } from './workspace';

/** Where workspaces live. The studio uses IndexedDB; tests pass an in-memory one. */
export interface WorkspaceStorage {
  list(): Promise<Workspace[]>;
  save(workspace: Workspace): Promise<void>;
  remove(id: string): Promise<void>;
  getActiveId(): Promise<string | undefined>;
  setActiveId(id: string): Promise<void>;
}

interface Index {
  ids: string[];
  active?: string;
}

/**
 * IndexedDB storage through idb-keyval: one record per workspace plus an index record, so
 * saving the workspace being typed in writes one small record, not all of them.
 * `dbName` lets a docs page keep its embedded studios apart from the main one.
 */
export function createIndexedDbStorage(dbName = 'hookscope'): WorkspaceStorage {
  const store: UseStore = createStore(dbName, 'workspaces');
  const readIndex = async (): Promise<Index> => {
    const raw = await get<Index>('index', store);
    return raw && Array.isArray(raw.ids) ? raw : { ids: [] };
  };
  return {
    async list() {
      const index = await readIndex();
      const all = await Promise.all(index.ids.map((id) => get(`ws:${id}`, store)));
      return all.map(readWorkspace).filter((w): w is Workspace => w !== undefined);
    },
    async save(workspace) {
      await set(`ws:${workspace.id}`, workspace, store);
      const index = await readIndex();
      if (!index.ids.includes(workspace.id)) {
        await set('index', { ...index, ids: [...index.ids, workspace.id] }, store);
      }
    },
    async remove(id) {
      await del(`ws:${id}`, store);
      const index = await readIndex();
      await set('index', { ...index, ids: index.ids.filter((x) => x !== id) }, store);
    },
    async getActiveId() {
      return (await readIndex()).active;
    },
    async setActiveId(id) {
      const index = await readIndex();
      await set('index', { ...index, active: id }, store);
    },
  };
}

/** Storage kept in memory: for tests and for embedded studios that must not persist. */
export function createMemoryStorage(): WorkspaceStorage {
  const map = new Map<string, Workspace>();
  let active: string | undefined;
  return {
    list: async () => [...map.values()].map((w) => structuredClone(w)),
    save: async (w) => {
      map.set(w.id, structuredClone(w));
    },
    remove: async (id) => {
      map.delete(id);
    },
    getActiveId: async () => active,
    setActiveId: async (id) => {
      active = id;
    },
  };
}
