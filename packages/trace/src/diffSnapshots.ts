import { jsonEqual } from './jsonEqual';
import type { JsonValue, Snapshot, SnapshotMap } from './types';

/** One difference between two snapshot maps, at a path: [name, ...keys into the value]. */
export type SnapshotChange =
  | { kind: 'added'; path: (string | number)[]; after: JsonValue | Snapshot }
  | { kind: 'removed'; path: (string | number)[]; before: JsonValue | Snapshot }
  | {
      kind: 'changed';
      path: (string | number)[];
      before: JsonValue | Snapshot;
      after: JsonValue | Snapshot;
    };

function isRecord(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The structural differences between two JSON values, deepest first-found order (object keys
 * in the order of `before`, then keys only `after` has; array items by index). Leaves that
 * differ in kind (object vs array vs scalar) are reported as one change. Pure.
 */
export function diffValues(
  before: JsonValue,
  after: JsonValue,
  path: (string | number)[] = [],
  out: SnapshotChange[] = [],
): SnapshotChange[] {
  if (jsonEqual(before, after)) return out;
  if (Array.isArray(before) && Array.isArray(after)) {
    const shared = Math.min(before.length, after.length);
    for (let i = 0; i < shared; i++) diffValues(before[i]!, after[i]!, [...path, i], out);
    for (let i = shared; i < before.length; i++) {
      out.push({ kind: 'removed', path: [...path, i], before: before[i]! });
    }
    for (let i = shared; i < after.length; i++)
      out.push({ kind: 'added', path: [...path, i], after: after[i]! });
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) {
      if (Object.hasOwn(after, key)) diffValues(before[key]!, after[key]!, [...path, key], out);
      else out.push({ kind: 'removed', path: [...path, key], before: before[key]! });
    }
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key))
        out.push({ kind: 'added', path: [...path, key], after: after[key]! });
    }
    return out;
  }
  out.push({ kind: 'changed', path, before, after });
  return out;
}

/**
 * Differences between the before and after snapshots of a callout's arguments (or context):
 * items added or removed by name, a changed tag as a whole-item change, and inside items of
 * the same tag, the changed fields. Opaque items compare by tag only. Pure.
 */
export function diffSnapshots(before: SnapshotMap, after: SnapshotMap): SnapshotChange[] {
  const out: SnapshotChange[] = [];
  for (const [name, old] of Object.entries(before)) {
    const now = after[name];
    if (!now) {
      out.push({ kind: 'removed', path: [name], before: old });
    } else if (old.tag !== now.tag || 'opaque' in old !== 'opaque' in now) {
      out.push({ kind: 'changed', path: [name], before: old, after: now });
    } else if ('value' in old && 'value' in now) {
      diffValues(old.value, now.value, [name], out);
    }
  }
  for (const [name, now] of Object.entries(after)) {
    if (!Object.hasOwn(before, name)) out.push({ kind: 'added', path: [name], after: now });
  }
  return out;
}

/** Paths as dotted text for highlighting, e.g. `query4.options.61` or `leases.0.address`. */
export function formatChangePath(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}
