/** Address arithmetic for the subnet and pool checks; both families as bigint. */
export type Family = 4 | 6;

/** IPv4 addresses are plain numbers (exact below 2^53), IPv6 ones bigints: v4 stays fast. */
export type Address = number | bigint;

export interface AddressRange {
  first: Address;
  last: Address;
}

export function parseAddress(text: string, family: Family): Address | undefined {
  return family === 4 ? parseIPv4(text.trim()) : parseIPv6(text.trim());
}

function parseIPv4(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + part;
}

function parseIPv6(text: string): bigint | undefined {
  let head = text;
  let tail4: number | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail4 = parseIPv4(text.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | BigInt(tail4);
  return value;
}

/** `192.0.2.0/24` → its range; undefined when malformed. */
export function parsePrefix(text: string, family: Family): AddressRange | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const address = parseAddress(text.slice(0, slash), family);
  const lengthText = text.slice(slash + 1).trim();
  const bits = family === 4 ? 32 : 128;
  if (address === undefined || !/^\d{1,3}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  if (length > bits) return undefined;
  if (typeof address === 'number') {
    const size = 2 ** (bits - length);
    const first = address - (address % size);
    return { first, last: first + size - 1 };
  }
  const mask = (1n << BigInt(bits - length)) - 1n;
  return { first: address & ~mask, last: (address & ~mask) | mask };
}

/** A pool as Kea writes it: `first - last` or a prefix. */
export function parsePool(text: string, family: Family): AddressRange | undefined {
  if (text.includes('/')) return parsePrefix(text, family);
  const dash = text.indexOf('-');
  if (dash === -1) return undefined;
  const first = parseAddress(text.slice(0, dash), family);
  const last = parseAddress(text.slice(dash + 1), family);
  if (first === undefined || last === undefined) return undefined;
  return { first, last };
}
