// Trace files, version 2: the version 1 document with every snapshot written once.
// Snapshots go to a top-level `snapshots` table; a callout's argument and context maps hold
// table indices instead of copies (`{ "query4": 12 }`). Within a map pair, `before` is left out
// when it names the same snapshots as the `after` of the previous callout on the same line (the
// arguments of one hook in one request; the context of one library in one request), and `after`
// is left out when it names the same as `before`. In memory nothing changes: reading gives the
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

/**
 * A callout's `arguments` or `context` in a version 2 file. No `before`: the previous callout's
 * `after` on the same line; no `after`: the same as `before`.
 */
export interface BeforeAfterRefs {
  before?: SnapshotRefMap;
  after?: SnapshotRefMap;
}

/** The lines a map pair continues: arguments per request and hook, context per request and library. */
function lineKeys(event: { request: unknown; hook: unknown; library: unknown }): [string, string] {
  return [`${event.request} ${event.hook}`, `${event.request} ${event.library}`];
}

/** The JSON value of a version 2 file (what `JSON.parse` gives for one). */
export type TraceFileV2 = Omit<TraceDocument, 'version' | 'events'> & {
  version: typeof TRACE_FILE_VERSION_2;
  snapshots: Snapshot[];
  events: unknown[];
};

// A plain assignment of "__proto__" would set the prototype instead of adding the name.
function setEntry<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    map[key] = value;
  }
}

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
    for (const key of Object.keys(map)) setEntry(refs, key, refOf(map[key]!));
    return refs;
  };
  const lastAfter = [new Map<string, SnapshotRefMap>(), new Map<string, SnapshotRefMap>()];
  const pair = (value: BeforeAfter<SnapshotMap>, line: string, kind: 0 | 1): BeforeAfterRefs => {
    const before = refMap(value.before);
    const after = value.after === value.before ? before : refMap(value.after);
    const previous = lastAfter[kind]!.get(line);
    lastAfter[kind]!.set(line, after);
    const written: BeforeAfterRefs = {};
    if (previous === undefined || !sameRefs(previous, before)) written.before = before;
    if (after !== before && !sameRefs(before, after)) written.after = after;
    return written;
  };
  const events = trace.events.map((event): unknown => {
    if (event.type !== 'callout') return event;
    const [argumentLine, contextLine] = lineKeys(event);
    return {
      ...event,
      arguments: pair(event.arguments, argumentLine, 0),
      context: pair(event.context, contextLine, 1),
    };
  });
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

/** What a reader of a version 2 file keeps between callouts: the last `after` of each line. */
export interface DecodeState {
  snapshots: readonly Snapshot[];
  /** True when the parsed value is the reader's own (parsed from text): callouts are updated in place. */
  inPlace: boolean;
  /** request → hook → last argument map; request → library → last context map. */
  argumentLines: Map<unknown, Map<unknown, SnapshotMap>>;
  contextLines: Map<unknown, Map<unknown, SnapshotMap>>;
}

export function createDecodeState(snapshots: readonly Snapshot[], inPlace: boolean): DecodeState {
  return { snapshots, inPlace, argumentLines: new Map(), contextLines: new Map() };
}

function resolveMap(
  field: string,
  value: unknown,
  snapshots: readonly Snapshot[],
): DecodeResult<SnapshotMap> {
  if (!isObject(value)) return { ok: false, error: `${field} must be an object` };
  const map: SnapshotMap = {};
  for (const key in value) {
    const ref = value[key];
    const snapshot = typeof ref === 'number' ? snapshots[ref] : undefined;
    if (snapshot === undefined) {
      return { ok: false, error: `${field}.${key}: ${JSON.stringify(ref)} is no snapshot index` };
    }
    setEntry(map, key, snapshot);
  }
  return { ok: true, value: map };
}

function resolvePair(
  field: string,
  value: Record<string, unknown>,
  lines: Map<unknown, Map<unknown, SnapshotMap>>,
  request: unknown,
  lineKey: unknown,
  snapshots: readonly Snapshot[],
): DecodeResult<BeforeAfter<SnapshotMap>> {
  let line = lines.get(request);
  if (line === undefined) {
    line = new Map();
    lines.set(request, line);
  }
  let before = line.get(lineKey);
  if (value['before'] !== undefined || before === undefined) {
    const resolved = resolveMap(`${field}.before`, value['before'], snapshots);
    if (!resolved.ok) return resolved;
    before = resolved.value;
  }
  let after = before;
  if (value['after'] !== undefined) {
    const resolved = resolveMap(`${field}.after`, value['after'], snapshots);
    if (!resolved.ok) return resolved;
    after = resolved.value;
  }
  line.set(lineKey, after);
  return { ok: true, value: { before, after } };
}

/**
 * Resolves one callout of a version 2 file (callouts in file order) into its version 1 shape,
 * maps holding the table's objects. An absent `before` is the line's previous `after` map
 * itself, an absent `after` the `before` map itself, so unchanged maps are shared too.
 */
export function decodeCalloutV2(
  event: Record<string, unknown>,
  state: DecodeState,
): DecodeResult<TraceEvent> {
  const request = event['request'];
  const args = resolvePair(
    'arguments',
    event['arguments'] as Record<string, unknown>,
    state.argumentLines,
    request,
    event['hook'],
    state.snapshots,
  );
  if (!args.ok) return args;
  const context = resolvePair(
    'context',
    event['context'] as Record<string, unknown>,
    state.contextLines,
    request,
    event['library'],
    state.snapshots,
  );
  if (!context.ok) return context;
  if (!state.inPlace) {
    const copy = { ...event, arguments: args.value, context: context.value };
    return { ok: true, value: copy as unknown as CalloutEvent };
  }
  event['arguments'] = args.value;
  event['context'] = context.value;
  return { ok: true, value: event as unknown as CalloutEvent };
}
