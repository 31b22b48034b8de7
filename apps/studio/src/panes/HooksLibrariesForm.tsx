import { useId, useState } from 'react';
import {
  addHooksLibrary,
  type HooksLibraryEntry,
  moveHooksLibrary,
  readHooksLibraries,
  removeHooksLibrary,
  setHooksLibraryParameters,
} from '../editors/hooksLibrariesEdits';
import { getLibraryCatalog } from '../examples/getLibraryCatalog';
import { useActiveWorkspace, useStudioActions } from '../state/useStudio';
import { ParametersForm } from './ParametersForm';

/**
 * The hooks-libraries list as a form. It reads the config text and writes text edits back, so
 * it and the editor are two views of one text: an edit in either shows in the other at once.
 */
export function HooksLibrariesForm() {
  const workspace = useActiveWorkspace();
  const actions = useStudioActions();
  const entries = readHooksLibraries(workspace.config, workspace.family);
  const [path, setPath] = useState('');
  const [open, setOpen] = useState<number | undefined>(undefined);
  const [dragged, setDragged] = useState<number | undefined>(undefined);
  const ids = { path: useId(), list: useId() };
  const catalog = getLibraryCatalog(workspace);
  const apply = (change: (text: string) => string) => actions.setConfig(change(workspace.config));
  const move = (from: number, to: number) =>
    apply((t) => moveHooksLibrary(t, workspace.family, from, to));

  return (
    <fieldset className="hooks-form">
      <legend>hooks-libraries</legend>
      {entries === undefined ? (
        <p className="hint">
          The config has a syntax error; fix it in the editor to use this form.
        </p>
      ) : (
        <ol className="hooks-list">
          {entries.map((entry, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity of an entry
              key={index}
              draggable
              className={dragged === index ? 'dragging' : undefined}
              onDragStart={() => setDragged(index)}
              onDragEnd={() => setDragged(undefined)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragged !== undefined) move(dragged, index);
                setDragged(undefined);
              }}
            >
              <EntryRow
                entry={entry}
                index={index}
                count={entries.length}
                isOpen={open === index}
                onToggle={() => setOpen(open === index ? undefined : index)}
                onMove={(to) => move(index, to)}
                onRemove={() => apply((t) => removeHooksLibrary(t, workspace.family, index))}
                onParameters={(p) =>
                  apply((t) => setHooksLibraryParameters(t, workspace.family, index, p))
                }
                schema={catalog.find((c) => c.path === entry.library)?.schema}
                known={catalog.some((c) => c.path === entry.library)}
              />
            </li>
          ))}
        </ol>
      )}
      <form
        className="add-library"
        onSubmit={(e) => {
          e.preventDefault();
          if (!path.trim() || entries === undefined) return;
          apply((t) => addHooksLibrary(t, workspace.family, { library: path.trim() }));
          setPath('');
        }}
      >
        <label htmlFor={ids.path}>Library path</label>
        <input
          id={ids.path}
          list={ids.list}
          value={path}
          placeholder="/usr/lib/kea/hooks/libdhcp_….so"
          onChange={(e) => setPath(e.target.value)}
        />
        <datalist id={ids.list}>
          {catalog.map((c) => (
            <option key={c.path} value={c.path}>
              {c.title}
            </option>
          ))}
        </datalist>
        <button type="submit">Add library</button>
      </form>
    </fieldset>
  );
}

interface EntryRowProps {
  entry: HooksLibraryEntry;
  index: number;
  count: number;
  isOpen: boolean;
  known: boolean;
  schema: object | undefined;
  onToggle(): void;
  onMove(to: number): void;
  onRemove(): void;
  onParameters(parameters: Record<string, unknown> | undefined): void;
}

function EntryRow(props: EntryRowProps) {
  const { entry, index, count } = props;
  const name = typeof entry.library === 'string' ? entry.library : '(not a string)';
  // Alt+Up / Alt+Down on any of the entry's buttons reorder it, like dragging.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowUp' && index > 0) props.onMove(index - 1);
    else if (e.key === 'ArrowDown' && index < count - 1) props.onMove(index + 1);
    else return;
    e.preventDefault();
  };
  return (
    <div className="hooks-entry">
      <div className="entry-line">
        <span className="entry-index">{index + 1}</span>
        <code className="entry-path">{name}</code>
        <button
          onKeyDown={onKeyDown}
          type="button"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => props.onMove(index - 1)}
        >
          ↑
        </button>
        <button
          onKeyDown={onKeyDown}
          type="button"
          aria-label={`Move ${name} down`}
          disabled={index === count - 1}
          onClick={() => props.onMove(index + 1)}
        >
          ↓
        </button>
        <button
          onKeyDown={onKeyDown}
          type="button"
          aria-expanded={props.isOpen}
          onClick={props.onToggle}
        >
          Parameters
        </button>
        <button
          onKeyDown={onKeyDown}
          type="button"
          aria-label={`Remove ${name}`}
          onClick={props.onRemove}
        >
          Remove
        </button>
      </div>
      {props.isOpen && (
        <ParametersForm
          library={name}
          known={props.known}
          schema={props.schema}
          value={entry.parameters}
          onChange={props.onParameters}
        />
      )}
    </div>
  );
}
