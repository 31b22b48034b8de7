// Byte and address helpers shared by the codecs. Addresses travel as text in their usual form.
import { DhcpParseError } from './dhcpParseError';

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

// Packed packets are carved from shared zero-filled blocks: a typed array of more than 64
// bytes gets its own off-heap buffer, which costs microseconds (allocation, zeroing, external
// memory accounting, sweeping) and dominated packing. Blocks are never reused, so every carved
// array starts zeroed; a block lives as long as a packet cut from it.
const POOL_SIZE = 64 * 1024;
const POOLED_MAX = 4 * 1024;
let pool = new ArrayBuffer(POOL_SIZE);
let poolUsed = 0;

/**
 * `size` zeroed bytes for an encoded packet. Small ones are views into a shared block (their
 * `byteOffset` is not 0): use `byteOffset`/`byteLength` with `.buffer`, never transfer it.
 */
export function allocBytes(size: number): Uint8Array {
  if (size > POOLED_MAX) return new Uint8Array(size);
  if (poolUsed + size > POOL_SIZE) {
    pool = new ArrayBuffer(POOL_SIZE);
    poolUsed = 0;
  }
  const out = new Uint8Array(pool, poolUsed, size);
  poolUsed += (size + 7) & ~7; // keep the next one 8-byte aligned
  return out;
}

/** `00:0c:29:1f:74:06` (lower case, colon separated; empty string for no bytes). */
export function toHex(bytes: Uint8Array, separator = ':'): string {
  if (bytes.length <= 256 && separator.length <= 1) {
    return hexText(bytes, 0, bytes.length, separator.length === 0 ? -1 : separator.charCodeAt(0));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += HEX[bytes[i]!];
  }
  return out;
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Character code arrays by text length, reused: each is filled whole before it is read. */
const charCodes: number[][] = [];

/**
 * Hex of `bytes[from, to)` (at most 256 bytes) with a one-character separator (-1: none),
 * made as one flat string: a string built piece by piece must be flattened again before it
 * can be hashed, and these texts are map keys (hardware addresses, client ids, DUIDs).
 */
function hexText(bytes: Uint8Array, from: number, to: number, separator: number): string {
  if (to <= from) return '';
  const n = (to - from) * (separator >= 0 ? 3 : 2) - (separator >= 0 ? 1 : 0);
  let codes = charCodes[n];
  if (codes === undefined) {
    codes = new Array<number>(n).fill(0);
    charCodes[n] = codes;
  }
  let k = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (i > from && separator >= 0) codes[k++] = separator;
    codes[k++] = HEX_CODES[b >> 4]!;
    codes[k++] = HEX_CODES[b & 15]!;
  }
  return String.fromCharCode.apply(null, codes);
}

/** Parses hex with optional `:`, `-`, space separators or a `0x` prefix. Throws on bad digits. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/^0x/i, '').replace(/[\s:.-]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) {
    throw new TypeError(`not hex bytes: '${text}'`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function ipv4ToText(b: Uint8Array, off: number): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

export function uint32ToIpv4(v: number): string {
  if (v === 0) return '0.0.0.0'; // the usual unset ciaddr/giaddr: no new string
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** `192.0.2.1` → 32-bit unsigned number. Throws TypeError on anything else. */
export function ipv4ToUint32(text: string): number {
  // a character loop (no split, no regex): setters and the server call this per packet
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return notIpv4(text);
    } else if (c === 46 && digits > 0 && part <= 255 && ++dots <= 3) {
      v = v * 256 + part;
      part = 0;
      digits = 0;
    } else return notIpv4(text);
  }
  if (dots !== 3 || digits === 0 || part > 255) return notIpv4(text);
  return v * 256 + part;
}

function notIpv4(text: string): never {
  throw new TypeError(`not an IPv4 address: '${text}'`);
}

export function ipv4ToBytes(text: string): Uint8Array {
  const v = ipv4ToUint32(text);
  return new Uint8Array([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

/** RFC 5952 text: lower case, longest run (≥ 2) of zero groups shortened to `::`. */
export function ipv6ToText(b: Uint8Array, off: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((b[off + i * 2]! << 8) | b[off + i * 2 + 1]!);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // IPv4-mapped addresses keep their dotted tail, as inet_ntop writes them.
  if (bestStart === 0 && bestLen === 5 && g[5] === 0xffff) {
    return `::ffff:${ipv4ToText(b, off + 12)}`;
  }
  const hex = (from: number, to: number) => {
    let s = '';
    for (let i = from; i < to; i++) s += i === from ? g[i]!.toString(16) : `:${g[i]!.toString(16)}`;
    return s;
  };
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/** IPv6 text (with `::` and an optional dotted IPv4 tail) → 16 bytes. Throws TypeError. */
export function ipv6ToBytes(text: string): Uint8Array {
  const bad = () => new TypeError(`not an IPv6 address: '${text}'`);
  let s = text;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) throw bad();
  if (s.includes('.', lastColon)) {
    // A dotted IPv4 tail stands for the last two groups.
    const v4 = ipv4ToBytes(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  // One pass over the characters: groups before and after `::`.
  const front: number[] = [];
  const back: number[] = [];
  let cur = front;
  let group = 0;
  let digits = 0;
  let seenDouble = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 58; // end acts as ':'
    if (c === 58) {
      if (digits === 0) {
        if (i === s.length) {
          if (seenDouble && s.endsWith('::')) break;
          throw bad();
        }
        if (i === 0) {
          if (s.charCodeAt(1) === 58) continue; // the first colon of a leading '::'
          throw bad();
        }
        if (s.charCodeAt(i - 1) === 58 && !seenDouble) {
          seenDouble = true;
          cur = back;
          continue;
        }
        throw bad();
      }
      cur.push(group);
      group = 0;
      digits = 0;
      continue;
    }
    const v =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (v < 0 || digits === 4) throw bad();
    group = group * 16 + v;
    digits++;
  }
  const fill = 8 - front.length - back.length;
  if ((seenDouble && fill < 1) || (!seenDouble && fill !== 0)) throw bad();
  const out = new Uint8Array(16);
  let o = 0;
  for (const g of front) {
    out[o++] = g >> 8;
    out[o++] = g & 255;
  }
  o += fill * 2;
  for (const g of back) {
    out[o++] = g >> 8;
    out[o++] = g & 255;
  }
  return out;
}

export function need(b: Uint8Array, off: number, count: number, what: string): void {
  if (off + count > b.length) {
    throw new DhcpParseError(
      off,
      what,
      `${count} bytes needed, ${Math.max(0, b.length - off)} left`,
    );
  }
}

export function readUint16(b: Uint8Array, off: number): number {
  return (b[off]! << 8) | b[off + 1]!;
}

export function readUint32(b: Uint8Array, off: number): number {
  return ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
}

export function writeUint16(b: Uint8Array, off: number, v: number): void {
  b[off] = (v >>> 8) & 255;
  b[off + 1] = v & 255;
}

export function writeUint32(b: Uint8Array, off: number, v: number): void {
  b[off] = (v >>> 24) & 255;
  b[off + 1] = (v >>> 16) & 255;
  b[off + 2] = (v >>> 8) & 255;
  b[off + 3] = v & 255;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
