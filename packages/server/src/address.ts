/**
 * IPv4 addresses as unsigned 32-bit numbers and IPv6 addresses as bigints: the allocator walks
 * pools by adding one, and leases are keyed by these values, so no string work on the hot path.
 */
export function parseIpv4(input: string): number | undefined {
  let text = input;
  // a character loop: this runs several times per packet
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) text = text.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + part;
}

export function formatIpv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function parseIpv6(text: string): bigint | undefined {
  return parseIpv6Plain(text) ?? parseIpv6General(text);
}

const GROUPS = new Uint16Array(8);

/**
 * The common spelling (hex groups and at most one `::`, nothing else) in one character loop:
 * this runs for every DHCPv6 lease. Returns undefined for anything else, which the general
 * parser then decides.
 */
function parseIpv6Plain(t: string): bigint | undefined {
  const n = t.length;
  let count = 0;
  let gap = -1;
  let cur = 0;
  let digits = 0;
  let i = 0;
  if (n >= 2 && t.charCodeAt(0) === 58 && t.charCodeAt(1) === 58) {
    gap = 0;
    i = 2;
  }
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    const v =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (v >= 0) {
      if (++digits > 4) return undefined;
      cur = cur * 16 + v;
    } else if (c === 58 && digits > 0 && count < 8) {
      GROUPS[count++] = cur;
      cur = 0;
      digits = 0;
      if (t.charCodeAt(i + 1) === 58) {
        if (gap >= 0) return undefined;
        gap = count;
        i++;
      }
    } else return undefined;
  }
  if (digits > 0) {
    if (count >= 8) return undefined;
    GROUPS[count++] = cur;
  } else if (gap !== count || !(n >= 2 && t.charCodeAt(n - 1) === 58)) return undefined;
  if (gap < 0 ? count !== 8 : count > 7) return undefined;
  let hi = 0;
  let lo = 0;
  let value = 0n;
  // groups before the gap, zeros for it, then the ones after it
  for (let g = 0; g < 8; g++) {
    let group = 0;
    if (gap < 0 || g < gap) group = GROUPS[g] as number;
    else if (g >= 8 - (count - gap)) group = GROUPS[g - (8 - count)] as number;
    if ((g & 1) === 0) hi = group;
    else lo = hi * 65536 + group;
    if ((g & 1) === 1) value = (value << 32n) | BigInt(lo);
  }
  return value;
}

function parseIpv6General(text: string): bigint | undefined {
  let input = text.trim();
  if (input.includes('.')) {
    // an embedded IPv4 tail (::ffff:192.0.2.1)
    const lastColon = input.lastIndexOf(':');
    const v4 = parseIpv4(input.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    input = `${input.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = input.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  return value;
}

/** RFC 5952 text: lowercase, longest run of zero groups (2 or more) as "::". */
export function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}

export function ipv6Bytes(value: bigint): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

export function bytesToHex(bytes: Uint8Array, separator = ':'): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += (bytes[i] as number).toString(16).padStart(2, '0');
  }
  return out;
}

/** "01:02:0a", "01020a" or "01 02 0a" -> bytes; undefined when not hex. */
export function hexToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s:-]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
