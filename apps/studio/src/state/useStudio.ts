import { createContext, useContext } from 'react';
import type { SandboxClient } from '../sandbox/createSandboxClient';
import {
  getActiveWorkspace,
  type StudioState,
  type StudioStore,
  useStudioState,
} from './createStudioStore';
import type { Workspace } from './workspace';

/** What one studio instance owns: its store and its sandbox. */
export interface Studio {
  store: StudioStore;
  sandbox: SandboxClient;
}

export const StudioContext = createContext<Studio | undefined>(undefined);

export function useStudioInstance(): Studio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('useStudio must be used inside <StudioProvider>');
  return studio;
}

/** Subscribes to a slice of this studio's state; the selector must return stable values. */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStudioState(useStudioInstance().store, selector);
}

export function useStudioActions() {
  return useStudio((s) => s.actions);
}

export function useActiveWorkspace(): Workspace {
  return useStudio(getActiveWorkspace);
}
