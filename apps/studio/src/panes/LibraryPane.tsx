import { getBuiltinLibrary } from '@hookscope/libraries';
import { useId, useState } from 'react';
import { CodeEditor } from '../editors/CodeEditor';
import { readHooksLibraries } from '../editors/hooksLibrariesEdits';
import { useActiveWorkspace, useStudio, useStudioActions } from '../state/useStudio';
import { downloadText } from './files';

const NEW_LIBRARY = `import { type CalloutHandle, KEA_HOOKS_VERSION, NextStep } from '@hookscope/engine';

// The hooks version this library was built for: the server refuses any other.
export function version(): number {
  return KEA_HOOKS_VERSION;
}

// Kea 2.3.5 and later run multi-threaded by default and refuse libraries that do not say yes.
export function multi_threading_compatible(): number {
  return 1;
}

export function pkt4_receive(handle: CalloutHandle): number {
  return 0;
}
`;

/** The built-in libraries the config names, with what each shows (their code is hookscope's). */
function BuiltinLibraries() {
  const workspace = useActiveWorkspace();
  const named = readHooksLibraries(workspace.config, workspace.family) ?? [];
  const builtins = named
    .map((entry) =>
      typeof entry.library === 'string' ? getBuiltinLibrary(entry.library) : undefined,
    )
    .filter((b, i, all) => b !== undefined && all.indexOf(b) === i);
  if (builtins.length === 0) return null;
  return (
    <section className="builtins" aria-label="Built-in libraries in this config">
      <h3>Built-in libraries in this config</h3>
      {builtins.map(
        (b) =>
          b && (
            <details key={b.id} open={builtins.length === 1}>
              <summary>
                {b.title} <code>{b.path}</code>
              </summary>
              <p>{b.explanation}</p>
            </details>
          ),
      )}
    </section>
  );
}

/** The user's libraries: one tab per library path, Monaco with the engine's IntelliSense. */
export function LibraryPane() {
  const workspace = useActiveWorkspace();
  const selected = useStudio((s) => s.selectedLibrary);
  const actions = useStudioActions();
  const [path, setPath] = useState('/usr/lib/kea/hooks/libmine.so');
  const pathId = useId();
  const library = workspace.libraries.find((l) => l.path === selected) ?? workspace.libraries[0];
  return (
    <section className="pane library-pane" aria-label="Libraries">
      <div className="pane-title">
        <h2>Libraries</h2>
        <div role="tablist" aria-label="Your libraries" className="tabs">
          {workspace.libraries.map((l) => (
            <button
              key={l.path}
              type="button"
              role="tab"
              aria-selected={l.path === library?.path}
              onClick={() => actions.selectLibrary(l.path)}
            >
              {l.path.split('/').pop()}
            </button>
          ))}
        </div>
      </div>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const p = path.trim();
          if (!p) return;
          actions.addLibrary({ path: p, language: 'ts', source: NEW_LIBRARY });
        }}
      >
        <label htmlFor={pathId}>New library path</label>
        <input id={pathId} value={path} onChange={(e) => setPath(e.target.value)} />
        <button type="submit">New library</button>
        {library && (
          <>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${library.path.split('/').pop()}.ts`,
                  library.source,
                  'text/typescript',
                )
              }
            >
              Download
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Remove the library ${library.path}?`))
                  actions.removeLibrary(library.path);
              }}
            >
              Remove library
            </button>
          </>
        )}
      </form>
      {library ? (
        <div className="editor-box" role="tabpanel" aria-label={library.path}>
          <p className="hint">
            Loaded as <code>{library.path}</code> when the config&apos;s hooks-libraries names it.
          </p>
          <CodeEditor
            path={`/${workspace.id}${library.path}`}
            language={library.language === 'ts' ? 'typescript' : 'javascript'}
            label={`Source of ${library.path}`}
            value={library.source}
            onChange={(source) => actions.setLibrarySource(library.path, source)}
          />
        </div>
      ) : (
        <p className="hint">No library of your own yet: create one, or open an example.</p>
      )}
      <BuiltinLibraries />
    </section>
  );
}
