import { CalloutFlag, getRequestOverview, type TraceColumns } from '@hookscope/trace';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';

const ROW_HEIGHT = 26;

function flagText(flags: number): string {
  const parts: string[] = [];
  if (flags & CalloutFlag.STATUS_CHANGED) parts.push('status');
  if (flags & CalloutFlag.THREW) parts.push('exception');
  if (flags & CalloutFlag.NONZERO_RETURN) parts.push('return');
  return parts.join(' ');
}

/**
 * One row, memoised: while the list scrolls, only the rows that come into view are drawn (the
 * others keep their props; only their offset changes).
 */
const RequestRow = memo(function RequestRow({
  columns,
  position,
  start,
  current,
  onSelect,
}: {
  columns: TraceColumns;
  position: number;
  start: number;
  current: boolean;
  onSelect: (request: number) => void;
}) {
  const entry = getRequestOverview(columns, position);
  const flags = flagText(entry.flags);
  return (
    <li style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}>
      <button
        type="button"
        className={current ? 'request-row current' : 'request-row'}
        aria-current={current ? 'true' : undefined}
        onClick={() => onSelect(position)}
      >
        <span className="request-number">{entry.request.id}</span>
        <span className="request-summary">{entry.request.summary}</span>
        <span className="request-count">{entry.callouts} callouts</span>
        {flags && <span className={`badge flags ${flags}`}>{flags}</span>}
      </button>
    </li>
  );
});

/**
 * Every request of the trace, one row each, virtualised (only the rows in view exist), so a
 * trace of tens of thousands of requests scrolls like a short one. Rows are built on demand
 * from the index's columns.
 */
export const RequestOverview = memo(function RequestOverview({
  columns,
  selected,
  onSelect,
}: {
  columns: TraceColumns;
  selected: number;
  onSelect: (request: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: columns.requestCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [virtualizer, selected]);
  return (
    <nav className="request-overview" aria-label="Requests">
      <h3>
        Requests <span className="count">({columns.requestCount})</span>
      </h3>
      <div ref={scroller} className="request-scroller" data-testid="request-scroller">
        <ol style={{ height: virtualizer.getTotalSize() }} className="request-rows">
          {virtualizer.getVirtualItems().map((item) => (
            <RequestRow
              key={item.key}
              columns={columns}
              position={item.index}
              start={item.start}
              current={item.index === selected}
              onSelect={onSelect}
            />
          ))}
        </ol>
      </div>
    </nav>
  );
});
