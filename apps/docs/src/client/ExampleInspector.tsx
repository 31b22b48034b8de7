import type { LogLine, StepOutcome } from '@hookscope/sandbox';
import type { TimelineColumn } from '../example/getExampleTimeline';
import { statusName } from '../example/getExampleTimeline';
import type { SelectedCell } from './ExampleTimeline';

/**
 * What one callout did: its hook and library, the status before and after, its return value
 * or exception, and the log lines and server outcome of the step it ran in.
 */
export function ExampleInspector({
  selected,
  column,
  libraryPaths,
  log,
  steps,
}: {
  selected: SelectedCell | undefined;
  column: TimelineColumn | undefined;
  libraryPaths: readonly string[];
  log: readonly LogLine[];
  steps: readonly StepOutcome[];
}) {
  if (!selected || !column) {
    return (
      <section className="inspector" aria-label="Inspector">
        <p className="hint">Select a callout in the timeline to inspect it.</p>
      </section>
    );
  }
  const { cell } = selected;
  const stepLog = log.filter((l) => l.step === column.step);
  const outcome = steps.find((s) => s.step === column.step);
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <dl>
        <dt>Callout</dt>
        <dd>{cell.callout}</dd>
        <dt>Hook</dt>
        <dd>{column.hook}</dd>
        <dt>Library</dt>
        <dd>
          {cell.library}: {libraryPaths[cell.library - 1] ?? '?'}
        </dd>
        <dt>Status</dt>
        <dd>
          {statusName(cell.statusBefore)} → {statusName(cell.statusAfter)}
        </dd>
        <dt>Returned</dt>
        <dd>{cell.thrown ? '(threw)' : (cell.returned ?? '')}</dd>
        {cell.thrown && (
          <>
            <dt>Exception</dt>
            <dd>
              <pre>
                {cell.thrown.name}: {cell.thrown.message}
              </pre>
            </dd>
          </>
        )}
        {outcome && (
          <>
            <dt>Step result</dt>
            <dd>{describeOutcome(outcome)}</dd>
          </>
        )}
      </dl>
      {stepLog.length > 0 && (
        <>
          <h4>Log of this step</h4>
          <LogList lines={stepLog} />
        </>
      )}
    </section>
  );
}

export function LogList({ lines }: { lines: readonly LogLine[] }) {
  return (
    <ol className="log">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: log lines are positional
        <li key={i} className={`log-${l.severity.toLowerCase()}`}>
          <span className="severity">{l.severity}</span>{' '}
          <span className="logger">[{l.logger}]</span> <span className="message-id">{l.id}</span>{' '}
          {l.text}
        </li>
      ))}
    </ol>
  );
}

export function describeOutcome(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'packet':
      if (outcome.error) return `error: ${outcome.error}`;
      return outcome.responses.length === 0
        ? 'no response'
        : `${outcome.responses.length} response${outcome.responses.length > 1 ? 's' : ''} sent`;
    case 'command':
      return `answer ${outcome.answer.result}${outcome.answer.text ? `: ${outcome.answer.text}` : ''}`;
    case 'advance':
      return outcome.error ? `error: ${outcome.error}` : `clock advanced ${outcome.seconds} s`;
  }
}
