// Trace files, version 2: the version 1 document with every snapshot written once.
// Snapshots go to a top-level `snapshots` table; a callout's argument and context maps hold
// table indices instead of copies (`{ "query4": 12 }`), and `after` is left out when it names
// the same snapshots as `before` in the same order. In memory nothing changes: reading gives the
// version 1 shape, each table entry one object shared by every callout that names it.
import type {
  BeforeAfter,
  CalloutEvent,
  Snapshot,
  SnapshotMap,
  TraceDocument,
  TraceEvent,
} from './types';

export const TRACE_FILE_VERSION_2 = 2;

/** A snapshot map as written in a version 2 file: argument or context name → table index. */
export type SnapshotRefMap = Record<string, number>;

/** A callout's `arguments` or `context` in a version 2 file; no `after` means "same as before". */
export interface BeforeAfterRefs {
  before: SnapshotRefMap;
  after?: SnapshotRefMap;
}

/** The JSON value of a version 2 file (what `JSON.parse` gives for one). */
export type TraceFileV2 = Omit<TraceDocument, 'version' | 'events'> & {
  version: typeof TRACE_FILE_VERSION_2;
  snapshots: Snapshot[];
  events: unknown[];
};

function sameRefs(a: SnapshotRefMap, b: SnapshotRefMap): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || a[key] !== b[key]) return false;
  }
  return true;
}

/**
 * Turns a document into the version 2 file value. Snapshots are numbered in the order they are
 * first met (events in order; arguments before context; before before after), equal ones
 * sharing a number: the same object at once, an equal copy through its JSON text.
 */
export function encodeTraceV2(trace: TraceDocument): TraceFileV2 {
  const snapshots: Snapshot[] = [];
  const byObject = new Map<Snapshot, number>();
  const byText = new Map<string, number>();
  const refOf = (snapshot: Snapshot): number => {
    let ref = byObject.get(snapshot);
    if (ref !== undefined) return ref;
    const text = JSON.stringify(snapshot);
    ref = byText.get(text);
    if (ref === undefined) {
      ref = snapshots.length;
      snapshots.push(snapshot);
      byText.set(text, ref);
    }
    byObject.set(snapshot, ref);
    return ref;
  };
  const refMap = (map: SnapshotMap): SnapshotRefMap => {
    const refs: SnapshotRefMap = {};
    for (const key of Object.keys(map)) refs[key] = refOf(map[key]!);
    return refs;
  };
  const pair = (value: BeforeAfter<SnapshotMap>): BeforeAfterRefs => {
    const before = refMap(value.before);
    if (value.after === value.before) return { before };
    const after = refMap(value.after);
    return sameRefs(before, after) ? { before } : { before, after };
  };
  const events = trace.events.map((event): unknown =>
    event.type === 'callout'
      ? { ...event, arguments: pair(event.arguments), context: pair(event.context) }
      : event,
  );
  const { events: _events, ...head } = trace;
  return { ...head, version: TRACE_FILE_VERSION_2, snapshots, events };
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a version 2 `snapshots` table: each entry `{ tag, value }` or `{ tag, opaque: true }`. */
export function checkSnapshotTable(value: unknown): DecodeResult<Snapshot[]> {
  if (!Array.isArray(value)) return { ok: false, error: 'snapshots must be an array' };
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!isObject(entry) || typeof entry['tag'] !== 'string') {
      return { ok: false, error: `snapshots[${i}] needs a string tag` };
    }
    if (!('value' in entry) && entry['opaque'] !== true) {
      return { ok: false, error: `snapshots[${i}] needs a value or opaque: true` };
    }
  }
  return { ok: true, value: value as Snapshot[] };
}

/**
 * Resolves one callout of a version 2 file against the snapshot table: a new event object
 * whose maps hold the table's objects (an absent `after` becomes the `before` map itself).
 */
export function decodeCalloutV2(
  event: Record<string, unknown>,
  snapshots: readonly Snapshot[],
): DecodeResult<TraceEvent> {
  const resolveMap = (field: string, value: unknown): DecodeResult<SnapshotMap> => {
    if (!isObject(value)) return { ok: false, error: `${field} must be an object` };
    const map: SnapshotMap = {};
    for (const key of Object.keys(value)) {
      const ref = value[key];
      const snapshot = typeof ref === 'number' ? snapshots[ref] : undefined;
      if (snapshot === undefined) {
        return { ok: false, error: `${field}.${key}: ${JSON.stringify(ref)} is no snapshot index` };
      }
      map[key] = snapshot;
    }
    return { ok: true, value: map };
  };
  const resolvePair = (field: string): DecodeResult<BeforeAfter<SnapshotMap>> => {
    const value = event[field] as Record<string, unknown>;
    const before = resolveMap(`${field}.before`, value['before']);
    if (!before.ok) return before;
    if (value['after'] === undefined) {
      return { ok: true, value: { before: before.value, after: before.value } };
    }
    const after = resolveMap(`${field}.after`, value['after']);
    if (!after.ok) return after;
    return { ok: true, value: { before: before.value, after: after.value } };
  };
  const args = resolvePair('arguments');
  if (!args.ok) return args;
  const context = resolvePair('context');
  if (!context.ok) return context;
  const callout = { ...event, arguments: args.value, context: context.value };
  return { ok: true, value: callout as unknown as CalloutEvent };
}
