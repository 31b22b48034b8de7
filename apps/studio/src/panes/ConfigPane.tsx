import { useRef } from 'react';
import { CodeEditor } from '../editors/CodeEditor';
import { formatConfigText } from '../editors/configText';
import { useActiveWorkspace, useStudioActions } from '../state/useStudio';
import { downloadText, readDroppedText } from './files';
import { HooksLibrariesForm } from './HooksLibrariesForm';

/** The config: Monaco (Kea's comments, schema help) above the hooks-libraries form. */
export function ConfigPane() {
  const workspace = useActiveWorkspace();
  const actions = useStudioActions();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section
      className="pane config-pane"
      aria-label="Config"
      onDragOver={(e) => e.preventDefault()}
      onDrop={async (e) => {
        const text = await readDroppedText(e);
        if (text !== undefined) {
          e.preventDefault();
          actions.setConfig(text);
        }
      }}
    >
      <div className="pane-title">
        <h2>Config</h2>
        <div className="toolbar">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open config…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Open config file"
            accept=".json,.conf,.jsonc,.txt"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) actions.setConfig(await file.text());
              e.target.value = '';
            }}
          />
          <button
            type="button"
            onClick={() => downloadText(`${workspace.family}.json`, workspace.config)}
          >
            Download
          </button>
          <button
            type="button"
            onClick={() => actions.setConfig(formatConfigText(workspace.config))}
          >
            Format
          </button>
        </div>
      </div>
      <div className="editor-box">
        <CodeEditor
          path={`/${workspace.id}/kea-${workspace.family}.conf`}
          language="kea-config"
          label="Kea config text"
          keaVersion={workspace.keaVersion}
          value={workspace.config}
          onChange={actions.setConfig}
        />
      </div>
      <HooksLibrariesForm />
    </section>
  );
}
