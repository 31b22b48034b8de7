import {
  type CalloutDetail,
  formatChangePath,
  type SnapshotChange,
  type SnapshotMap,
  statusName,
  type TraceEvent,
} from '@hookscope/trace';
import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { badgeDescription } from './badgeText';
import type { OpenedTrace } from './traceProtocol';
import { useDebugger } from './useDebugger';
import { ValueView } from './ValueView';

/** Every prefix of each changed path, so a changed field also marks its parents. */
function changedPaths(changes: readonly SnapshotChange[]): Set<string> {
  const out = new Set<string>();
  for (const change of changes) out.add(formatChangePath(change.path));
  return out;
}

function SnapshotTable({
  title,
  before,
  after,
  changes,
}: {
  title: string;
  before: SnapshotMap;
  after: SnapshotMap;
  changes: readonly SnapshotChange[];
}) {
  const changed = useMemo(() => changedPaths(changes), [changes]);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <section className="snapshot" aria-label={title}>
      <h4>
        {title}
        {changes.length > 0 && (
          <span className="badge changed-count">{changes.length} changed</span>
        )}
      </h4>
      {names.length === 0 ? (
        <p className="hint">(none)</p>
      ) : (
        <table className="snapshot-table">
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">before</th>
              <th scope="col">after</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <tr
                key={name}
                data-name={name}
                className={changes.some((c) => c.path[0] === name) ? 'changed-row' : ''}
              >
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td className="before">
                  <ValueView snapshot={before[name]} path={name} changed={changed} />
                </td>
                <td className="after">
                  <ValueView snapshot={after[name]} path={name} changed={changed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AttachedEvent({ event }: { event: TraceEvent }) {
  switch (event.type) {
    case 'log':
      return (
        <li className={`log sev-${event.severity.toLowerCase()}`}>
          {event.severity} {event.logger} <code>{event.id}</code> {event.text}
        </li>
      );
    case 'file-write':
      return (
        <li className="file-write">
          {event.mode === 'append' ? 'appended to' : 'wrote'} <code>{event.path}</code>
          {event.data !== undefined && <pre>{event.data}</pre>}
        </li>
      );
    case 'park':
    case 'unpark':
      return (
        <li>
          {event.type} on {event.hook}
        </li>
      );
    case 'drop':
      return <li>dropped: {event.reason}</li>;
    default:
      return <li>{event.type}</li>;
  }
}

// While a step key is held, the inspector follows at most this often (the timeline follows
// every step); a single step is shown at once.
const FOLLOW_MS = 100;

/**
 * The detail of the callout under the cursor, asked of the trace host (snapshots and diffs
 * stay in the worker until shown). The last detail stays on screen until the next arrives, and
 * arrives at a lower priority: holding a step key stays smooth.
 */
function useCalloutDetail(
  trace: OpenedTrace,
  position: number | undefined,
): { detail: CalloutDetail | undefined; current: boolean } {
  const service = useDebugger((s) => s.service);
  const [shown, setShown] = useState<{ trace: number; detail: CalloutDetail | undefined }>();
  const lastAsked = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (position === undefined) {
      setShown({ trace: trace.id, detail: undefined });
      return undefined;
    }
    let wanted = true;
    const ask = () => {
      lastAsked.current = performance.now();
      service.detail(trace.id, position).then(
        (detail) => {
          if (wanted) startTransition(() => setShown({ trace: trace.id, detail }));
        },
        // The trace was closed meanwhile (another one opened): nothing to show for it.
        () => undefined,
      );
    };
    const wait = lastAsked.current + FOLLOW_MS - performance.now();
    const timer = wait > 0 ? setTimeout(ask, wait) : undefined;
    if (timer === undefined) ask();
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [service, trace.id, position]);
  const detail = shown?.trace === trace.id ? shown.detail : undefined;
  return { detail, current: detail?.position === position };
}

/** The callout under the cursor: what it saw, what it changed, what it said. */
export const Inspector = memo(function Inspector({
  trace,
  position,
}: {
  trace: OpenedTrace;
  position: number | undefined;
}) {
  const { detail, current } = useCalloutDetail(trace, position);
  if (!detail) {
    return (
      <section className="inspector" aria-label="Inspector" aria-busy={position !== undefined}>
        <p className="hint">
          {position === undefined ? 'No callout is selected.' : 'Reading the callout…'}
        </p>
      </section>
    );
  }
  const { event } = detail;
  const library = trace.columns.libraries.find((l) => l.index === event.library);
  return (
    <section className="inspector" aria-label="Inspector" aria-busy={!current}>
      <h3>
        <code>{event.callout}</code> on <code>{event.hook}</code>, library {event.library}
      </h3>
      {library && <p className="library-path">{library.library}</p>}
      <dl className="callout-facts">
        <dt>Status</dt>
        <dd data-testid="inspector-status">
          {statusName(event.status.before)} → {statusName(event.status.after)}
        </dd>
        <dt>Result</dt>
        <dd data-testid="inspector-result">
          {event.thrown ? (
            <span className="error">
              threw {event.thrown.name}: {event.thrown.message}
            </span>
          ) : event.returned !== undefined ? (
            `returned ${event.returned}`
          ) : (
            'no return value recorded'
          )}
        </dd>
        <dt>Duration</dt>
        <dd>{(event.durationNs / 1000).toFixed(1)} µs</dd>
        {detail.badges.length > 0 && (
          <>
            <dt>Badges</dt>
            <dd>{detail.badges.map(badgeDescription).join('; ')}</dd>
          </>
        )}
      </dl>
      {event.thrown?.stack && <pre className="stack">{event.thrown.stack}</pre>}
      <SnapshotTable
        title="Arguments"
        before={event.arguments.before}
        after={event.arguments.after}
        changes={detail.argumentChanges}
      />
      <SnapshotTable
        title={`Context of library ${event.library}`}
        before={event.context.before}
        after={event.context.after}
        changes={detail.contextChanges}
      />
      <section aria-label="Made by this callout">
        <h4>Made by this callout</h4>
        {detail.attached.length === 0 ? (
          <p className="hint">No log line or file write.</p>
        ) : (
          <ul className="attached">
            {detail.attached.map((e) => (
              <AttachedEvent key={e.seq} event={e} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
});
