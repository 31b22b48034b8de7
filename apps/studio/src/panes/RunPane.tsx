import type { HookEvent, LogLine } from '@hookscope/sandbox';
import { useId, useMemo, useState } from 'react';
import { type RunView, useRun } from '../sandbox/useRun';
import { useActiveWorkspace } from '../state/useStudio';
import type { Workspace } from '../state/workspace';
import { decodePacket, describeStep } from './describeStep';

type Tab = 'hooks' | 'log' | 'files' | 'responses';
const TABS: { id: Tab; label: string }[] = [
  { id: 'hooks', label: 'Hook sequence' },
  { id: 'log', label: 'Log' },
  { id: 'files', label: 'Files' },
  { id: 'responses', label: 'Responses' },
];

/** The run: status, then the hook sequence, log, virtual files and responses, as tabs. */
export function RunPane() {
  const workspace = useActiveWorkspace();
  const run = useRun(workspace);
  const [tab, setTab] = useState<Tab>('hooks');
  const view = run.data;
  const failure = view?.summary?.failure;
  const idle = !run.isFetching && !run.waiting;
  const status = run.isFetching
    ? 'Running…'
    : failure
      ? `Run failed (${failure.kind})`
      : view?.summary
        ? `Run finished in ${Math.round(view.summary.durationMs)} ms`
        : 'Not run yet';
  return (
    <section className="pane run-pane" aria-label="Run">
      <div className="pane-title">
        <h2>Run</h2>
        <output
          className="run-status"
          aria-live="polite"
          data-testid="run-status"
          data-state={idle ? 'idle' : 'busy'}
        >
          {status}
        </output>
        <div role="tablist" aria-label="Run output" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {failure && (
        <div role="alert" className="error run-failure">
          <strong>{failure.message}</strong>
          {failure.stack && <pre>{failure.stack}</pre>}
        </div>
      )}
      {view?.summary?.configure && view.summary.configure.result !== 0 && (
        <p role="alert" className="error">
          Configuration refused: {view.summary.configure.text}
        </p>
      )}
      {/* Focusable, as the ARIA tabs pattern says, so the keyboard can scroll a long output. */}
      <div
        role="tabpanel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is a tab stop (APG tabs pattern)
        tabIndex={0}
        className="run-output"
        aria-label={TABS.find((t) => t.id === tab)?.label}
      >
        {view && tab === 'hooks' && <HookSequence hooks={view.hooks} workspace={workspace} />}
        {view && tab === 'log' && <LogView log={view.log} />}
        {view && tab === 'files' && <FilesView view={view} />}
        {view && tab === 'responses' && <ResponsesView view={view} workspace={workspace} />}
      </div>
    </section>
  );
}

const STATUS = ['CONTINUE', 'SKIP', 'DROP', 'PARK'];

/** The hook sequence grouped by step: configuration first, then each packet or command. */
function HookSequence({ hooks, workspace }: { hooks: readonly HookEvent[]; workspace: Workspace }) {
  if (hooks.length === 0) return <p className="hint">No hook was reached.</p>;
  const groups: { step: string | undefined; hooks: HookEvent[] }[] = [];
  for (const h of hooks) {
    const last = groups[groups.length - 1];
    if (last && last.step === h.step) last.hooks.push(h);
    else groups.push({ step: h.step, hooks: [h] });
  }
  const title = (step: string | undefined) => {
    if (step === undefined) return 'Configuration and shutdown';
    const index = workspace.steps.findIndex((s) => s.id === step);
    const s = workspace.steps[index];
    if (!s) return 'Step';
    const row = describeStep(s, workspace.family);
    return `${index + 1}. ${row.type} ${row.xid} ${row.client}`.trim();
  };
  return (
    <div className="hook-groups">
      {groups.map((g, gi) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups follow the run's order
        <section key={gi} aria-label={title(g.step)}>
          <h3>{title(g.step)}</h3>
          <HookList hooks={g.hooks} />
        </section>
      ))}
    </div>
  );
}

function HookList({ hooks }: { hooks: readonly HookEvent[] }) {
  return (
    <ol className="hook-sequence">
      {hooks.map((h, i) =>
        h.library === undefined ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sequence is append-only
          <li key={i} className={h.noCallouts ? 'hook faint' : 'hook'}>
            <code>{h.hook}</code>
            {h.noCallouts && <span className="visually-hidden"> (no callouts)</span>}
          </li>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sequence is append-only
          <li key={i} className="callout">
            library {h.library} · <code>{h.callout}</code>
            {h.statusAfter !== h.statusBefore && h.statusAfter !== undefined && (
              <span className="badge">{STATUS[h.statusAfter] ?? h.statusAfter}</span>
            )}
            {h.returned !== undefined && h.returned !== 0 && (
              <span className="badge">returned {h.returned}</span>
            )}
            {h.thrown && (
              <details className="thrown">
                <summary className="badge error">
                  threw {h.thrown.name}: {h.thrown.message}
                </summary>
                {h.thrown.stack && <pre>{h.thrown.stack}</pre>}
              </details>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

const SEVERITIES = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;

function LogView({ log }: { log: readonly LogLine[] }) {
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('DEBUG');
  const [logger, setLogger] = useState('');
  const ids = { severity: useId(), logger: useId() };
  const loggers = useMemo(() => [...new Set(log.map((l) => l.logger))].sort(), [log]);
  const min = SEVERITIES.indexOf(severity);
  const shown = log.filter(
    (l) => SEVERITIES.indexOf(l.severity) >= min && (logger === '' || l.logger === logger),
  );
  return (
    <div className="log-view">
      <div className="toolbar">
        <label htmlFor={ids.severity}>Severity at least</label>
        <select
          id={ids.severity}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as typeof severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label htmlFor={ids.logger}>Logger</label>
        <select id={ids.logger} value={logger} onChange={(e) => setLogger(e.target.value)}>
          <option value="">all</option>
          {loggers.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </div>
      <table className="log" aria-label="Log records">
        <tbody>
          {shown.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
            <tr key={i} className={`sev-${l.severity.toLowerCase()}`}>
              <td>{l.severity}</td>
              <td>{l.logger}</td>
              <td>
                <code>{l.id}</code>
              </td>
              <td>{l.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilesView({ view }: { view: RunView }) {
  const files = view.summary?.files ?? [];
  if (files.length === 0) return <p className="hint">No file was written.</p>;
  return (
    <div className="files">
      {files.map((f) => (
        <figure key={f.path}>
          <figcaption>
            <code>{f.path}</code>
          </figcaption>
          <pre>{f.content}</pre>
        </figure>
      ))}
    </div>
  );
}

function ResponsesView({ view, workspace }: { view: RunView; workspace: Workspace }) {
  if (view.steps.length === 0) return <p className="hint">No step was played.</p>;
  /** Why a packet got no answer when the reason is in the bytes (the server drops it unparsed). */
  const undecodable = (id: string) => {
    const step = workspace.steps.find((x) => x.id === id);
    if (step?.kind !== 'packet') return undefined;
    const decoded = decodePacket(step.hex, workspace.family);
    return decoded.ok ? undefined : decoded.error;
  };
  return (
    <ol className="responses">
      {view.steps.map((s) => (
        <li key={s.step}>
          {s.kind === 'packet' &&
            (s.error || (s.responses.length === 0 && undecodable(s.step)) ? (
              <span className="error">
                packet error:{' '}
                {s.error ?? `the server cannot parse it and drops it: ${undecodable(s.step)}`}
              </span>
            ) : (
              <span>
                {s.responses.length === 0
                  ? 'no response (dropped or not answered)'
                  : `${s.responses.length} response(s)`}
              </span>
            ))}
          {s.kind === 'command' && <pre>{JSON.stringify(s.answer, null, 2)}</pre>}
          {s.kind === 'advance' && <span>clock advanced {s.seconds} s</span>}
        </li>
      ))}
    </ol>
  );
}
