import type { CalloutHandle } from '@hookscope/engine';
import type { SnapshotSerializer } from './createSnapshotSerializer';
import { snapshotEqual } from './jsonEqual';
import { tagOf } from './tagOf';
import type { BeforeAfter, Snapshot, SnapshotMap } from './types';

// Optional engine extras, used when the handle has them: the tag a value was stored with (shown
// instead of one derived from the value, e.g. "uint32", "Pkt4Ptr"), revision counters that say
// whether names or tags may have changed, and whether the current library has a context yet.
interface HandleExtras {
  getArgumentTag?: (name: string) => string | undefined;
  getContextTag?: (name: string) => string | undefined;
  getArgumentsRevision?: () => number;
  getLibraryContextRevision?: () => number;
  hasContext?: () => boolean;
}

/**
 * The argument names and tags last read from a handle, with the revision they were read at
 * (kept by the caller, one per handle): while the revision stays, no argument was set or
 * deleted, so names and tags are the same and only the values need looking at.
 */
export interface ArgumentNames {
  revision: number;
  names: string[];
  tags: string[];
  /** The last map made with these names (so at this revision). */
  made?: SnapshotMap;
}

function refreshed(
  serialize: SnapshotSerializer,
  value: unknown,
  tag: string,
  old: Snapshot | undefined,
): Snapshot {
  if (old === undefined) return serialize(value, tag);
  if (serialize.refresh) return serialize.refresh(value, tag, old);
  const snapshot = serialize(value, tag);
  return snapshotEqual(old, snapshot) ? old : snapshot;
}

/**
 * Snapshots every argument of the handle. Reads only; never throws. An item equal to the one in
 * `previous` reuses that object, so unchanged values are stored once and compare by identity;
 * when every item and name is the same, `previous` itself comes back.
 */
export function snapshotArguments(
  handle: CalloutHandle,
  serialize: SnapshotSerializer,
  previous?: SnapshotMap,
  known?: ArgumentNames,
): SnapshotMap {
  const extras = handle as unknown as HandleExtras;
  let names: string[];
  let tags: string[] | undefined;
  const revision = extras.getArgumentsRevision?.();
  if (known !== undefined && revision !== undefined && known.revision === revision) {
    names = known.names;
    tags = known.tags;
  } else {
    try {
      names = handle.getArgumentNames();
    } catch {
      return {};
    }
  }
  // made only once an item differs from `previous` (most calls change nothing)
  let out: SnapshotMap | undefined;
  let clean = true;
  // `previous` was made at this very revision: its primitives are still the values
  const sameRevision = tags !== undefined && previous !== undefined && known?.made === previous;
  const readTags: string[] | undefined = tags === undefined ? [] : undefined;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    let item: Snapshot;
    try {
      const value = handle.getArgument(name);
      const old = previous?.[name];
      // names and tags unchanged means no argument was set since: a primitive is the same value
      if (sameRevision && old !== undefined && isPrimitive(value) && old.tag === tags?.[i]) {
        out = collect(out, previous, names, i, old);
        continue;
      }
      let tag = tags?.[i];
      if (tag === undefined) {
        tag = extras.getArgumentTag?.(name) ?? tagOf(value);
        readTags?.push(tag);
      }
      item = refreshed(serialize, value, tag, old);
    } catch {
      // the tag may not have been read: names and tags are not kept this time
      clean = false;
      item = { tag: 'unknown', opaque: true };
    }
    out = collect(out, previous, names, i, item);
  }
  if (known !== undefined && readTags !== undefined && revision !== undefined && clean) {
    known.revision = revision;
    known.names = names;
    known.tags = readTags;
  }
  const made = finish(out, previous, names);
  if (known !== undefined && revision !== undefined && known.revision === revision) {
    known.made = made;
  }
  return made;
}

/**
 * Snapshots the current library's context. A library that has no context yet (the engine
 * throws NoSuchCalloutContext, as Kea does) gives an empty map. Reads only; never throws.
 */
export function snapshotContext(handle: CalloutHandle, serialize: SnapshotSerializer): SnapshotMap {
  return readContext(handle, serialize, undefined, undefined).snapshot;
}

/** The current library's context names, or undefined when it has no context yet. */
function contextNames(handle: CalloutHandle): string[] | undefined {
  if ((handle as unknown as HandleExtras).hasContext?.() === false) return undefined;
  // A library without context makes the engine throw (as Kea does); with an engine that cannot
  // tell beforehand, the error is made without a stack trace, which costs most of it.
  const errors = Error as { stackTraceLimit?: number };
  const limit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    return handle.getContextNames();
  } catch {
    return undefined;
  } finally {
    errors.stackTraceLimit = limit;
  }
}

/**
 * The context snapshot as a memo taken at `revision`. Items equal to those of `kept` reuse its
 * objects; when the whole map is unchanged, `kept` itself moves on in place.
 */
function readContext(
  handle: CalloutHandle,
  serialize: SnapshotSerializer,
  kept: ContextMemo | undefined,
  revision: number | undefined,
): ContextMemo {
  const previous = kept?.snapshot;
  const extras = handle as unknown as HandleExtras;
  const names = contextNames(handle);
  let primitive = true;
  let snapshot: SnapshotMap;
  if (names === undefined) {
    snapshot = previous !== undefined && isEmpty(previous) ? previous : {};
  } else {
    let out: SnapshotMap | undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      let item: Snapshot;
      try {
        const value = handle.getContext(name);
        if (typeof value === 'object' && value !== null) primitive = false;
        const tag = extras.getContextTag?.(name) ?? tagOf(value);
        item = refreshed(serialize, value, tag, previous?.[name]);
      } catch {
        primitive = false;
        item = { tag: 'unknown', opaque: true };
      }
      out = collect(out, previous, names, i, item);
    }
    snapshot = finish(out, previous, names);
  }
  if (kept !== undefined && kept.snapshot === snapshot) {
    // the same snapshot (an item set to the value it had): the memo moves on in place
    kept.revision = revision;
    kept.primitive = primitive;
    return kept;
  }
  // a new snapshot is a new object, so no pair made of older ones can hold it: none carried over
  return { snapshot, revision, primitive, pair: undefined };
}

/** Adds item i to `out`, made (with the items before it) only once one differs from `previous`. */
function collect(
  out: SnapshotMap | undefined,
  previous: SnapshotMap | undefined,
  names: readonly string[],
  i: number,
  item: Snapshot,
): SnapshotMap | undefined {
  const name = names[i] as string;
  if (out === undefined) {
    if (previous !== undefined && Object.hasOwn(previous, name) && previous[name] === item) {
      return undefined;
    }
    out = {};
    for (let j = 0; j < i; j++) {
      const earlier = names[j] as string;
      out[earlier] = previous?.[earlier] as Snapshot;
    }
  }
  out[name] = item;
  return out;
}

/** `previous` when every item was its own and it has no other names, else the new map. */
function finish(
  out: SnapshotMap | undefined,
  previous: SnapshotMap | undefined,
  names: readonly string[],
): SnapshotMap {
  if (out !== undefined) return out;
  if (previous === undefined) return {};
  let size = 0;
  for (const key in previous) if (Object.hasOwn(previous, key)) size++;
  if (size === names.length) return previous;
  // names were removed: the kept ones only
  const kept: SnapshotMap = {};
  for (const name of names) kept[name] = previous[name] as Snapshot;
  return kept;
}

function isPrimitive(value: unknown): boolean {
  const kind = typeof value;
  return value === null || (kind !== 'object' && kind !== 'function');
}

function isEmpty(map: SnapshotMap): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return false;
  return true;
}

/**
 * A library's last context snapshot (kept by the caller per handle and library), with the
 * library's context revision when it was taken and whether every value was a primitive.
 */
export interface ContextMemo {
  snapshot: SnapshotMap;
  revision: number | undefined;
  primitive: boolean;
  /** The caller's: the last before/after pair it made of this library's snapshots. */
  pair: BeforeAfter<SnapshotMap> | undefined;
}

/**
 * The current library's context, as `snapshotContext`, reusing `kept` whole when nothing can
 * have changed: no item was set or deleted since (the engine's per-library revision) and every
 * value is a primitive (an object could have been changed in place, so it is looked at again).
 */
export function snapshotLibraryContext(
  handle: CalloutHandle,
  serialize: SnapshotSerializer,
  kept: ContextMemo | undefined,
): ContextMemo {
  const revision = (handle as unknown as HandleExtras).getLibraryContextRevision?.();
  if (kept?.primitive && revision !== undefined && kept.revision === revision) {
    return kept;
  }
  return readContext(handle, serialize, kept, revision);
}
