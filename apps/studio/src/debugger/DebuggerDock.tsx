import { lazy, Suspense, useEffect, useState } from 'react';
import { useStudioActions } from '../state/useStudio';
import type { Workspace } from '../state/workspace';
import { readDebuggerHash, writeDebuggerHash } from './debuggerHash';
import { containsLibraryCode, decodeSharedWorkspace } from './sharedWorkspace';
import './debugger.css';

const DebuggerPane = lazy(() =>
  import('./DebuggerPane').then((m) => ({ default: m.DebuggerPane })),
);

function replaceHash(hash: string) {
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}

/**
 * The studio's entry to the trace debugger: a button that opens it over the panes, and the
 * handling of shared links (a workspace in the URL). A shared workspace with library code is
 * shown first and runs only when the person agrees.
 */
export function DebuggerDock() {
  const actions = useStudioActions();
  const [open, setOpen] = useState(() => readDebuggerHash(window.location.hash).open);
  const [pending, setPending] = useState<Workspace>();
  const [error, setError] = useState<string>();
  // A shared link, when the page opens with one or when one is pasted into the address bar.
  useEffect(() => {
    const openShared = () => {
      const hash = readDebuggerHash(window.location.hash);
      if (!hash.workspace) return;
      const result = decodeSharedWorkspace(hash.workspace);
      replaceHash(
        writeDebuggerHash(window.location.hash, { ...hash, workspace: undefined, open: false }),
      );
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (containsLibraryCode(result.workspace)) {
        setOpen(false);
        setPending(result.workspace);
      } else {
        actions.openWorkspace(result.workspace);
        setOpen(true);
      }
    };
    openShared();
    window.addEventListener('hashchange', openShared);
    return () => window.removeEventListener('hashchange', openShared);
  }, [actions]);
  const toggle = (next: boolean) => {
    setOpen(next);
    const hash = readDebuggerHash(window.location.hash);
    replaceHash(writeDebuggerHash(window.location.hash, { ...hash, open: next }));
  };
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {pending && (
        <div
          className="shared-review"
          role="dialog"
          aria-modal="true"
          aria-label="Shared workspace"
        >
          <h2>A shared workspace with library code</h2>
          <p>
            The link holds {pending.libraries.length} library file(s). Running the workspace runs
            this code (in the sandbox, without network access). Read it first.
          </p>
          {pending.libraries.map((library) => (
            <figure key={library.path}>
              <figcaption>
                <code>{library.path}</code>
              </figcaption>
              <pre className="shared-code">{library.source}</pre>
            </figure>
          ))}
          <div className="toolbar">
            <button
              type="button"
              onClick={() => {
                actions.openWorkspace(pending);
                setPending(undefined);
                toggle(true);
              }}
            >
              Open and run this workspace
            </button>
            <button
              type="button"
              onClick={() => {
                setPending(undefined);
                replaceHash('');
              }}
            >
              Do not run it
            </button>
          </div>
        </div>
      )}
      {open ? (
        <div className="debugger-overlay">
          <Suspense fallback={<p className="hint">Loading the trace debugger…</p>}>
            <DebuggerPane onClose={() => toggle(false)} />
          </Suspense>
        </div>
      ) : (
        <div className="debugger-bar">
          <button type="button" onClick={() => toggle(true)} aria-expanded={false}>
            Open trace debugger
          </button>
        </div>
      )}
    </>
  );
}
