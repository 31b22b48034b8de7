import type { HookEvent } from '@hookscope/sandbox';
import type { ExampleExpectation } from './example';

/** One callout call in the timeline. */
export interface TimelineCell {
  /** Index in the run's hook events (for the inspector). */
  event: number;
  library: number;
  callout: string;
  statusBefore: number | undefined;
  statusAfter: number | undefined;
  returned: number | undefined;
  thrown: HookEvent['thrown'];
}

/** One hook point reached by one step: a column of the timeline. */
export interface TimelineColumn {
  step: string | undefined;
  hook: string;
  /** Reached, but no library had a callout on it. */
  faint: boolean;
  cells: TimelineCell[];
}

export interface ExampleTimeline {
  columns: TimelineColumn[];
  /** Library indexes that appear (1-based, hooks-libraries order). */
  libraries: number[];
  observed: ExampleExpectation;
}

/**
 * Groups a run's hook events into columns (a hook reached by a step, with its callouts in call
 * order) and folds them into what an example's expectation states. `libraryPaths[i]` is the
 * path of library index i + 1 (Kea numbers libraries from 1). Pure.
 */
export function getExampleTimeline(
  events: readonly HookEvent[],
  libraryPaths: readonly string[],
): ExampleTimeline {
  const columns: TimelineColumn[] = [];
  events.forEach((event, index) => {
    let column = columns[columns.length - 1];
    const opensColumn =
      event.library === undefined ||
      !column ||
      column.hook !== event.hook ||
      column.step !== event.step;
    if (opensColumn) {
      column = { step: event.step, hook: event.hook, faint: event.noCallouts === true, cells: [] };
      columns.push(column);
    }
    if (event.library === undefined || column === undefined) return;
    column.faint = false;
    column.cells.push({
      event: index,
      library: event.library,
      callout: event.callout ?? event.hook,
      statusBefore: event.statusBefore,
      statusAfter: event.statusAfter,
      returned: event.returned,
      thrown: event.thrown,
    });
  });
  const hooks: string[] = [];
  const libraries: number[] = [];
  for (const column of columns) {
    if (column.cells.length === 0) continue;
    if (hooks[hooks.length - 1] !== column.hook) hooks.push(column.hook);
    for (const cell of column.cells)
      if (!libraries.includes(cell.library)) libraries.push(cell.library);
  }
  return {
    columns,
    libraries: [...libraries].sort((a, b) => a - b),
    observed: {
      hooks,
      libraries: libraries.map((i) => libraryPaths[i - 1] ?? `library ${i}`),
    },
  };
}

/** Whether a run matches what its example promised; an example without a promise matches. */
export function matchesExpectation(
  observed: ExampleExpectation,
  expected: ExampleExpectation | undefined,
): boolean {
  if (!expected) return true;
  return (
    observed.hooks.join(',') === expected.hooks.join(',') &&
    observed.libraries.join(',') === expected.libraries.join(',')
  );
}

export const STATUS_NAMES = ['CONTINUE', 'SKIP', 'DROP', 'PARK'] as const;

export function statusName(status: number | undefined): string {
  return status === undefined ? '' : (STATUS_NAMES[status] ?? String(status));
}
