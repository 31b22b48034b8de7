import { SUPPORTED_KEA_VERSIONS } from '@hookscope/server';
import { useId } from 'react';
import { getExamples } from './examples/getExamples';
import { useActiveWorkspace, useStudio, useStudioActions } from './state/useStudio';

/** Workspaces (switch, new, rename, delete), examples, and the run's settings. */
export function Header() {
  const workspaces = useStudio((s) => s.workspaces);
  const active = useActiveWorkspace();
  const actions = useStudioActions();
  const ids = {
    ws: useId(),
    name: useId(),
    example: useId(),
    kea: useId(),
    budget: useId(),
    family: useId(),
  };
  return (
    <header className="studio-header">
      <h1>hookscope</h1>
      <div className="field">
        <label htmlFor={ids.ws}>Workspace</label>
        <select
          id={ids.ws}
          value={active.id}
          onChange={(e) => actions.switchWorkspace(e.target.value)}
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={active.name}
          onChange={(e) => actions.setName(e.target.value)}
        />
      </div>
      <button type="button" onClick={() => actions.newWorkspace()}>
        New workspace
      </button>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(`Delete the workspace "${active.name}"?`))
            actions.deleteWorkspace(active.id);
        }}
      >
        Delete workspace
      </button>
      <div className="field">
        <label htmlFor={ids.example}>Open example</label>
        <select
          id={ids.example}
          value=""
          onChange={(e) => {
            const example = getExamples().find((x) => x.id === e.target.value);
            if (example) actions.openWorkspace(example.create());
          }}
        >
          <option value="">Choose…</option>
          {getExamples().map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.family}>Server</label>
        <select
          id={ids.family}
          value={active.family}
          onChange={(e) => actions.setFamily(e.target.value === 'dhcp6' ? 'dhcp6' : 'dhcp4')}
        >
          <option value="dhcp4">kea-dhcp4</option>
          <option value="dhcp6">kea-dhcp6</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kea}>Kea version</label>
        <select
          id={ids.kea}
          value={active.keaVersion}
          onChange={(e) => actions.setKeaVersion(e.target.value)}
        >
          {[...SUPPORTED_KEA_VERSIONS].reverse().map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.budget}>Time budget (ms)</label>
        <input
          id={ids.budget}
          type="number"
          min={50}
          step={50}
          value={active.budgetMs}
          onChange={(e) => actions.setBudget(Number(e.target.value) || 2000)}
        />
      </div>
    </header>
  );
}
