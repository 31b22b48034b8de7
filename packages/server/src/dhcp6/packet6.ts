import { Option, Pkt6 } from '@hookscope/dhcp';
import { formatIpv6 as formatV6, ipv6Bytes, parseIpv6 } from '../address';

/** Decodes `bytes` into the Pkt6 object buffer6_receive callouts saw (see unpackInto for v4). */
export function unpackInto6(target: Pkt6, bytes: Uint8Array): void {
  const p = Pkt6.unpack(bytes);
  target.msgType = p.msgType;
  target.transid = p.transid;
  target.options = [...target.options, ...p.options];
  target.relayInfo = p.relayInfo;
}

function u32(out: Uint8Array, off: number, value: number): void {
  out[off] = (value >>> 24) & 255;
  out[off + 1] = (value >>> 16) & 255;
  out[off + 2] = (value >>> 8) & 255;
  out[off + 3] = value & 255;
}

export function readU32(data: Uint8Array, off: number): number {
  return (
    (((data[off] ?? 0) << 24) |
      ((data[off + 1] ?? 0) << 16) |
      ((data[off + 2] ?? 0) << 8) |
      (data[off + 3] ?? 0)) >>>
    0
  );
}

function packSubs(head: Uint8Array, subs: readonly Option[]): Uint8Array {
  let n = head.length;
  for (const s of subs) n += s.len();
  const out = new Uint8Array(n);
  out.set(head);
  let off = head.length;
  for (const s of subs) off = s.packInto(out, off);
  return out;
}

/** IA_NA (3) or IA_PD (25) with its sub-options. */
export function iaOption(
  code: number,
  iaid: number,
  t1: number,
  t2: number,
  subs: readonly Option[],
): Option {
  const head = new Uint8Array(12);
  u32(head, 0, iaid);
  u32(head, 4, t1);
  u32(head, 8, t2);
  return new Option('v6', code, packSubs(head, subs));
}

export function iaAddrOption(address: string, preferred: number, valid: number): Option {
  const head = new Uint8Array(24);
  head.set(ipv6Bytes(parseIpv6(address) ?? 0n), 0);
  u32(head, 16, preferred);
  u32(head, 20, valid);
  return new Option('v6', 5, head);
}

export function iaPrefixOption(
  prefix: string,
  length: number,
  preferred: number,
  valid: number,
): Option {
  const head = new Uint8Array(25);
  u32(head, 0, preferred);
  u32(head, 4, valid);
  head[8] = length;
  head.set(ipv6Bytes(parseIpv6(prefix) ?? 0n), 9);
  return new Option('v6', 26, head);
}

export const STATUS = {
  Success: 0,
  UnspecFail: 1,
  NoAddrsAvail: 2,
  NoBinding: 3,
  NotOnLink: 4,
  UseMulticast: 5,
  NoPrefixAvail: 6,
} as const;

export function statusOption(code: number, message: string): Option {
  const text = new TextEncoder().encode(message);
  const data = new Uint8Array(2 + text.length);
  data[0] = code >> 8;
  data[1] = code & 255;
  data.set(text, 2);
  return new Option('v6', 13, data);
}

/** The IAID of an IA_NA / IA_PD option. */
export function iaidOf(ia: Option): number {
  return readU32(ia.getData(), 0);
}

/** Addresses (IAADDR) or prefixes (IAPREFIX) the client put in an IA. */
export function iaEntries(ia: Option): { address: string; length: number }[] {
  const out: { address: string; length: number }[] = [];
  for (const sub of ia.getOptions()) {
    const d = sub.getData();
    if (sub.code === 5 && d.length >= 16)
      out.push({ address: bytesToV6(d.subarray(0, 16)), length: 128 });
    if (sub.code === 26 && d.length >= 25)
      out.push({ address: bytesToV6(d.subarray(9, 25)), length: d[8] ?? 0 });
  }
  return out;
}

function bytesToV6(b: Uint8Array): string {
  let value = 0n;
  for (const byte of b) value = (value << 8n) | BigInt(byte);
  return formatV6(value);
}

export function summary6(pkt: Pkt6): string {
  return `${pkt.getName()} transid=0x${pkt.transid.toString(16)} duid=${pkt.getClientId() ?? '-'}`;
}
