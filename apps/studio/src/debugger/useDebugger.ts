import { createContext, useContext } from 'react';
import { type DebuggerState, type DebuggerStore, useDebuggerState } from './createDebuggerStore';

export const DebuggerContext = createContext<DebuggerStore | undefined>(undefined);

export function useDebuggerStore(): DebuggerStore {
  const store = useContext(DebuggerContext);
  if (!store) throw new Error('useDebugger must be used inside <TraceDebugger>');
  return store;
}

/** A slice of this debugger's state; the selector must return stable values. */
export function useDebugger<T>(selector: (state: DebuggerState) => T): T {
  return useDebuggerState(useDebuggerStore(), selector);
}
