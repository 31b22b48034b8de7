import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createEmptyWorkspace,
  type RunStep,
  type ServerFamily,
  type UserLibrary,
  type Workspace,
} from './workspace';

/**
 * The studio's state. The only module that imports the state library: every studio on a page
 * gets its own store from `createStudioStore`, so a docs page can hold several at once.
 */
export interface StudioState {
  /** 'loading' until the stored workspaces are read; nothing is saved before that. */
  phase: 'loading' | 'ready';
  workspaces: Workspace[];
  activeId: string;
  selectedLibrary: string | undefined;
  selectedStep: string | undefined;
  actions: StudioActions;
}

export interface StudioActions {
  hydrate(workspaces: readonly Workspace[], activeId: string | undefined): void;
  setConfig(text: string): void;
  setName(name: string): void;
  setFamily(family: ServerFamily): void;
  setKeaVersion(version: string): void;
  setBudget(ms: number): void;
  addLibrary(library: UserLibrary): void;
  setLibrarySource(path: string, source: string): void;
  removeLibrary(path: string): void;
  selectLibrary(path: string | undefined): void;
  addSteps(steps: readonly RunStep[]): void;
  removeStep(id: string): void;
  /** Replaces a step (same id), e.g. a packet's bytes edited. */
  updateStep(step: RunStep): void;
  moveStep(id: string, delta: number): void;
  selectStep(id: string | undefined): void;
  newWorkspace(name?: string): void;
  /** Adds (or replaces, by id) a whole workspace and makes it active: examples, imports. */
  openWorkspace(workspace: Workspace): void;
  switchWorkspace(id: string): void;
  deleteWorkspace(id: string): void;
}

export type StudioStore = StoreApi<StudioState>;

/** The active workspace; the store always holds at least one. */
export function getActiveWorkspace(state: StudioState): Workspace {
  const found = state.workspaces.find((w) => w.id === state.activeId);
  if (found) return found;
  const first = state.workspaces[0];
  if (!first) throw new Error('studio store holds no workspace');
  return first;
}

/** Creates one studio's store. `now` is injected so tests control `updatedAt`. */
export function createStudioStore(options: { now?: () => number } = {}): StudioStore {
  const now = options.now ?? Date.now;
  const initial = createEmptyWorkspace('Untitled workspace', now());
  return createStore<StudioState>()((setState, getState) => {
    /** Applies `change` to the active workspace, keeping the others' identities. */
    const edit = (change: (w: Workspace) => Partial<Workspace>) => {
      const state = getState();
      const active = getActiveWorkspace(state);
      const next = { ...active, ...change(active), updatedAt: now() };
      setState({ workspaces: state.workspaces.map((w) => (w.id === active.id ? next : w)) });
    };
    const actions: StudioActions = {
      hydrate(workspaces, activeId) {
        const list = workspaces.length > 0 ? [...workspaces] : [getActiveWorkspace(getState())];
        const active = list.find((w) => w.id === activeId) ?? list[0];
        setState({
          phase: 'ready',
          workspaces: list,
          activeId: active?.id ?? initial.id,
          selectedLibrary: active?.libraries[0]?.path,
        });
      },
      setConfig: (config) => edit(() => ({ config })),
      setName: (name) => edit(() => ({ name })),
      setFamily: (family) => edit(() => ({ family })),
      setKeaVersion: (keaVersion) => edit(() => ({ keaVersion })),
      setBudget: (budgetMs) => edit(() => ({ budgetMs: Math.max(50, Math.round(budgetMs)) })),
      addLibrary(library) {
        edit((w) => ({
          libraries: [...w.libraries.filter((l) => l.path !== library.path), library],
        }));
        setState({ selectedLibrary: library.path });
      },
      setLibrarySource: (path, source) =>
        edit((w) => ({
          libraries: w.libraries.map((l) => (l.path === path ? { ...l, source } : l)),
        })),
      removeLibrary(path) {
        edit((w) => ({ libraries: w.libraries.filter((l) => l.path !== path) }));
        const rest = getActiveWorkspace(getState()).libraries;
        setState({ selectedLibrary: rest[0]?.path });
      },
      selectLibrary: (selectedLibrary) => setState({ selectedLibrary }),
      addSteps: (steps) => edit((w) => ({ steps: [...w.steps, ...steps] })),
      removeStep: (id) => edit((w) => ({ steps: w.steps.filter((s) => s.id !== id) })),
      updateStep: (step) =>
        edit((w) => ({ steps: w.steps.map((s) => (s.id === step.id ? step : s)) })),
      moveStep: (id, delta) =>
        edit((w) => {
          const from = w.steps.findIndex((s) => s.id === id);
          const to = Math.min(w.steps.length - 1, Math.max(0, from + delta));
          if (from < 0 || from === to) return {};
          const steps = [...w.steps];
          const [moved] = steps.splice(from, 1);
          if (moved) steps.splice(to, 0, moved);
          return { steps };
        }),
      selectStep: (selectedStep) => setState({ selectedStep }),
      newWorkspace(name) {
        const w = createEmptyWorkspace(name, now());
        setState({
          workspaces: [...getState().workspaces, w],
          activeId: w.id,
          selectedLibrary: undefined,
          selectedStep: undefined,
        });
      },
      openWorkspace(workspace) {
        const others = getState().workspaces.filter((w) => w.id !== workspace.id);
        setState({
          workspaces: [...others, workspace],
          activeId: workspace.id,
          selectedLibrary: workspace.libraries[0]?.path,
          selectedStep: undefined,
        });
      },
      switchWorkspace(id) {
        const w = getState().workspaces.find((x) => x.id === id);
        if (!w) return;
        setState({ activeId: id, selectedLibrary: w.libraries[0]?.path, selectedStep: undefined });
      },
      deleteWorkspace(id) {
        const rest = getState().workspaces.filter((w) => w.id !== id);
        const list = rest.length > 0 ? rest : [createEmptyWorkspace('Untitled workspace', now())];
        const active = list.find((w) => w.id === getState().activeId) ?? list[0];
        setState({
          workspaces: list,
          activeId: active?.id ?? '',
          selectedLibrary: active?.libraries[0]?.path,
        });
      },
    };
    return {
      phase: 'loading',
      workspaces: [initial],
      activeId: initial.id,
      selectedLibrary: undefined,
      selectedStep: undefined,
      actions,
    };
  });
}

/** React binding: subscribes a component to a slice of `store` (selector results must be stable). */
export function useStudioState<T>(store: StudioStore, selector: (state: StudioState) => T): T {
  return useStore(store, selector);
}
