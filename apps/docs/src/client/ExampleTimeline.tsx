import { Fragment } from 'react';
import type { ExampleTimeline as Timeline, TimelineCell } from '../example/getExampleTimeline';
import { statusName } from '../example/getExampleTimeline';

export interface SelectedCell {
  column: number;
  cell: TimelineCell;
}

/** Badges of a callout: status changes, a non-zero return, an exception. */
export function getCellBadges(cell: TimelineCell): string[] {
  const badges: string[] = [];
  if (cell.statusAfter !== undefined && cell.statusAfter !== cell.statusBefore) {
    badges.push(statusName(cell.statusAfter));
  }
  if (cell.returned !== undefined && cell.returned !== 0) badges.push(`returned ${cell.returned}`);
  if (cell.thrown) badges.push('threw');
  return badges;
}

/**
 * The run as the hooks guide draws it: hook points across in the order the server reached
 * them (grouped by step), libraries down, a cell per callout. Hooks reached without callouts
 * are drawn faintly. Clicking a cell selects it for the inspector.
 */
export function ExampleTimeline({
  timeline,
  libraryPaths,
  stepLabels,
  selected,
  onSelect,
}: {
  timeline: Timeline;
  libraryPaths: readonly string[];
  stepLabels: ReadonlyMap<string, string>;
  selected: SelectedCell | undefined;
  onSelect: (cell: SelectedCell) => void;
}) {
  const rows = libraryPaths.map((path, i) => ({ index: i + 1, path }));
  if (rows.length === 0)
    return <p className="timeline-empty">No hooks libraries are configured.</p>;
  return (
    // Focusable, so a keyboard can scroll a timeline wider than the page.
    <section
      className="timeline-scroll"
      aria-label="Timeline"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className="timeline" data-testid="timeline">
        <thead>
          <tr>
            <th scope="col">Library</th>
            {timeline.columns.map((column, c) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                key={c}
                scope="col"
                className={column.faint ? 'faint' : undefined}
                title={column.step ? (stepLabels.get(column.step) ?? column.step) : 'configuration'}
              >
                <span className="column-step">
                  {column.step ? (stepLabels.get(column.step) ?? column.step) : 'config'}
                </span>
                <span className="column-hook">{column.hook}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" title={row.path}>
                <span className="library-index">{row.index}</span> {basename(row.path)}
              </th>
              {timeline.columns.map((column, c) => {
                const cells = column.cells.filter((cell) => cell.library === row.index);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={c} className={column.faint ? 'faint' : undefined}>
                    {cells.map((cell) => {
                      const badges = getCellBadges(cell);
                      const isSelected = selected?.cell.event === cell.event;
                      return (
                        <button
                          type="button"
                          key={cell.event}
                          className={`callout${isSelected ? ' selected' : ''}${cell.thrown ? ' threw' : ''}`}
                          aria-pressed={isSelected}
                          // The name starts with what the button shows (callout, badges).
                          aria-label={`${[cell.callout, ...badges].join(' ')} of library ${row.index} on ${column.hook}`}
                          onClick={() => onSelect({ column: c, cell })}
                        >
                          {cell.callout}
                          {badges.map((b) => (
                            <Fragment key={b}>
                              {' '}
                              <span className={`badge badge-${b.split(' ')[0]?.toLowerCase()}`}>
                                {b}
                              </span>
                            </Fragment>
                          ))}
                        </button>
                      );
                    })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
