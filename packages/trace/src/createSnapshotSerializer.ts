import { packetJsonView } from './packetJsonView';
import type { JsonValue, Snapshot } from './types';

/** Turns a live value, with its engine type tag, into a `{ tag, value }` snapshot. */
export type SnapshotSerializer = (value: unknown, tag: string) => Snapshot;

/** A view for one tag; `undefined` means "cannot show this" (an opaque snapshot). */
export type TagView = (value: unknown) => JsonValue | undefined;

export interface SnapshotSerializerOptions {
  /** Views by exact tag; they win over everything else. Default: none. */
  byTag?: Readonly<Record<string, TagView>>;
  /** JSON view of a DHCP packet, used for `Pkt4Ptr`, `Pkt6Ptr`, `Pkt4`, `Pkt6` (and their
   * `isc::dhcp::` names). Default: `packetJsonView` (type, xid, addresses, options by code). */
  packetView?: TagView;
  /** Nesting depth shown before `{ "$opaque": "depth" }`. Default 12. */
  maxDepth?: number;
}

const PACKET_TAG = /^(Const)?Pkt[46](Ptr)?$|^isc::dhcp::Pkt[46]Ptr$/;
const SUBNET_TAG = /^(Const)?Subnet[46](Ptr)?$|^isc::dhcp::(Const)?Subnet[46]Ptr$/;

const SUBNET_COLLECTION_TAG = /Subnet[46]Collection/;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += HEX[byte];
  return text;
}

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

  const view = (value: unknown, depth: number, seen: Set<object>): JsonValue => {
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
    if (seen.has(object)) return { $cycle: true };
    if (depth >= maxDepth) return { $opaque: 'depth' };
    seen.add(object);
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
      for (const [key, item] of Object.entries(object)) out[key] = view(item, depth + 1, seen);
      return out;
    } finally {
      seen.delete(object);
    }
  };

  return (value, tag) => {
    try {
      let custom: TagView | undefined = byTag[tag];
      if (!custom && PACKET_TAG.test(tag)) custom = options.packetView ?? packetJsonView;
      if (!custom && SUBNET_TAG.test(tag)) custom = subnetView;
      if (!custom && SUBNET_COLLECTION_TAG.test(tag)) custom = subnetCollectionView;
      if (custom) {
        const shown = custom(value);
        return shown === undefined ? { tag, opaque: true } : { tag, value: shown };
      }
      if (typeof value === 'function' || typeof value === 'symbol') return { tag, opaque: true };
      return { tag, value: view(value, 0, new Set()) };
    } catch {
      return { tag, opaque: true };
    }
  };
}
