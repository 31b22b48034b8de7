import { CalloutFlag, type TraceColumns } from './buildTraceIndex';
import { getRequest } from './traceColumns';
import type { TraceRequest } from './types';

export const STATUS_NAMES = ['CONTINUE', 'SKIP', 'DROP', 'PARK'] as const;
export type StatusName = (typeof STATUS_NAMES)[number];

export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `status ${status}`;
}

export type CalloutBadge =
  | { kind: 'status'; status: StatusName | string; from: string }
  | { kind: 'returned'; value: number }
  | { kind: 'exception'; name: string; message: string };

/** One hook occurrence across the top of the timeline. */
export interface TimelineColumn {
  occurrence: number;
  hook: string;
  /** Reached with no callouts: drawn faintly. */
  faint: boolean;
  /** The status the server saw after the last callout; undefined if the hook did not end. */
  status: number | undefined;
  /** Callout positions in call order: the hook's argument line (the guide's red line). */
  argumentLine: number[];
}

/** One library down the side of the timeline. */
export interface TimelineRow {
  library: number;
  /** The library path from the trace, or "server" for Kea's own indexes (0 and INT_MAX). */
  label: string;
  /** This library's callouts in this request, in order: its context line (the blue line). */
  contextLine: number[];
}

export interface TimelineCell {
  column: number;
  row: number;
  /** Positions of the callouts of this library on this hook (more than one is allowed). */
  callouts: number[];
}

export interface RequestTimeline {
  position: number;
  request: TraceRequest;
  columns: TimelineColumn[];
  rows: TimelineRow[];
  cells: TimelineCell[];
}

/** Badges of one callout: a status change, a non-zero return, an exception. Pure. */
export function getCalloutBadges(index: TraceColumns, position: number): CalloutBadge[] {
  const flags = index.calloutFlags[position]!;
  const badges: CalloutBadge[] = [];
  if (flags & CalloutFlag.STATUS_CHANGED) {
    badges.push({
      kind: 'status',
      status: statusName(index.calloutStatusAfter[position]!),
      from: statusName(index.calloutStatusBefore[position]!),
    });
  }
  if (flags & (CalloutFlag.THREW | CalloutFlag.NONZERO_RETURN)) {
    const thrown = index.calloutThrown.get(position);
    const returned = index.calloutReturned[position]!;
    if (thrown) {
      badges.push({ kind: 'exception', name: thrown.name, message: thrown.message });
    } else if (!Number.isNaN(returned)) {
      badges.push({ kind: 'returned', value: returned });
    }
  }
  return badges;
}

/**
 * The grid the UI draws for one request: hooks in processing order across, libraries down,
 * a cell per (hook, library) that has callouts. Rows list every library of the trace, so rows
 * line up between requests. Pure; cost is linear in the request's size.
 * Throws RangeError for a position outside the trace's requests.
 */
export function getRequestTimeline(index: TraceColumns, position: number): RequestTimeline {
  const request = getRequest(index, position);
  if (!request) throw new RangeError(`no request at position ${position}`);
  const rows: TimelineRow[] = index.libraries
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((library) => ({ library: library.index, label: library.library, contextLine: [] }));
  const rowOf = new Map<number, number>(rows.map((row, i) => [row.library, i]));

  const firstOccurrence = index.requestOccurrenceStart[position]!;
  const lastOccurrence = index.requestOccurrenceStart[position + 1]!;
  const columns: TimelineColumn[] = [];
  for (let o = firstOccurrence; o < lastOccurrence; o++) {
    const status = index.occurrenceStatus[o]!;
    columns.push({
      occurrence: o,
      hook: index.hookNames[index.occurrenceHook[o]!]!,
      faint: index.occurrenceCalloutCount[o] === 0,
      status: status < 0 ? undefined : status,
      argumentLine: [],
    });
  }

  const cells: TimelineCell[] = [];
  const cellAt = new Map<number, TimelineCell>();
  const end = index.requestCalloutStart[position + 1]!;
  for (let c = index.requestCalloutStart[position]!; c < end; c++) {
    const column = index.calloutOccurrence[c]! - firstOccurrence;
    const library = index.calloutLibrary[c]!;
    let row = rowOf.get(library);
    if (row === undefined) {
      row = rows.length;
      rows.push({
        library,
        label: library >= 1 ? `library ${library}` : 'server',
        contextLine: [],
      });
      rowOf.set(library, row);
    }
    columns[column]!.argumentLine.push(c);
    rows[row]!.contextLine.push(c);
    const key = column * 65536 + row;
    let cell = cellAt.get(key);
    if (!cell) {
      cell = { column, row, callouts: [] };
      cellAt.set(key, cell);
      cells.push(cell);
    }
    cell.callouts.push(c);
  }
  return { position, request, columns, rows, cells };
}

export interface RequestOverviewEntry {
  position: number;
  request: TraceRequest;
  callouts: number;
  hooks: number;
  /** OR of the callout flags of the request (CalloutFlag bits). */
  flags: number;
}

/** A light row per request for the overview list; cheap enough to compute on demand. */
export function getRequestOverview(index: TraceColumns, position: number): RequestOverviewEntry {
  const request = getRequest(index, position);
  if (!request) throw new RangeError(`no request at position ${position}`);
  return {
    position,
    request,
    callouts: index.requestCalloutStart[position + 1]! - index.requestCalloutStart[position]!,
    hooks: index.requestOccurrenceStart[position + 1]! - index.requestOccurrenceStart[position]!,
    flags: index.requestFlags[position]!,
  };
}
