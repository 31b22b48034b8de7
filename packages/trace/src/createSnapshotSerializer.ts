import { toHex } from './hex';
import { jsonEqual } from './jsonEqual';
import { createPacketViewCache } from './packetViewCache';
import type { JsonValue, Snapshot } from './types';
import { viewMatches } from './viewMatches';

/** Turns a live value, with its engine type tag, into a `{ tag, value }` snapshot. */
export interface SnapshotSerializer {
  (value: unknown, tag: string): Snapshot;
  /**
   * `previous` itself when the value would still serialize to it (so an unchanged value is
   * stored once and compares by identity), else a new snapshot. Optional: without it the
   * recorder serializes and compares.
   */
  refresh?(value: unknown, tag: string, previous: Snapshot): Snapshot;
}

/** A view for one tag; `undefined` means "cannot show this" (an opaque snapshot). */
export type TagView = (value: unknown) => JsonValue | undefined;

export interface SnapshotSerializerOptions {
  /** Views by exact tag; they win over everything else. Default: none. */
  byTag?: Readonly<Record<string, TagView>>;
  /** JSON view of a DHCP packet, used for `Pkt4Ptr`, `Pkt6Ptr`, `Pkt4`, `Pkt6` (and their
   * `isc::dhcp::` names). Default: `packetJsonView` (type, xid, addresses, options by code)
   * through a `createPacketViewCache()` of this serializer's own, so an unchanged packet gives
   * the same view object again. */
  packetView?: TagView;
  /** Nesting depth shown before `{ "$opaque": "depth" }`. Default 12. */
  maxDepth?: number;
}

const PACKET_TAG = /^(Const)?Pkt[46](Ptr)?$|^isc::dhcp::Pkt[46]Ptr$/;
const SUBNET_TAG = /^(Const)?Subnet[46](Ptr)?$|^isc::dhcp::(Const)?Subnet[46]Ptr$/;

const SUBNET_COLLECTION_TAG = /Subnet[46]Collection/;

/** Kea shows a subnet by its id and prefix; so do we. */
function subnetView(value: unknown): JsonValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const subnet = value as Record<string, unknown>;
  const id =
    typeof subnet['getID'] === 'function' ? (subnet['getID'] as () => unknown)() : subnet['id'];
  let prefix = subnet['prefix'];
  if (typeof prefix !== 'string' && typeof subnet['toText'] === 'function') {
    prefix = (subnet['toText'] as () => unknown)();
  }
  if (typeof prefix !== 'string' && typeof subnet['subnet'] === 'string') prefix = subnet['subnet'];
  if (typeof id !== 'number' && typeof prefix !== 'string') return undefined;
  return {
    id: typeof id === 'number' ? id : null,
    prefix: typeof prefix === 'string' ? prefix : null,
  };
}

function remembers(view: TagView): boolean {
  return typeof (view as { peek?: unknown }).peek === 'function';
}

/** Whether subnetView(value) would be exactly `json`, without making it. */
function subnetMatches(value: unknown, json: JsonValue): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const subnet = value as Record<string, unknown>;
  // the common case only (an id and a prefix as fields or getID); anything else is rebuilt
  if (typeof subnet['getID'] !== 'function' || typeof subnet['prefix'] !== 'string') return false;
  const id = (subnet['getID'] as () => unknown)();
  return typeof id === 'number' && json['id'] === id && json['prefix'] === subnet['prefix'];
}

function subnetCollectionView(value: unknown): JsonValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const items =
    value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : undefined;
  if (!items) return undefined;
  return items.map((subnet) => subnetView(subnet) ?? { $opaque: 'subnet' });
}

/**
 * Creates the serializer the recorder uses for arguments and context. Pure apart from calling
 * the values' own `toJSON` or getters; a getter that throws makes the snapshot opaque.
 * Byte arrays become hex strings, Maps objects, Sets arrays, bigints decimal strings; cycles
 * become `{ "$cycle": true }`; functions and symbols nested inside a value become
 * `{ "$opaque": "<tag>" }`, and at the top level an opaque snapshot.
 */
export function createSnapshotSerializer(
  options: SnapshotSerializerOptions = {},
): SnapshotSerializer {
  const maxDepth = options.maxDepth ?? 12;
  const byTag = options.byTag ?? {};
  const packetView = options.packetView ?? createPacketViewCache();

  // `seen`: the objects being shown, outermost first (a stack: a cycle points back into it)
  const view = (value: unknown, depth: number, seen: object[]): JsonValue => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        return Number.isFinite(value) ? value : String(value);
      case 'bigint':
        return value.toString();
      case 'undefined':
        return null;
      case 'function':
        return { $opaque: 'Function' };
      case 'symbol':
        return { $opaque: 'Symbol' };
    }
    if (value === null) return null;
    const object = value as object;
    if (object instanceof Uint8Array) return toHex(object);
    if (object instanceof ArrayBuffer) return toHex(new Uint8Array(object));
    if (ArrayBuffer.isView(object)) {
      return toHex(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
    }
    if (object instanceof Date) return object.toISOString();
    if (seen.includes(object)) return { $cycle: true };
    if (depth >= maxDepth) return { $opaque: 'depth' };
    seen.push(object);
    try {
      if (Array.isArray(object)) return object.map((item) => view(item, depth + 1, seen));
      if (object instanceof Set) return [...object].map((item) => view(item, depth + 1, seen));
      const out: Record<string, JsonValue> = {};
      if (object instanceof Map) {
        for (const [key, item] of object) out[String(key)] = view(item, depth + 1, seen);
        return out;
      }
      const withJson = object as { toJSON?: () => unknown };
      if (typeof withJson.toJSON === 'function') return view(withJson.toJSON(), depth, seen);
      // own enumerable string keys, as Object.entries lists them (no pairs made)
      const fields = object as Record<string, unknown>;
      for (const key in fields) {
        if (Object.hasOwn(fields, key)) out[key] = view(fields[key], depth + 1, seen);
      }
      return out;
    } finally {
      seen.pop();
    }
  };

  // The view for each tag, found once: a trace asks for the same few tags over and over.
  const views = new Map<string, TagView | null>();
  const viewOf = (tag: string): TagView | null => {
    let custom: TagView | undefined = Object.hasOwn(byTag, tag) ? byTag[tag] : undefined;
    if (!custom && PACKET_TAG.test(tag)) custom = packetView;
    if (!custom && SUBNET_TAG.test(tag)) custom = subnetView;
    if (!custom && SUBNET_COLLECTION_TAG.test(tag)) custom = subnetCollectionView;
    return custom ?? null;
  };

  const customOf = (tag: string): TagView | null => {
    let custom = views.get(tag);
    if (custom === undefined) {
      custom = viewOf(tag);
      views.set(tag, custom);
    }
    return custom;
  };

  const serialize = (value: unknown, tag: string): Snapshot => {
    try {
      const custom = customOf(tag);
      if (custom) {
        const shown = custom(value);
        return shown === undefined ? { tag, opaque: true } : { tag, value: shown };
      }
      if (typeof value === 'function' || typeof value === 'symbol') return { tag, opaque: true };
      return { tag, value: view(value, 0, []) };
    } catch {
      return { tag, opaque: true };
    }
  };

  const refresh = (value: unknown, tag: string, previous: Snapshot): Snapshot => {
    if (previous.tag !== tag) return serialize(value, tag);
    try {
      const custom = customOf(tag);
      if (custom) {
        if (custom === subnetView && 'value' in previous && subnetMatches(value, previous.value)) {
          return previous;
        }
        const shown = custom(value);
        if (shown === undefined) return 'opaque' in previous ? previous : { tag, opaque: true };
        if ('value' in previous) {
          if (shown === previous.value) return previous;
          // a view that remembers (a PacketViewCache) gives the same object while unchanged: a
          // new one is a change, not worth a deep comparison
          if (!remembers(custom) && jsonEqual(shown, previous.value)) return previous;
        }
        return { tag, value: shown };
      }
      if (typeof value === 'function' || typeof value === 'symbol') {
        return 'opaque' in previous ? previous : { tag, opaque: true };
      }
      if ('value' in previous && viewMatches(value, previous.value, 0, maxDepth)) return previous;
    } catch {
      // a getter or toJSON threw: serialize says what to show
    }
    return serialize(value, tag);
  };

  return Object.assign(serialize, { refresh });
}
