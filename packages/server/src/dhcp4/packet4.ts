import { Option, Pkt4, toHex } from '@hookscope/dhcp';
import { parseIpv4 } from '../address';

/**
 * Kea parses a received buffer into the same Pkt4 object buffer4_receive callouts saw, so a
 * reference a callout kept stays the query. This copies a freshly decoded packet into `target`.
 * Throws DhcpParseError as Pkt4.unpack does.
 */
export function unpackInto(target: Pkt4, bytes: Uint8Array): void {
  const p = Pkt4.unpack(bytes);
  target.op = p.op;
  target.htype = p.htype;
  target.hlen = p.hlen;
  target.hops = p.hops;
  target.transid = p.transid;
  target.secs = p.secs;
  target.flags = p.flags;
  target.setCiaddr(p.getCiaddr());
  target.setYiaddr(p.getYiaddr());
  target.setSiaddr(p.getSiaddr());
  target.setGiaddr(p.getGiaddr());
  target.chaddr = p.chaddr;
  target.snameField = p.snameField;
  target.fileField = p.fileField;
  target.hasCookie = p.hasCookie;
  target.options = [...target.options, ...p.options];
  target.padsAfter = p.padsAfter;
  target.hasEnd = p.hasEnd;
  target.trailing = p.trailing;
}

/** Kea packs option 53 first and the relay agent information (82) last; the rest by code. */
export function orderForPacking(pkt: Pkt4): void {
  // a stable insertion sort in place: the list is short and usually in order already, and
  // Array.prototype.sort would copy it first
  const options = pkt.options;
  for (let i = 1; i < options.length; i++) {
    const option = options[i] as Option;
    const r = rank(option.code);
    let j = i - 1;
    if (rank((options[j] as Option).code) <= r) continue;
    while (j >= 0 && rank((options[j] as Option).code) > r) {
      options[j + 1] = options[j] as Option;
      j--;
    }
    options[j + 1] = option;
  }
}

function rank(code: number): number {
  return code === 53 ? -1 : code === 82 ? 256 : code;
}

// 4-byte option values are written into shared blocks: a typed array each cost more than the
// option. Options never write into their bytes (setData replaces them), so sharing is safe.
let block = new Uint8Array(4096);
let blockUsed = 0;

export function optionUint32(code: number, value: number): Option {
  if (blockUsed + 4 > block.length) {
    block = new Uint8Array(4096);
    blockUsed = 0;
  }
  const at = blockUsed;
  blockUsed += 4;
  block[at] = (value >>> 24) & 255;
  block[at + 1] = (value >>> 16) & 255;
  block[at + 2] = (value >>> 8) & 255;
  block[at + 3] = value & 255;
  return new Option('v4', code, block, undefined, at, at + 4);
}

export function optionAddress(code: number, address: string): Option {
  const value = parseIpv4(address) ?? 0;
  return optionUint32(code, value);
}

export function optionBytes(code: number, bytes: Uint8Array): Option {
  return new Option('v4', code, bytes);
}

/** "DHCPDISCOVER xid=0x2265b1f6 from 02:00:00:00:10:01" for request summaries. */
export function summary4(pkt: Pkt4): string {
  return `${pkt.getName()} xid=0x${pkt.transid.toString(16)} from ${hwaddrText(pkt)}`;
}

/** The requested-address option (50) as text, or undefined. */
export function requestedAddress(pkt: Pkt4): string | undefined {
  const o = pkt.getOption(50);
  if (!o) return undefined;
  const d = o.getData();
  if (d.length !== 4) return undefined;
  return `${d[0]}.${d[1]}.${d[2]}.${d[3]}`;
}

export function serverIdOption(pkt: Pkt4): string | undefined {
  const o = pkt.getOption(54);
  if (!o) return undefined;
  const d = o.getData();
  if (d.length !== 4) return undefined;
  return `${d[0]}.${d[1]}.${d[2]}.${d[3]}`;
}

export function hexOf(bytes: Uint8Array): string {
  return toHex(bytes);
}

/** The client's hardware address as `getHWAddr().toString()` writes it, without copying chaddr. */
export function hwaddrText(pkt: Pkt4): string {
  const chaddr = pkt.chaddr;
  const n = Math.min(pkt.hlen, 16, chaddr.length);
  return toHex(n === chaddr.length ? chaddr : chaddr.subarray(0, n));
}
