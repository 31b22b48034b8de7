// From a link-layer frame down to a UDP payload: Ethernet (with 802.1Q / 802.1ad tags), Linux
// cooked SLL and SLL2, raw IP, BSD loopback; IPv4 and IPv6 (skipping hop-by-hop, routing and
// destination options headers); UDP. Anything else is "not UDP" and yields undefined.
import { ipv4ToText, ipv6ToText, readUint16, toHex } from '../bytes';
import {
  LINKTYPE_ETHERNET,
  LINKTYPE_IPV4,
  LINKTYPE_IPV6,
  LINKTYPE_LINUX_SLL,
  LINKTYPE_LINUX_SLL2,
  LINKTYPE_LOOP,
  LINKTYPE_NULL,
  LINKTYPE_RAW,
} from './captureFrame';

/** A UDP datagram found in a frame; offsets are from the start of the frame. */
export interface UdpDatagram {
  ipVersion: 4 | 6;
  srcAddr: string;
  dstAddr: string;
  srcPort: number;
  dstPort: number;
  /** Link-layer addresses when the frame has them (Ethernet). */
  srcMac?: string;
  dstMac?: string;
  /** VLAN ids, outermost first. */
  vlans: number[];
  /** Offset of the UDP payload in the frame, and the payload (trimmed to the UDP length). */
  payloadOffset: number;
  payload: Uint8Array;
}

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
const VLAN_TYPES = new Set([0x8100, 0x88a8, 0x9100]);
const NO_VLANS: number[] = [];

/** Finds the UDP datagram in a frame, or undefined when it carries none (or is cut short). */
export function decodeFrame(linkType: number, f: Uint8Array): UdpDatagram | undefined {
  let vlans = NO_VLANS;
  let srcMac: string | undefined;
  let dstMac: string | undefined;
  let off: number;
  let ethType: number;
  switch (linkType) {
    case LINKTYPE_ETHERNET: {
      if (f.length < 14) return undefined;
      dstMac = toHex(f.subarray(0, 6));
      srcMac = toHex(f.subarray(6, 12));
      ethType = readUint16(f, 12);
      off = 14;
      while (VLAN_TYPES.has(ethType)) {
        if (off + 4 > f.length) return undefined;
        if (vlans === NO_VLANS) vlans = [];
        vlans.push(readUint16(f, off) & 0x0fff);
        ethType = readUint16(f, off + 2);
        off += 4;
      }
      break;
    }
    case LINKTYPE_LINUX_SLL:
      if (f.length < 16) return undefined;
      ethType = readUint16(f, 14);
      off = 16;
      break;
    case LINKTYPE_LINUX_SLL2:
      if (f.length < 20) return undefined;
      ethType = readUint16(f, 0);
      off = 20;
      break;
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP: {
      if (f.length < 4) return undefined;
      // NULL stores the address family in the capturing host's byte order; LOOP in network order.
      const le = f[0]! | (f[1]! << 8) | (f[2]! << 16) | (f[3]! << 24);
      const be = (f[0]! << 24) | (f[1]! << 16) | (f[2]! << 8) | f[3]!;
      const af = linkType === LINKTYPE_LOOP ? be : le < 256 ? le : be;
      ethType = af === 2 ? ETH_IPV4 : af === 24 || af === 28 || af === 30 ? ETH_IPV6 : 0;
      off = 4;
      break;
    }
    case LINKTYPE_RAW:
    case 12:
    case 14:
      if (f.length < 1) return undefined;
      ethType = f[0]! >> 4 === 4 ? ETH_IPV4 : f[0]! >> 4 === 6 ? ETH_IPV6 : 0;
      off = 0;
      break;
    case LINKTYPE_IPV4:
      ethType = ETH_IPV4;
      off = 0;
      break;
    case LINKTYPE_IPV6:
      ethType = ETH_IPV6;
      off = 0;
      break;
    default:
      return undefined;
  }
  const found =
    ethType === ETH_IPV4 ? ipv4Udp(f, off) : ethType === ETH_IPV6 ? ipv6Udp(f, off) : undefined;
  if (found === undefined) return undefined;
  // plain assignments: an object spread here costs more than the whole DHCP decode
  found.vlans = vlans;
  if (srcMac !== undefined) {
    found.srcMac = srcMac;
    found.dstMac = dstMac;
  }
  return found;
}

type IpUdp = UdpDatagram;

function ipv4Udp(f: Uint8Array, off: number): IpUdp | undefined {
  if (off + 20 > f.length || f[off]! >> 4 !== 4) return undefined;
  const ihl = (f[off]! & 15) * 4;
  const total = readUint16(f, off + 2);
  const frag = readUint16(f, off + 6);
  if (f[off + 9] !== 17 || ihl < 20 || (frag & 0x1fff) !== 0) return undefined; // UDP, first fragment
  const end = Math.min(f.length, off + Math.max(total, ihl));
  return udp(f, off + ihl, end, 4, ipv4ToText(f, off + 12), ipv4ToText(f, off + 16));
}

function ipv6Udp(f: Uint8Array, off: number): IpUdp | undefined {
  if (off + 40 > f.length || f[off]! >> 4 !== 6) return undefined;
  const end = Math.min(f.length, off + 40 + readUint16(f, off + 4));
  let next = f[off + 6]!;
  let o = off + 40;
  // Hop-by-hop (0), routing (43), fragment (44) and destination options (60) come before UDP.
  while (next === 0 || next === 43 || next === 60 || next === 44) {
    if (o + 8 > end) return undefined;
    if (next === 44) {
      if ((readUint16(f, o + 2) & 0xfff8) !== 0) return undefined; // not the first fragment
      next = f[o]!;
      o += 8;
    } else {
      const len = (f[o + 1]! + 1) * 8;
      next = f[o]!;
      o += len;
    }
  }
  if (next !== 17) return undefined;
  return udp(f, o, end, 6, ipv6ToText(f, off + 8), ipv6ToText(f, off + 24));
}

function udp(
  f: Uint8Array,
  o: number,
  end: number,
  ipVersion: 4 | 6,
  srcAddr: string,
  dstAddr: string,
): IpUdp | undefined {
  if (o + 8 > end) return undefined;
  const len = readUint16(f, o + 4);
  const payloadEnd = len >= 8 ? Math.min(end, o + len) : end;
  return {
    ipVersion,
    srcAddr,
    dstAddr,
    srcPort: readUint16(f, o),
    dstPort: readUint16(f, o + 2),
    vlans: NO_VLANS,
    payloadOffset: o + 8,
    payload: f.subarray(o + 8, payloadEnd),
  };
}
