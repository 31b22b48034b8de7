import { Timeline } from './Timeline';
import { useDebugger } from './useDebugger';

/**
 * The second run beside the first: where they first differ (request, hook, callout), a button
 * that goes there, and the second run's timeline for the same request with that place marked.
 */
export function ComparePanel({ onGoToDifference }: { onGoToDifference: () => void }) {
  const compare = useDebugger((s) => s.compare);
  const request = useDebugger((s) => s.request);
  if (!compare) return undefined;
  const { difference } = compare;
  const { columns } = compare.trace;
  const sameRequest = difference && difference.request === request;
  return (
    <section className="compare" aria-label="Compare">
      <h3>Compared with a second run</h3>
      {difference ? (
        <p data-testid="first-difference">
          First difference: request {difference.request + 1}
          {difference.column !== undefined && `, hook column ${difference.column + 1}`} —{' '}
          {difference.detail}{' '}
          <button type="button" aria-keyshortcuts="d" onClick={onGoToDifference}>
            Go to first difference
          </button>
        </p>
      ) : (
        <p data-testid="first-difference">The two runs do not differ.</p>
      )}
      {request < columns.requestCount ? (
        <Timeline
          columns={columns}
          request={request}
          cursor={undefined}
          label="Second run timeline"
          mark={
            sameRequest ? { column: difference.column, callout: difference.calloutB } : undefined
          }
        />
      ) : (
        <p className="hint">The second run has no request {request + 1}.</p>
      )}
    </section>
  );
}
