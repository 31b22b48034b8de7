import {
  getCalloutBadges,
  getCalloutLabel,
  getRequestTimeline,
  statusName,
  type TraceColumns,
} from '@hookscope/trace';
import { memo, useMemo } from 'react';
import { badgeDescription, badgeText } from './badgeText';

// Geometry of the grid, in CSS pixels: hooks across, libraries down (the guide's figures).
const LABEL_WIDTH = 150;
const HEADER_HEIGHT = 44;
const COLUMN_WIDTH = 124;
const ROW_HEIGHT = 74;
const CELL_WIDTH = 110;

export interface TimelineProps {
  columns: TraceColumns;
  request: number;
  /** Callout under the cursor (flat position), highlighted. */
  cursor: number | undefined;
  /** A column and callout to mark (compare: where the runs first differ). */
  mark?: { column?: number; callout?: number };
  onSelect?: (position: number) => void;
  /** Accessible name of the grid. */
  label: string;
}

function centre(column: number, row: number) {
  return {
    x: LABEL_WIDTH + column * COLUMN_WIDTH + COLUMN_WIDTH / 2,
    y: HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2,
  };
}

/**
 * One request as a grid: a column per hook reached (in order), a row per library, a cell per
 * callout. Red lines run down each hook through its callouts in call order (the argument list
 * passed from library to library); blue lines run across each library through its callouts
 * (its context, kept for the whole request). Memoised: it redraws only when its props change.
 */
export const Timeline = memo(function Timeline({
  columns: trace,
  request,
  cursor,
  mark,
  onSelect,
  label,
}: TimelineProps) {
  const timeline = useMemo(() => getRequestTimeline(trace, request), [trace, request]);
  const { columns, rows, cells } = timeline;
  const place = useMemo(() => {
    const at = new Map<number, { column: number; row: number; slot: number; of: number }>();
    for (const cell of cells) {
      cell.callouts.forEach((c, slot) => {
        at.set(c, { column: cell.column, row: cell.row, slot, of: cell.callouts.length });
      });
    }
    return at;
  }, [cells]);
  const pointOf = (c: number) => {
    const p = place.get(c);
    if (!p) return { x: 0, y: 0 };
    const base = centre(p.column, p.row);
    return { x: base.x, y: base.y + (p.slot - (p.of - 1) / 2) * 22 };
  };
  const width = LABEL_WIDTH + Math.max(columns.length, 1) * COLUMN_WIDTH + 10;
  const height = HEADER_HEIGHT + Math.max(rows.length, 1) * ROW_HEIGHT + 10;
  return (
    <section className="timeline" aria-label={label} data-request={request}>
      <div className="timeline-canvas" style={{ width, height }}>
        <svg width={width} height={height} aria-hidden="true" className="timeline-lines">
          {columns.map((column, i) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              key={i}
              x={LABEL_WIDTH + i * COLUMN_WIDTH + 4}
              y={4}
              width={COLUMN_WIDTH - 8}
              height={height - 8}
              rx={6}
              className={[
                'hook-band',
                column.faint ? 'faint' : '',
                mark?.column === i ? 'marked' : '',
              ].join(' ')}
            />
          ))}
          {rows.map((row, r) => {
            const y = centre(0, r).y;
            const points = [
              `${LABEL_WIDTH - 8},${y}`,
              ...row.contextLine.map((c) => pointOf(c)).map((p) => `${p.x},${p.y}`),
            ];
            return row.contextLine.length > 0 ? (
              <polyline key={row.library} points={points.join(' ')} className="context-line" />
            ) : undefined;
          })}
          {columns.map((column, i) => {
            if (column.argumentLine.length === 0) return undefined;
            const x = centre(i, 0).x;
            const points = [
              `${x},${HEADER_HEIGHT - 6}`,
              ...column.argumentLine.map((c) => {
                const p = pointOf(c);
                return `${p.x},${p.y}`;
              }),
            ];
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
            return <polyline key={i} points={points.join(' ')} className="argument-line" />;
          })}
        </svg>
        {columns.map((column, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
            key={i}
            className={column.faint ? 'hook-label faint' : 'hook-label'}
            style={{ left: LABEL_WIDTH + i * COLUMN_WIDTH, width: COLUMN_WIDTH, top: 4 }}
            title={column.faint ? `${column.hook}: reached, no callouts` : column.hook}
          >
            <code>{column.hook}</code>
            {column.faint && <span className="visually-hidden"> (no callouts)</span>}
            {column.status !== undefined && column.status !== 0 && (
              <span className="badge status">→ {statusName(column.status)}</span>
            )}
          </div>
        ))}
        {rows.map((row, r) => (
          <div
            key={row.library}
            className="library-label"
            style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, height: ROW_HEIGHT, width: LABEL_WIDTH }}
            title={row.label}
          >
            <span className="library-index">{row.library}</span>
            <span className="library-path">{row.label}</span>
          </div>
        ))}
        {[...place.keys()].map((c) => {
          const p = pointOf(c);
          const event = getCalloutLabel(trace, c);
          const badges = getCalloutBadges(trace, c);
          const name = [
            `${event.callout} on ${event.hook}, library ${event.library}`,
            ...badges.map(badgeDescription),
          ].join(', ');
          return (
            <button
              key={c}
              type="button"
              className={[
                'callout-cell',
                c === cursor ? 'current' : '',
                mark?.callout === c ? 'marked' : '',
              ].join(' ')}
              style={{ left: p.x - CELL_WIDTH / 2, top: p.y - 10, width: CELL_WIDTH }}
              aria-label={name}
              aria-current={c === cursor ? 'step' : undefined}
              data-callout={event.callout}
              onClick={() => onSelect?.(c)}
            >
              <span className="callout-name">{event.callout}</span>
              {badges.map((b) => (
                <span key={b.kind} className={`badge ${b.kind} ${badgeText(b)}`}>
                  {badgeText(b)}
                </span>
              ))}
            </button>
          );
        })}
      </div>
      <p className="timeline-legend">
        <span className="legend-argument">red</span>: the hook's arguments, handed from callout to
        callout; <span className="legend-context">blue</span>: each library's context, kept through
        the request; faint: hooks reached without callouts.
      </p>
    </section>
  );
});
