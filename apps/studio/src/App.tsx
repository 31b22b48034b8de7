import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DebuggerDock } from './debugger/DebuggerDock';
import { Header } from './Header';
import { ConfigPane } from './panes/ConfigPane';
import { LibraryPane } from './panes/LibraryPane';
import { PacketsPane } from './panes/PacketsPane';
import { RunPane } from './panes/RunPane';
import { createSandboxClient } from './sandbox/createSandboxClient';
import { connectStorage } from './state/connectStorage';
import { createStudioStore } from './state/createStudioStore';
import { type Studio, StudioContext, useStudio } from './state/useStudio';
import { createIndexedDbStorage, type WorkspaceStorage } from './state/workspaceStorage';

export interface AppProps {
  /** URL of the bundled sandbox worker (see main.tsx). */
  workerUrl: string;
  /** Default: IndexedDB database "hookscope". */
  storage?: WorkspaceStorage;
}

/**
 * One studio: its own store, sandbox and query cache, so a page may hold several.
 * Nothing is shown until the stored workspaces are loaded, so a reload never flashes an
 * empty workspace over the saved one.
 */
export function App({ workerUrl, storage }: AppProps) {
  const [studio] = useState<Studio>(() => ({
    store: createStudioStore(),
    sandbox: createSandboxClient({ workerUrl }),
  }));
  const [queryClient] = useState(() => new QueryClient());
  const [store] = useState(() => storage ?? createIndexedDbStorage());
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    connectStorage(studio.store, store).then((link) => {
      if (cancelled) link.stop();
      else stop = link.stop;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [studio, store]);
  useEffect(() => () => studio.sandbox.dispose(), [studio]);
  return (
    <StudioContext.Provider value={studio}>
      <QueryClientProvider client={queryClient}>
        <Layout />
      </QueryClientProvider>
    </StudioContext.Provider>
  );
}

function Layout() {
  const phase = useStudio((s) => s.phase);
  if (phase === 'loading') {
    return (
      <main className="studio loading" aria-busy="true">
        <h1>hookscope</h1>
        <p>Loading your workspaces…</p>
      </main>
    );
  }
  return (
    <div className="studio">
      <Header />
      <main className="panes">
        <ConfigPane />
        <LibraryPane />
        <PacketsPane />
        <RunPane />
      </main>
      <DebuggerDock />
    </div>
  );
}
