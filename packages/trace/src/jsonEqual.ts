import type { JsonValue, Snapshot, SnapshotMap } from './types';

/** Structural equality of JSON values (object key order ignored). Pure. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}

export function snapshotEqual(a: Snapshot | undefined, b: Snapshot | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.tag !== b.tag) return false;
  if ('opaque' in a || 'opaque' in b) return 'opaque' in a && 'opaque' in b;
  return jsonEqual(a.value, b.value);
}

export function snapshotMapEqual(a: SnapshotMap, b: SnapshotMap): boolean {
  if (a === b) return true;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) if (!snapshotEqual(a[key], b[key])) return false;
  return true;
}
