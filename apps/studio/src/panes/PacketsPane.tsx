import { useId, useRef, useState } from 'react';
import { useRun } from '../sandbox/useRun';
import { useActiveWorkspace, useStudio, useStudioActions } from '../state/useStudio';
import type { RunStep, ServerFamily } from '../state/workspace';
import { BuilderForm } from './BuilderForm';
import { describeStep } from './describeStep';
import { FieldTree } from './FieldTree';
import { importCapture } from './importCapture';

const SAMPLES = [{ file: 'two-clients.pcap', title: 'Two clients: 2 DHCPDISCOVER, 1 DHCPREQUEST' }];

/** The run's steps like Wireshark's packet list, with commands and clock advances between. */
export function PacketsPane() {
  const workspace = useActiveWorkspace();
  const selected = useStudio((s) => s.selectedStep);
  const actions = useStudioActions();
  const [error, setError] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const addFromFile = async (file: File) => {
    const result = await importCapture(file, workspace.family);
    if (result.ok) {
      actions.addSteps(result.steps);
      setError(result.warnings.length ? `${file.name}: ${result.warnings.join('; ')}` : undefined);
    } else setError(`${file.name}: ${result.error}`);
  };
  const step = workspace.steps.find((s) => s.id === selected);
  return (
    <section
      className="pane packets-pane"
      aria-label="Packets"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void addFromFile(file);
      }}
    >
      <div className="pane-title">
        <h2>Packets and commands</h2>
        <div className="toolbar">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import capture…
          </button>
          <select
            aria-label="Add a sample capture"
            value=""
            onChange={async (e) => {
              const sample = SAMPLES.find((x) => x.file === e.target.value);
              if (!sample) return;
              // Served with the studio (public/samples): same origin, no network beyond it.
              const response = await fetch(`./samples/${sample.file}`);
              await addFromFile(new File([await response.blob()], sample.file));
            }}
          >
            <option value="">Sample capture…</option>
            {SAMPLES.map((x) => (
              <option key={x.file} value={x.file}>
                {x.title}
              </option>
            ))}
          </select>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Import a pcap, pcapng or hex file"
            accept=".pcap,.pcapng,.cap,.hex,.txt"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void addFromFile(file);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <StepTable steps={workspace.steps} selected={selected} family={workspace.family} />
      <BuilderForm family={workspace.family} />
      <AddStepForms />
      {step && <FieldTree step={step} family={workspace.family} />}
    </section>
  );
}

function StepTable(props: {
  steps: readonly RunStep[];
  selected: string | undefined;
  family: ServerFamily;
}) {
  const { steps, selected, family } = props;
  const actions = useStudioActions();
  if (steps.length === 0)
    return <p className="hint">No packets yet: import a capture or add one below.</p>;
  return (
    <div className="table-scroll">
      <table className="steps" aria-label="Run steps">
        <thead>
          <tr>
            <th>No.</th>
            <th>Time</th>
            <th>Type</th>
            <th>Xid</th>
            <th>Client</th>
            <th>Summary</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => {
            const d = describeStep(s, family);
            return (
              <tr
                key={s.id}
                aria-selected={s.id === selected}
                className={s.id === selected ? 'selected' : undefined}
              >
                <td>{i + 1}</td>
                <td>{s.kind === 'packet' && s.time ? s.time.slice(11, 23) : ''}</td>
                <td>
                  <button type="button" className="link" onClick={() => actions.selectStep(s.id)}>
                    {d.type}
                  </button>
                </td>
                <td>{d.xid}</td>
                <td>{d.client}</td>
                <td className="summary">{d.summary}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={`Move step ${i + 1} up`}
                    onClick={() => actions.moveStep(s.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move step ${i + 1} down`}
                    onClick={() => actions.moveStep(s.id, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove step ${i + 1}`}
                    onClick={() => actions.removeStep(s.id)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const COMMANDS = [
  'build-report',
  'config-get',
  'config-set',
  'config-test',
  'config-reload',
  'lease4-get-all',
  'leases-reclaim',
  'list-commands',
  'statistic-get-all',
  'status-get',
  'version-get',
];

function AddStepForms() {
  const actions = useStudioActions();
  // The commands the last run's server and libraries answer, else a common few.
  const offered = useRun(useActiveWorkspace()).data?.summary?.commands;
  const commands = offered && offered.length > 0 ? offered : COMMANDS;
  const [hex, setHex] = useState('');
  const [command, setCommand] = useState('{ "command": "list-commands" }');
  const [seconds, setSeconds] = useState(60);
  const ids = { hex: useId(), command: useId(), commands: useId(), seconds: useId() };
  const id = () => crypto.randomUUID();
  return (
    <div className="add-steps">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!hex.trim()) return;
          actions.addSteps([{ kind: 'packet', id: id(), hex: hex.trim() }]);
          setHex('');
        }}
      >
        <label htmlFor={ids.hex}>Packet (hex)</label>
        <input
          id={ids.hex}
          value={hex}
          placeholder="01 01 06 00 …"
          onChange={(e) => setHex(e.target.value)}
        />
        <button type="submit">Add packet</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          actions.addSteps([{ kind: 'command', id: id(), text: command }]);
        }}
      >
        <label htmlFor={ids.command}>Control command</label>
        <input
          id={ids.command}
          list={ids.commands}
          value={command}
          onChange={(e) => {
            const v = e.target.value;
            // picking a bare command name from the list wraps it as a command object
            setCommand(commands.includes(v) ? `{ "command": "${v}" }` : v);
          }}
        />
        <datalist id={ids.commands}>
          {commands.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <button type="submit">Send command</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          actions.addSteps([{ kind: 'advance', id: id(), seconds }]);
        }}
      >
        <label htmlFor={ids.seconds}>Advance clock (s)</label>
        <input
          id={ids.seconds}
          type="number"
          min={1}
          value={seconds}
          onChange={(e) => setSeconds(Number(e.target.value) || 1)}
        />
        <button type="submit">Advance clock</button>
      </form>
    </div>
  );
}
