import { toHex } from './hex';
import type { JsonValue } from './types';

/**
 * Whether the serializer's generic view of `value` (see createSnapshotSerializer) would be
 * exactly `json`, found without building it: the recorder asks this after every callout for
 * every argument, and most have not changed. Walks the live value and the JSON side by side,
 * allocating nothing but what a `toJSON` makes. Conservative: where the view has special cases
 * (cycles, the depth limit, Maps, Sets, functions, symbols) it answers false, so the caller
 * builds the view again; a true answer is never wrong. Object key order is ignored, as by
 * `jsonEqual`.
 */
export function viewMatches(
  value: unknown,
  json: JsonValue,
  depth: number,
  maxDepth: number,
): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value === json;
    case 'number':
      return Number.isFinite(value) ? value === json : String(value) === json;
    case 'bigint':
      return typeof json === 'string' && value.toString() === json;
    case 'undefined':
      return json === null;
    case 'function':
    case 'symbol':
      return false;
  }
  if (value === null) return json === null;
  return objectMatches(value as object, json, depth, maxDepth);
}

function objectMatches(value: object, json: JsonValue, depth: number, maxDepth: number): boolean {
  if (typeof json !== 'object' || json === null) {
    if (typeof json !== 'string') return false;
    if (value instanceof Uint8Array) return hexMatches(value, json);
    if (value instanceof ArrayBuffer) return hexMatches(new Uint8Array(value), json);
    if (ArrayBuffer.isView(value)) {
      return hexMatches(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), json);
    }
    if (value instanceof Date) return value.toISOString() === json;
    // an object whose toJSON gives a string (or a primitive)
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function' && depth < maxDepth) {
      return jsonOfMatches(value, withJson.toJSON(), json, depth, maxDepth);
    }
    return false;
  }
  if (depth >= maxDepth) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date) {
    return false;
  }
  if (Array.isArray(value)) {
    if (!Array.isArray(json) || json.length !== value.length) return false;
    for (let i = 0; i < value.length; i++) {
      if (!viewMatches(value[i], json[i] as JsonValue, depth + 1, maxDepth)) return false;
    }
    return true;
  }
  if (value instanceof Set || value instanceof Map || Array.isArray(json)) return false;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') {
    return jsonOfMatches(value, withJson.toJSON(), json, depth, maxDepth);
  }
  // own enumerable string keys, as Object.entries lists them (no array made)
  const object = value as Record<string, unknown>;
  let keys = 0;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    keys++;
    if (!Object.hasOwn(json, key)) return false;
    if (!viewMatches(object[key], json[key] as JsonValue, depth + 1, maxDepth)) return false;
  }
  let jsonKeys = 0;
  for (const key in json) if (Object.hasOwn(json, key)) jsonKeys++;
  return keys === jsonKeys;
}

// The view shows what toJSON gives, at the same depth; one that gives the object itself is a cycle.
function jsonOfMatches(
  value: object,
  shown: unknown,
  json: JsonValue,
  depth: number,
  maxDepth: number,
): boolean {
  return shown !== value && viewMatches(shown, json, depth, maxDepth);
}

function hexMatches(bytes: Uint8Array, json: string): boolean {
  return json.length === bytes.length * 2 && toHex(bytes) === json;
}
