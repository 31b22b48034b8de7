import type { TraceColumns, TraceIndex } from './buildTraceIndex';
import { REQUEST_KINDS, type TraceRequest } from './types';

/** The request at a position, made from the columns; undefined outside the trace. */
export function getRequest(columns: TraceColumns, position: number): TraceRequest | undefined {
  if (!(position >= 0 && position < columns.requestCount)) return undefined;
  return {
    id: columns.requestIds[position]!,
    kind: REQUEST_KINDS[columns.requestKinds[position]!] ?? 'packet',
    summary: columns.requestSummaries[position]!,
  };
}

/** What the timeline and the position line name a callout by. */
export interface CalloutLabel {
  callout: string;
  hook: string;
  library: number;
}

/** Name, hook and library of the callout at `position`, from the columns alone. */
export function getCalloutLabel(columns: TraceColumns, position: number): CalloutLabel {
  if (position < 0 || position >= columns.calloutCount) {
    throw new RangeError(`no callout ${position}`);
  }
  return {
    callout: columns.calloutNames[columns.calloutNameId[position]!]!,
    hook: columns.hookNames[columns.occurrenceHook[columns.calloutOccurrence[position]!]!]!,
    library: columns.calloutLibrary[position]!,
  };
}

/**
 * The index's columns, copied, ready to post from a worker: `transfer` lists the copies'
 * buffers, so the page receives them without a second copy while the worker keeps its own
 * (its stepping and lazy flags go on using them). A few megabytes for 10,000 requests; only
 * the summaries, hook, callout and library names are strings.
 */
export function getTraceColumns(index: TraceIndex): {
  columns: TraceColumns;
  transfer: ArrayBuffer[];
} {
  const transfer: ArrayBuffer[] = [];
  const copy = <T extends Int8Array | Uint8Array | Int32Array | Float64Array>(array: T): T => {
    const out = array.slice() as T;
    transfer.push(out.buffer as ArrayBuffer);
    return out;
  };
  const columns: TraceColumns = {
    requestCount: index.requestCount,
    requestIds: copy(index.requestIds),
    requestKinds: copy(index.requestKinds),
    requestSummaries: index.requestSummaries,
    libraries: index.libraries,
    requestCalloutStart: copy(index.requestCalloutStart),
    requestOccurrenceStart: copy(index.requestOccurrenceStart),
    requestFlags: copy(index.requestFlags),
    hookNames: index.hookNames,
    occurrenceCount: index.occurrenceCount,
    occurrenceHook: copy(index.occurrenceHook),
    occurrenceRequest: copy(index.occurrenceRequest),
    occurrenceStatus: copy(index.occurrenceStatus),
    occurrenceCalloutCount: copy(index.occurrenceCalloutCount),
    calloutCount: index.calloutCount,
    calloutRequest: copy(index.calloutRequest),
    calloutOccurrence: copy(index.calloutOccurrence),
    calloutLibrary: copy(index.calloutLibrary),
    calloutNames: index.calloutNames,
    calloutNameId: copy(index.calloutNameId),
    calloutStatusBefore: copy(index.calloutStatusBefore),
    calloutStatusAfter: copy(index.calloutStatusAfter),
    calloutReturned: copy(index.calloutReturned),
    calloutThrown: index.calloutThrown,
    calloutFlags: copy(index.calloutFlags),
  };
  return { columns, transfer };
}
