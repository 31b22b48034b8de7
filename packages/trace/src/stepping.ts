import {
  CalloutFlag,
  getCalloutFlags,
  type TraceColumns,
  type TraceIndex,
} from './buildTraceIndex';
import { snapshotEqual } from './jsonEqual';
import { assertUnreachable, type CalloutEvent } from './types';

// Stepping moves a cursor, a flat callout position (0..calloutCount-1), through the trace in
// the index's order: requests in order, callouts of a request in call order. Every function is
// pure and returns the new position, or undefined when there is nowhere to go (the UI keeps
// its cursor then).

export type Breakpoint =
  | { kind: 'hook'; hook: string }
  | { kind: 'library'; library: number }
  /** A callout by its function name, optionally only on one hook or in one library. */
  | { kind: 'callout'; callout: string; hook?: string; library?: number }
  | { kind: 'status-change' }
  /** Any argument changed, or only the one named. */
  | { kind: 'argument-changed'; argument?: string }
  | { kind: 'exception' };

export function nextCallout(index: TraceColumns, position: number): number | undefined {
  return position + 1 < index.calloutCount ? position + 1 : undefined;
}

export function previousCallout(index: TraceColumns, position: number): number | undefined {
  return position > 0 && position <= index.calloutCount ? position - 1 : undefined;
}

/** The first callout of the next hook (occurrence) that has callouts. */
export function nextHook(index: TraceColumns, position: number): number | undefined {
  const occurrence = index.calloutOccurrence[position];
  for (let c = position + 1; c < index.calloutCount; c++) {
    if (index.calloutOccurrence[c] !== occurrence) return c;
  }
  return undefined;
}

/** The first callout of the hook before the current one. */
export function previousHook(index: TraceColumns, position: number): number | undefined {
  const occurrence = index.calloutOccurrence[position];
  let c = position - 1;
  while (c >= 0 && index.calloutOccurrence[c] === occurrence) c--;
  if (c < 0) return undefined;
  const target = index.calloutOccurrence[c];
  while (c > 0 && index.calloutOccurrence[c - 1] === target) c--;
  return c;
}

/** The first callout of the next request that has callouts. */
export function nextRequest(index: TraceColumns, position: number): number | undefined {
  const request = index.calloutRequest[position];
  if (request === undefined) return undefined;
  const start = index.requestCalloutStart[request + 1]!;
  return start < index.calloutCount ? start : undefined;
}

/** The first callout of the previous request that has callouts. */
export function previousRequest(index: TraceColumns, position: number): number | undefined {
  const request = index.calloutRequest[position];
  if (request === undefined) return undefined;
  const start = index.requestCalloutStart[request]!;
  if (start === 0) return undefined;
  return index.requestCalloutStart[index.calloutRequest[start - 1]!]!;
}

/** The first callout of a request (by position), or undefined if it has none. */
export function firstCalloutOfRequest(index: TraceColumns, request: number): number | undefined {
  const start = index.requestCalloutStart[request];
  const end = index.requestCalloutStart[request + 1];
  return start !== undefined && end !== undefined && start < end ? start : undefined;
}

/** Whether the callout at `position` stops at this breakpoint. Pure. */
export function matchesBreakpoint(
  index: TraceIndex,
  position: number,
  breakpoint: Breakpoint,
): boolean {
  const flags = index.calloutFlags[position]!;
  switch (breakpoint.kind) {
    case 'hook':
      return (
        index.hookNames[index.occurrenceHook[index.calloutOccurrence[position]!]!] ===
        breakpoint.hook
      );
    case 'library':
      return index.calloutLibrary[position] === breakpoint.library;
    case 'callout':
      // Read from the columns in place: a scan tests every callout, no label object each.
      return (
        index.calloutNames[index.calloutNameId[position]!] === breakpoint.callout &&
        (breakpoint.hook === undefined ||
          index.hookNames[index.occurrenceHook[index.calloutOccurrence[position]!]!] ===
            breakpoint.hook) &&
        (breakpoint.library === undefined || index.calloutLibrary[position] === breakpoint.library)
      );
    case 'status-change':
      return (flags & CalloutFlag.STATUS_CHANGED) !== 0;
    case 'argument-changed': {
      if ((getCalloutFlags(index, position) & CalloutFlag.ARGUMENTS_CHANGED) === 0) return false;
      if (breakpoint.argument === undefined) return true;
      const event = index.trace.events[index.calloutEvent[position]!] as CalloutEvent;
      const name = breakpoint.argument;
      return !snapshotEqual(event.arguments.before[name], event.arguments.after[name]);
    }
    case 'exception':
      return (flags & CalloutFlag.THREW) !== 0;
    default:
      return assertUnreachable(breakpoint);
  }
}

/**
 * Runs from the cursor (exclusive) to the next callout that matches any breakpoint, forwards
 * or backwards. Undefined when none does (or there are no breakpoints).
 */
export function runToBreakpoint(
  index: TraceIndex,
  position: number,
  breakpoints: readonly Breakpoint[],
  direction: 'forward' | 'backward' = 'forward',
): number | undefined {
  if (breakpoints.length === 0) return undefined;
  const step = direction === 'forward' ? 1 : -1;
  for (let c = position + step; c >= 0 && c < index.calloutCount; c += step) {
    for (const breakpoint of breakpoints) if (matchesBreakpoint(index, c, breakpoint)) return c;
  }
  return undefined;
}
