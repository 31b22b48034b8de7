// Writing captures: classic pcap (little-endian, µs or ns) and pcapng, and building the
// Ethernet/IP/UDP frame around a DHCP message so that other tools can read what we write.
import { ipv4ToBytes, ipv6ToBytes, writeUint16 } from '../bytes';
import { LINKTYPE_ETHERNET } from './captureFrame';
import { PCAP_MAGIC_NS, PCAP_MAGIC_US } from './readPcap';

export interface FrameToWrite {
  data: Uint8Array;
  tsSec?: number;
  tsNsec?: number;
  /** pcapng only: index into `interfaces` (default 0). */
  interfaceId?: number;
}

export interface PcapWriteOptions {
  /** Default 1 (Ethernet). */
  linkType?: number;
  /** Nanosecond timestamps (magic a1b23c4d). Default false: microseconds. */
  nanosecond?: boolean;
  /** Default true. */
  littleEndian?: boolean;
}

/** A pcap file holding `frames`. Pure. */
export function writePcap(
  frames: readonly FrameToWrite[],
  options: PcapWriteOptions = {},
): Uint8Array {
  const le = options.littleEndian ?? true;
  const nano = options.nanosecond ?? false;
  let size = 24;
  for (const f of frames) size += 16 + f.data.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, nano ? PCAP_MAGIC_NS : PCAP_MAGIC_US, le);
  v.setUint16(4, 2, le);
  v.setUint16(6, 4, le);
  v.setUint32(16, 262144, le);
  v.setUint32(20, options.linkType ?? LINKTYPE_ETHERNET, le);
  let o = 24;
  for (const f of frames) {
    const ns = f.tsNsec ?? 0;
    v.setUint32(o, f.tsSec ?? 0, le);
    v.setUint32(o + 4, nano ? ns : Math.floor(ns / 1000), le);
    v.setUint32(o + 8, f.data.length, le);
    v.setUint32(o + 12, f.data.length, le);
    out.set(f.data, o + 16);
    o += 16 + f.data.length;
  }
  return out;
}

export interface PcapngInterface {
  linkType: number;
  /** if_tsresol: power of ten of the units (6 = µs, 9 = ns). Default 6. */
  tsResolution?: number;
}

/**
 * A pcapng file: one section, the given interfaces, one Enhanced Packet Block per frame (or
 * a Simple Packet Block when `simple` is set; those carry no timestamp). Pure.
 */
export function writePcapng(
  frames: readonly FrameToWrite[],
  interfaces: readonly PcapngInterface[] = [{ linkType: LINKTYPE_ETHERNET }],
  simple = false,
): Uint8Array {
  const blocks: Uint8Array[] = [];
  const block = (type: number, body: Uint8Array) => {
    const len = 12 + ((body.length + 3) & ~3);
    const b = new Uint8Array(len);
    const v = new DataView(b.buffer);
    v.setUint32(0, type, true);
    v.setUint32(4, len, true);
    b.set(body, 8);
    v.setUint32(len - 4, len, true);
    blocks.push(b);
  };
  const shb = new Uint8Array(16);
  const sv = new DataView(shb.buffer);
  sv.setUint32(0, 0x1a2b3c4d, true);
  sv.setUint16(4, 1, true);
  sv.setBigInt64(8, -1n, true);
  block(0x0a0d0d0a, shb);
  for (const i of interfaces) {
    const body = new Uint8Array(20);
    const v = new DataView(body.buffer);
    v.setUint16(0, i.linkType, true);
    v.setUint32(4, 0, true);
    v.setUint16(8, 9, true); // if_tsresol
    v.setUint16(10, 1, true);
    body[12] = i.tsResolution ?? 6;
    // opt_endofopt at 16 stays zero
    block(1, body);
  }
  for (const f of frames) {
    if (simple) {
      const body = new Uint8Array(4 + f.data.length);
      new DataView(body.buffer).setUint32(0, f.data.length, true);
      body.set(f.data, 4);
      block(3, body);
      continue;
    }
    const ifId = f.interfaceId ?? 0;
    const res = BigInt(interfaces[ifId]?.tsResolution ?? 6);
    const ts =
      BigInt(f.tsSec ?? 0) * 10n ** res + (BigInt(f.tsNsec ?? 0) * 10n ** res) / 1_000_000_000n;
    const body = new Uint8Array(20 + f.data.length);
    const v = new DataView(body.buffer);
    v.setUint32(0, ifId, true);
    v.setUint32(4, Number(ts >> 32n), true);
    v.setUint32(8, Number(ts & 0xffffffffn), true);
    v.setUint32(12, f.data.length, true);
    v.setUint32(16, f.data.length, true);
    body.set(f.data, 20);
    block(6, body);
  }
  let n = 0;
  for (const b of blocks) n += b.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

export interface UdpFrameSpec {
  payload: Uint8Array;
  srcAddr: string;
  dstAddr: string;
  srcPort: number;
  dstPort: number;
  /** Default 02:00:00:00:00:01 and ff:ff:ff:ff:ff:ff (v4) or 33:33:00:01:00:02 (v6). */
  srcMac?: string;
  dstMac?: string;
  /** 802.1Q VLAN ids, outermost first. */
  vlans?: readonly number[];
}

function mac(text: string): number[] {
  return text.split(/[:-]/).map((h) => Number.parseInt(h, 16));
}

function checksum(parts: readonly Uint8Array[]): number {
  let sum = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i += 2) sum += (p[i]! << 8) | (p[i + 1] ?? 0);
  }
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** An Ethernet frame carrying the payload in UDP over IPv4 or IPv6 (by the address form). */
export function buildUdpFrame(spec: UdpFrameSpec): Uint8Array {
  const v6 = spec.srcAddr.includes(':');
  const udpLen = 8 + spec.payload.length;
  const udp = new Uint8Array(udpLen);
  writeUint16(udp, 0, spec.srcPort);
  writeUint16(udp, 2, spec.dstPort);
  writeUint16(udp, 4, udpLen);
  udp.set(spec.payload, 8);
  let ip: Uint8Array;
  if (v6) {
    const src = ipv6ToBytes(spec.srcAddr);
    const dst = ipv6ToBytes(spec.dstAddr);
    const pseudo = new Uint8Array(40);
    pseudo.set(src, 0);
    pseudo.set(dst, 16);
    new DataView(pseudo.buffer).setUint32(32, udpLen);
    pseudo[39] = 17;
    writeUint16(udp, 6, checksum([pseudo, udp]) || 0xffff);
    ip = new Uint8Array(40);
    ip[0] = 0x60;
    writeUint16(ip, 4, udpLen);
    ip[6] = 17;
    ip[7] = 64;
    ip.set(src, 8);
    ip.set(dst, 24);
  } else {
    const src = ipv4ToBytes(spec.srcAddr);
    const dst = ipv4ToBytes(spec.dstAddr);
    const pseudo = new Uint8Array(12);
    pseudo.set(src, 0);
    pseudo.set(dst, 4);
    pseudo[9] = 17;
    writeUint16(pseudo, 10, udpLen);
    writeUint16(udp, 6, checksum([pseudo, udp]) || 0xffff);
    ip = new Uint8Array(20);
    ip[0] = 0x45;
    writeUint16(ip, 2, 20 + udpLen);
    ip[8] = 64;
    ip[9] = 17;
    ip.set(src, 12);
    ip.set(dst, 16);
    writeUint16(ip, 10, checksum([ip]));
  }
  const vlans = spec.vlans ?? [];
  const eth = new Uint8Array(14 + vlans.length * 4);
  eth.set(mac(spec.dstMac ?? (v6 ? '33:33:00:01:00:02' : 'ff:ff:ff:ff:ff:ff')), 0);
  eth.set(mac(spec.srcMac ?? '02:00:00:00:00:01'), 6);
  let o = 12;
  for (const id of vlans) {
    writeUint16(eth, o, 0x8100);
    writeUint16(eth, o + 2, id & 0x0fff);
    o += 4;
  }
  writeUint16(eth, o, v6 ? 0x86dd : 0x0800);
  const out = new Uint8Array(eth.length + ip.length + udp.length);
  out.set(eth, 0);
  out.set(ip, eth.length);
  out.set(udp, eth.length + ip.length);
  return out;
}
