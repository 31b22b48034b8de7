// Typed values of option data: decoding bytes by an OptionDefinition and encoding back.
import {
  fromHex,
  ipv4ToBytes,
  ipv4ToText,
  ipv6ToBytes,
  ipv6ToText,
  readUint16,
  readUint32,
  toHex,
} from './bytes';
import { DhcpParseError } from './dhcpParseError';
import {
  fixedSize,
  type OptionDataType,
  type OptionDefinition,
  type Universe,
} from './optionDefinition';

/**
 * A decoded value: numbers for integers, booleans, strings for addresses (text form), strings,
 * FQDNs (`host.example.com.`), prefixes (`2001:db8::/48`) and tuples; binary as hex
 * (`01:02:03`); arrays for array options and records; undefined for `empty`.
 */
export type OptionValue = number | boolean | string | undefined | readonly OptionValue[];

const utf8Decoder = new TextDecoder('utf-8');

/** UTF-8 text; plain ASCII (nearly all DHCP text) skips the TextDecoder call, which is slow. */
function text(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x80) return utf8Decoder.decode(b.subarray(start, end));
    s += String.fromCharCode(c);
  }
  return s;
}
const utf8Encoder = new TextEncoder();

interface Cursor {
  off: number;
}

function readField(
  type: OptionDataType,
  b: Uint8Array,
  c: Cursor,
  end: number,
  universe: Universe,
  base: number,
): OptionValue {
  const size = fixedSize(type);
  if (size !== undefined && c.off + size > end) {
    throw new DhcpParseError(base + c.off, `${type} (${size} bytes)`, `${end - c.off} left`);
  }
  const o = c.off;
  switch (type) {
    case 'boolean':
      c.off += 1;
      if (b[o]! > 1) throw new DhcpParseError(base + o, 'boolean 0 or 1', `got ${b[o]}`);
      return b[o] === 1;
    case 'uint8':
      c.off += 1;
      return b[o]!;
    case 'int8':
      c.off += 1;
      return (b[o]! << 24) >> 24;
    case 'uint16':
    case 'psid':
      c.off += 2;
      return readUint16(b, o);
    case 'int16':
      c.off += 2;
      return (readUint16(b, o) << 16) >> 16;
    case 'uint32':
      c.off += 4;
      return readUint32(b, o);
    case 'int32':
      c.off += 4;
      return readUint32(b, o) | 0;
    case 'ipv4-address':
      c.off += 4;
      return ipv4ToText(b, o);
    case 'ipv6-address':
      c.off += 16;
      return ipv6ToText(b, o);
    case 'empty':
      return undefined;
    case 'binary':
      c.off = end;
      return toHex(b.subarray(o, end));
    case 'string': {
      c.off = end;
      let e = end;
      while (e > o && b[e - 1] === 0) e--; // Kea trims trailing NULs from strings
      return text(b, o, e);
    }
    case 'tuple': {
      const lenSize = universe === 'v4' ? 1 : 2;
      if (o + lenSize > end) throw new DhcpParseError(base + o, 'tuple length');
      const len = lenSize === 1 ? b[o]! : readUint16(b, o);
      if (o + lenSize + len > end) {
        throw new DhcpParseError(base + o, `tuple of ${len} bytes`, `${end - o - lenSize} left`);
      }
      c.off = o + lenSize + len;
      return text(b, o + lenSize, c.off);
    }
    case 'fqdn':
      return readFqdn(b, c, end, base);
    case 'ipv6-prefix': {
      if (o >= end) throw new DhcpParseError(base + o, 'prefix length');
      const len = b[o]!;
      if (len > 128) throw new DhcpParseError(base + o, 'prefix length ≤ 128', `got ${len}`);
      const n = Math.ceil(len / 8);
      if (o + 1 + n > end) throw new DhcpParseError(base + o + 1, `${n} prefix bytes`);
      const full = new Uint8Array(16);
      full.set(b.subarray(o + 1, o + 1 + n));
      c.off = o + 1 + n;
      return `${ipv6ToText(full, 0)}/${len}`;
    }
    case 'record':
      throw new DhcpParseError(base + o, 'a field type, not a nested record');
  }
}

/** Reads a domain name in wire form (labels, no compression); Kea writes it with a final dot. */
function readFqdn(b: Uint8Array, c: Cursor, end: number, base: number): string {
  const labels: string[] = [];
  let o = c.off;
  for (;;) {
    if (o >= end) {
      // A partial name (no root label), as DHCPv6 client FQDN allows.
      c.off = o;
      if (labels.length === 0) throw new DhcpParseError(base + o, 'domain name label');
      return labels.join('.');
    }
    const len = b[o]!;
    if (len === 0) {
      c.off = o + 1;
      return labels.length === 0 ? '.' : `${labels.join('.')}.`;
    }
    if (len > 63) throw new DhcpParseError(base + o, 'label length ≤ 63', `got ${len}`);
    if (o + 1 + len > end) throw new DhcpParseError(base + o, `label of ${len} bytes`);
    labels.push(text(b, o + 1, o + 1 + len));
    o += 1 + len;
  }
}

/**
 * Decodes option data (the value part, without sub-options) by its definition.
 * Throws DhcpParseError (offsets relative to `base`) when the bytes do not fit the definition.
 */
export function decodeValue(
  def: OptionDefinition,
  b: Uint8Array,
  start: number,
  end: number,
  universe: Universe,
  base = 0,
): OptionValue {
  const c: Cursor = { off: start };
  const fields = def.type === 'record' ? (def.fields ?? []) : [def.type];
  const out: OptionValue[] = [];
  const last = fields.length - 1;
  for (let i = 0; i <= last; i++) {
    const type = fields[i]!;
    if (def.array && i === last) {
      const items: OptionValue[] = [];
      while (c.off < end) items.push(readField(type, b, c, end, universe, base));
      if (def.type === 'record') out.push(...items);
      else return items;
    } else {
      // A record may end early only at an optional trailing string/binary, as Kea accepts.
      if (c.off >= end && i === last && (type === 'string' || type === 'binary')) {
        out.push('');
        continue;
      }
      out.push(readField(type, b, c, end, universe, base));
    }
  }
  if (c.off !== end) {
    throw new DhcpParseError(base + c.off, `end of ${def.name} data`, `${end - c.off} extra bytes`);
  }
  return def.type === 'record' ? out : out[0];
}

function encodeField(type: OptionDataType, v: OptionValue, universe: Universe): number[] {
  const num = () => {
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw new TypeError(`${type}: not an integer: ${String(v)}`);
    return v;
  };
  switch (type) {
    case 'boolean':
      return [v === true ? 1 : 0];
    case 'uint8':
    case 'int8':
      return [num() & 255];
    case 'uint16':
    case 'int16':
    case 'psid': {
      const n = num();
      return [(n >>> 8) & 255, n & 255];
    }
    case 'uint32':
    case 'int32': {
      const n = num();
      return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    }
    case 'ipv4-address':
      return [...ipv4ToBytes(String(v))];
    case 'ipv6-address':
      return [...ipv6ToBytes(String(v))];
    case 'empty':
      return [];
    case 'binary':
      return [...fromHex(String(v ?? ''))];
    case 'string':
      return [...utf8Encoder.encode(String(v ?? ''))];
    case 'tuple': {
      const d = [...utf8Encoder.encode(String(v ?? ''))];
      return universe === 'v4' ? [d.length, ...d] : [d.length >> 8, d.length & 255, ...d];
    }
    case 'fqdn': {
      const text = String(v);
      const full = text.endsWith('.');
      const labels = text.split('.').filter((l) => l !== '');
      const out: number[] = [];
      for (const l of labels) {
        const d = utf8Encoder.encode(l);
        out.push(d.length, ...d);
      }
      if (full || labels.length === 0) out.push(0);
      return out;
    }
    case 'ipv6-prefix': {
      const [addr, len] = String(v).split('/');
      const bits = Number(len);
      const bytes = ipv6ToBytes(addr ?? '');
      return [bits, ...bytes.subarray(0, Math.ceil(bits / 8))];
    }
    case 'record':
      throw new TypeError('nested records are not supported');
  }
}

/** Encodes a value by its definition. Throws TypeError when the value does not fit. */
export function encodeValue(
  def: OptionDefinition,
  value: OptionValue,
  universe: Universe,
): Uint8Array {
  const fields = def.type === 'record' ? (def.fields ?? []) : [def.type];
  const out: number[] = [];
  if (def.type !== 'record') {
    const items = def.array ? (Array.isArray(value) ? value : [value]) : [value];
    for (const item of items) out.push(...encodeField(def.type, item as OptionValue, universe));
    return new Uint8Array(out);
  }
  const values = Array.isArray(value) ? (value as readonly OptionValue[]) : [value];
  const last = fields.length - 1;
  fields.forEach((type, i) => {
    if (def.array && i === last) {
      for (const item of values.slice(i)) out.push(...encodeField(type, item, universe));
    } else {
      out.push(...encodeField(type, values[i], universe));
    }
  });
  return new Uint8Array(out);
}
