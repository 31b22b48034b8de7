import { snapshotMapEqual } from './jsonEqual';
import {
  type CalloutEvent,
  REQUEST_KINDS,
  type TraceDocument,
  type TraceEvent,
  type TraceLibrary,
  type TraceRequest,
} from './types';

/**
 * Bits of a callout's flags. STATUS_CHANGED, THREW and NONZERO_RETURN are set when the index is
 * built (and OR-ed per request into `requestFlags`); ARGUMENTS_CHANGED and CONTEXT_CHANGED need
 * a structural comparison of the snapshots, made on first use by `getCalloutFlags` (COMPARED
 * marks it done), so opening a large trace does not compare every snapshot up front.
 */
export const CalloutFlag = {
  STATUS_CHANGED: 1,
  ARGUMENTS_CHANGED: 2,
  CONTEXT_CHANGED: 4,
  THREW: 8,
  NONZERO_RETURN: 16,
  COMPARED: 32,
} as const;

/**
 * A trace stored as columns, the model every view and step reads. Strategy (Perfetto's slice
 * buffers): one pass over the events fills typed arrays, so 10,000 requests × 4 libraries cost
 * a few arrays instead of hundreds of thousands of small objects. Three orders:
 * - requests: position 0..requestCount-1, in the order of `trace.requests` (unlisted ids seen in
 *   events are appended);
 * - occurrences: one per hook-start/hook-end pair (a timeline column), grouped by request;
 * - callouts: the flat stepping order, grouped by request, in `seq` order inside a request.
 * `TraceColumns` is what a view draws and steps with; it holds no event, so it can be posted
 * from a worker to the page (see `getTraceColumns`). `TraceIndex` adds the document and what
 * needs it (snapshots, logs, diffs, breakpoints on values, compare).
 */
export interface TraceColumns {
  readonly requestCount: number;
  /** Request id, kind (an index into REQUEST_KINDS) and summary by position (see `getRequest`). */
  readonly requestIds: Float64Array;
  readonly requestKinds: Uint8Array;
  readonly requestSummaries: readonly string[];
  readonly libraries: readonly TraceLibrary[];
  readonly requestCalloutStart: Int32Array;
  readonly requestOccurrenceStart: Int32Array;
  /** OR of the eager flags (status changed, threw, non-zero return) of each request's callouts. */
  readonly requestFlags: Uint8Array;
  /** Interned hook names; `occurrenceHook` holds indexes into it. */
  readonly hookNames: readonly string[];
  readonly occurrenceCount: number;
  readonly occurrenceHook: Int32Array;
  readonly occurrenceRequest: Int32Array;
  /** Status at hook-end; -1 when the hook did not end in the trace. */
  readonly occurrenceStatus: Int8Array;
  readonly occurrenceCalloutCount: Int32Array;
  readonly calloutCount: number;
  readonly calloutRequest: Int32Array;
  readonly calloutOccurrence: Int32Array;
  readonly calloutLibrary: Int32Array;
  /** Interned callout (function) names; `calloutNameId` holds indexes into it. */
  readonly calloutNames: readonly string[];
  readonly calloutNameId: Int32Array;
  readonly calloutStatusBefore: Int8Array;
  readonly calloutStatusAfter: Int8Array;
  /** The callout's return value; NaN when none was recorded. */
  readonly calloutReturned: Float64Array;
  /** Exceptions by flat callout position (few: a map, not a column). */
  readonly calloutThrown: ReadonlyMap<number, { name: string; message: string }>;
  /** Read through `getCalloutFlags` on an index: the content bits are filled in lazily. */
  readonly calloutFlags: Uint8Array;
}

export interface TraceIndex extends TraceColumns {
  readonly trace: TraceDocument;
  readonly requests: readonly TraceRequest[];
  readonly requestPositionById: ReadonlyMap<number, number>;
  /** `requestEvents.subarray(requestEventStart[r], requestEventStart[r + 1])` = event indexes. */
  readonly requestEventStart: Int32Array;
  readonly requestEvents: Int32Array;
  readonly calloutEvent: Int32Array;
  /** Callout `seq` → event indexes of the logs, parks, file writes… made while it ran. */
  readonly attached: ReadonlyMap<number, readonly number[]>;
  /** Callout seqs in increasing order, and the flat position of each (see `findCalloutBySeq`). */
  readonly calloutSeqSorted: Int32Array;
  readonly calloutPositionInSeqOrder: Int32Array;
}

function requestOf(event: TraceEvent): number | undefined {
  return event.request;
}

function flagsOf(event: CalloutEvent): number {
  let flags = 0;
  if (event.status.before !== event.status.after) flags |= CalloutFlag.STATUS_CHANGED;
  if (event.thrown) flags |= CalloutFlag.THREW;
  else if (event.returned !== undefined && event.returned !== 0)
    flags |= CalloutFlag.NONZERO_RETURN;
  return flags;
}

/** Builds the index in two passes over the events. Pure; the trace is not modified. */
export function buildTraceIndex(trace: TraceDocument): TraceIndex {
  const requests: TraceRequest[] = [...trace.requests];
  const requestPositionById = new Map<number, number>();
  for (const [position, request] of requests.entries())
    requestPositionById.set(request.id, position);
  const { events } = trace;

  // Pass 1: counts per request.
  const positionOf = new Int32Array(events.length).fill(-1);
  let eventTotal = 0;
  let calloutTotal = 0;
  let occurrenceTotal = 0;
  const counts = { events: [] as number[], callouts: [] as number[], occurrences: [] as number[] };
  const bump = (list: number[], position: number) => {
    list[position] = (list[position] ?? 0) + 1;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const id = requestOf(event);
    if (id === undefined) continue;
    let position = requestPositionById.get(id);
    if (position === undefined) {
      position = requests.length;
      requests.push({ id, kind: 'packet', summary: `request ${id}` });
      requestPositionById.set(id, position);
    }
    positionOf[i] = position;
    bump(counts.events, position);
    eventTotal += 1;
    if (event.type === 'callout') {
      bump(counts.callouts, position);
      calloutTotal += 1;
    } else if (event.type === 'hook-start') {
      bump(counts.occurrences, position);
      occurrenceTotal += 1;
    }
  }
  // A callout without a hook-start (a partial trace) opens a column of its own: reserve room.
  occurrenceTotal += calloutTotal;

  const n = requests.length;
  const prefix = (list: number[]) => {
    const start = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) start[r + 1] = start[r]! + (list[r] ?? 0);
    return start;
  };
  const requestEventStart = prefix(counts.events);
  const requestCalloutStart = prefix(counts.callouts);
  const requestEvents = new Int32Array(eventTotal);
  const calloutEvent = new Int32Array(calloutTotal);
  const calloutRequest = new Int32Array(calloutTotal);
  const calloutOccurrence = new Int32Array(calloutTotal);
  const calloutLibrary = new Int32Array(calloutTotal);
  const calloutStatusBefore = new Int8Array(calloutTotal);
  const calloutStatusAfter = new Int8Array(calloutTotal);
  const calloutFlags = new Uint8Array(calloutTotal);
  const calloutNameId = new Int32Array(calloutTotal);
  const calloutReturned = new Float64Array(calloutTotal);
  const calloutThrown = new Map<number, { name: string; message: string }>();
  const calloutNames: string[] = [];
  const calloutNameIds = new Map<string, number>();
  const requestFlags = new Uint8Array(n);
  const occurrenceHookTmp = new Int32Array(occurrenceTotal);
  const occurrenceRequestTmp = new Int32Array(occurrenceTotal);
  const occurrenceStatusTmp = new Int8Array(occurrenceTotal).fill(-1);
  const occurrenceCalloutTmp = new Int32Array(occurrenceTotal);
  const hookNames: string[] = [];
  const hookIds = new Map<string, number>();
  const intern = (hook: string): number => {
    let id = hookIds.get(hook);
    if (id === undefined) {
      id = hookNames.length;
      hookNames.push(hook);
      hookIds.set(hook, id);
    }
    return id;
  };
  const attached = new Map<number, number[]>();
  // A Map of 100,000s of entries costs more than the rest of the build; seqs come in order, so
  // two arrays and a binary search do the same job.
  const calloutSeqSorted = new Int32Array(calloutTotal);
  const calloutPositionInSeqOrder = new Int32Array(calloutTotal);
  let calloutsSeen = 0;

  // Pass 2: events in seq order, placed by request. Occurrences are numbered per request
  // later, so first collect them in trace order with their request.
  const eventCursor = requestEventStart.slice(0, n);
  const calloutCursor = requestCalloutStart.slice(0, n);
  const openByRequest = new Map<number, number[]>();
  const implicit = new Set<number>();
  let occurrences = 0;
  const openOccurrence = (position: number, hook: string): number => {
    const o = occurrences++;
    occurrenceHookTmp[o] = intern(hook);
    occurrenceRequestTmp[o] = position;
    return o;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const position = positionOf[i]!;
    if (position >= 0) requestEvents[eventCursor[position]!++] = i;
    const owner =
      'callout' in event && typeof event.callout === 'number' ? event.callout : undefined;
    if (event.type !== 'callout' && owner !== undefined) {
      const list = attached.get(owner);
      if (list) list.push(i);
      else attached.set(owner, [i]);
    }
    if (position < 0) continue;
    let open = openByRequest.get(position);
    if (!open) {
      open = [];
      openByRequest.set(position, open);
    }
    // A column opened for a callout without hook-start ends at the next hook boundary.
    const top0 = open[open.length - 1];
    if (
      top0 !== undefined &&
      implicit.has(top0) &&
      (event.type === 'hook-start' ||
        event.type === 'hook-end' ||
        (event.type === 'callout' && hookNames[occurrenceHookTmp[top0]!] !== event.hook))
    ) {
      open.pop();
    }
    if (event.type === 'hook-start') {
      open.push(openOccurrence(position, event.hook));
    } else if (event.type === 'hook-end') {
      const top = open[open.length - 1];
      if (top !== undefined && hookNames[occurrenceHookTmp[top]!] === event.hook) {
        occurrenceStatusTmp[top] = event.status;
        open.pop();
      }
    } else if (event.type === 'callout') {
      let top = open[open.length - 1];
      if (top === undefined || hookNames[occurrenceHookTmp[top]!] !== event.hook) {
        top = openOccurrence(position, event.hook);
        implicit.add(top);
        open.push(top);
      }
      const c = calloutCursor[position]!++;
      calloutEvent[c] = i;
      calloutRequest[c] = position;
      calloutOccurrence[c] = top;
      occurrenceCalloutTmp[top] = occurrenceCalloutTmp[top]! + 1;
      calloutLibrary[c] = event.library;
      calloutStatusBefore[c] = event.status.before;
      calloutStatusAfter[c] = event.status.after;
      let nameId = calloutNameIds.get(event.callout);
      if (nameId === undefined) {
        nameId = calloutNames.length;
        calloutNames.push(event.callout);
        calloutNameIds.set(event.callout, nameId);
      }
      calloutNameId[c] = nameId;
      calloutReturned[c] = event.returned ?? Number.NaN;
      if (event.thrown) {
        calloutThrown.set(c, { name: event.thrown.name, message: event.thrown.message });
      }
      const flags = flagsOf(event);
      calloutFlags[c] = flags;
      requestFlags[position] = requestFlags[position]! | flags;
      calloutSeqSorted[calloutsSeen] = event.seq;
      calloutPositionInSeqOrder[calloutsSeen++] = c;
    }
  }

  // Renumber occurrences so they are grouped by request (a stable counting sort).
  const occurrenceCounts: number[] = [];
  for (let o = 0; o < occurrences; o++) bump(occurrenceCounts, occurrenceRequestTmp[o]!);
  const requestOccurrenceStart = prefix(occurrenceCounts);
  const occurrenceCursor = requestOccurrenceStart.slice(0, n);
  const renumber = new Int32Array(occurrences);
  const occurrenceHook = new Int32Array(occurrences);
  const occurrenceRequest = new Int32Array(occurrences);
  const occurrenceStatus = new Int8Array(occurrences);
  const occurrenceCalloutCount = new Int32Array(occurrences);
  for (let o = 0; o < occurrences; o++) {
    const r = occurrenceRequestTmp[o]!;
    const target = occurrenceCursor[r]!++;
    renumber[o] = target;
    occurrenceHook[target] = occurrenceHookTmp[o]!;
    occurrenceRequest[target] = r;
    occurrenceStatus[target] = occurrenceStatusTmp[o]!;
    occurrenceCalloutCount[target] = occurrenceCalloutTmp[o]!;
  }
  for (let c = 0; c < calloutTotal; c++) calloutOccurrence[c] = renumber[calloutOccurrence[c]!]!;

  const requestIds = new Float64Array(n);
  const requestKinds = new Uint8Array(n);
  const requestSummaries: string[] = [];
  for (const [position, request] of requests.entries()) {
    requestIds[position] = request.id;
    requestKinds[position] = Math.max(0, REQUEST_KINDS.indexOf(request.kind));
    requestSummaries.push(request.summary);
  }

  return {
    trace,
    requests,
    requestCount: n,
    requestIds,
    requestKinds,
    requestSummaries,
    libraries: trace.libraries,
    requestPositionById,
    requestEventStart,
    requestEvents,
    requestCalloutStart,
    requestOccurrenceStart,
    requestFlags,
    hookNames,
    occurrenceCount: occurrences,
    occurrenceHook,
    occurrenceRequest,
    occurrenceStatus,
    occurrenceCalloutCount,
    calloutCount: calloutTotal,
    calloutEvent,
    calloutRequest,
    calloutOccurrence,
    calloutLibrary,
    calloutNames,
    calloutNameId,
    calloutStatusBefore,
    calloutStatusAfter,
    calloutReturned,
    calloutThrown,
    calloutFlags,
    attached,
    calloutSeqSorted,
    calloutPositionInSeqOrder,
  };
}

/**
 * All flags of the callout at `position`, comparing its snapshots the first time (the result is
 * kept in the index). Throws RangeError outside the trace.
 */
export function getCalloutFlags(index: TraceIndex, position: number): number {
  let flags = index.calloutFlags[position];
  if (flags === undefined) throw new RangeError(`no callout ${position}`);
  if ((flags & CalloutFlag.COMPARED) === 0) {
    const event = index.trace.events[index.calloutEvent[position]!] as CalloutEvent;
    flags |= CalloutFlag.COMPARED;
    if (!snapshotMapEqual(event.arguments.before, event.arguments.after)) {
      flags |= CalloutFlag.ARGUMENTS_CHANGED;
    }
    if (!snapshotMapEqual(event.context.before, event.context.after)) {
      flags |= CalloutFlag.CONTEXT_CHANGED;
    }
    index.calloutFlags[position] = flags;
  }
  return flags;
}

/** The flat position of the callout with this `seq`, or undefined. Binary search; pure. */
export function findCalloutBySeq(index: TraceIndex, seq: number): number | undefined {
  const seqs = index.calloutSeqSorted;
  let low = 0;
  let high = seqs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = seqs[middle]!;
    if (value === seq) return index.calloutPositionInSeqOrder[middle];
    if (value < seq) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** The callout event at a flat position. Throws RangeError outside 0..calloutCount-1. */
export function getCalloutEvent(index: TraceIndex, position: number): CalloutEvent {
  if (position < 0 || position >= index.calloutCount)
    throw new RangeError(`no callout ${position}`);
  return index.trace.events[index.calloutEvent[position]!] as CalloutEvent;
}
