import type { CalloutHandle } from '@hookscope/engine';
import type { SnapshotSerializer } from './createSnapshotSerializer';
import { snapshotEqual } from './jsonEqual';
import { tagOf } from './tagOf';
import type { SnapshotMap } from './types';

// Optional engine extras: when the handle can report the tag a value was stored with, the
// snapshot shows that tag (e.g. "uint32", "Pkt4Ptr") instead of one derived from the value.
interface TagReporting {
  getArgumentTag?: (name: string) => string | undefined;
  getContextTag?: (name: string) => string | undefined;
}

/**
 * Snapshots every argument of the handle. Reads only; never throws. An item equal to the one in
 * `previous` reuses that object, so unchanged values are stored once and compare by identity.
 */
export function snapshotArguments(
  handle: CalloutHandle,
  serialize: SnapshotSerializer,
  previous?: SnapshotMap,
): SnapshotMap {
  const out: SnapshotMap = {};
  const tags = handle as unknown as TagReporting;
  let names: string[];
  try {
    names = handle.getArgumentNames();
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const value = handle.getArgument(name);
      const snapshot = serialize(value, tags.getArgumentTag?.(name) ?? tagOf(value));
      const old = previous?.[name];
      out[name] = old && snapshotEqual(old, snapshot) ? old : snapshot;
    } catch {
      out[name] = { tag: 'unknown', opaque: true };
    }
  }
  return out;
}

/**
 * Snapshots the current library's context. A library that has no context yet (the engine
 * throws NoSuchCalloutContext, as Kea does) gives an empty map. Items equal to those in
 * `previous` reuse its objects.
 */
export function snapshotContext(
  handle: CalloutHandle,
  serialize: SnapshotSerializer,
  previous?: SnapshotMap,
): SnapshotMap {
  const out: SnapshotMap = {};
  const tags = handle as unknown as TagReporting;
  let names: string[];
  // A library without context makes the engine throw (as Kea does); that is the common case
  // after most callouts, so the error is made without a stack trace, which costs most of it.
  const errors = Error as { stackTraceLimit?: number };
  const limit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    names = handle.getContextNames();
  } catch {
    return out;
  } finally {
    errors.stackTraceLimit = limit;
  }
  for (const name of names) {
    try {
      const value = handle.getContext(name);
      const snapshot = serialize(value, tags.getContextTag?.(name) ?? tagOf(value));
      const old = previous?.[name];
      out[name] = old && snapshotEqual(old, snapshot) ? old : snapshot;
    } catch {
      out[name] = { tag: 'unknown', opaque: true };
    }
  }
  return out;
}
