// Captures and hex text in, DHCP packets out, each with where and when it was seen.
import { DhcpParseError } from '../dhcpParseError';
import type { AnyPkt, DhcpFamily } from '../packet';
import { Pkt4 } from '../pkt4';
import { Pkt6 } from '../pkt6';
import {
  type CaptureFrame,
  createFrameTimer,
  LINKTYPE_ETHERNET,
  LINKTYPE_RAW,
} from './captureFrame';
import { decodeFrame, type UdpDatagram } from './decodeFrame';
import { parseHexText } from './parseHexText';
import { isPcap, readPcap } from './readPcap';
import { isPcapng, readPcapng } from './readPcapng';

/** A DHCP message found in a capture. Exactly one of `pkt` and `error` is set. */
export interface DhcpFrame {
  frame: number;
  tsSec: number;
  tsNsec: number;
  /** ISO 8601 UTC with nanoseconds. */
  time: string;
  interfaceId: number;
  family: DhcpFamily;
  srcAddr: string;
  dstAddr: string;
  srcPort: number;
  dstPort: number;
  srcMac?: string;
  dstMac?: string;
  vlans: number[];
  /** Offset of the DHCP message in the frame. */
  payloadOffset: number;
  /** The DHCP message bytes (UDP payload). */
  bytes: Uint8Array;
  pkt?: AnyPkt;
  /** Why the message did not decode; its offset is from the start of the frame. */
  error?: DhcpParseError;
}

export type CaptureFormat = 'pcap' | 'pcapng' | 'hex';

/** Which format the bytes are, or undefined. */
export function detectCaptureFormat(b: Uint8Array): CaptureFormat | undefined {
  if (isPcapng(b)) return 'pcapng';
  if (isPcap(b)) return 'pcap';
  for (let i = 0; i < Math.min(b.length, 4096); i++) {
    const c = b[i]!;
    if (c !== 9 && c !== 10 && c !== 13 && (c < 32 || c > 126)) return undefined;
  }
  return b.length > 0 ? 'hex' : undefined;
}

/** Family of a datagram by its ports (67/68 DHCPv4, 546/547 DHCPv6), or undefined. */
export function familyByPorts(src: number, dst: number): DhcpFamily | undefined {
  if (src === 67 || src === 68 || dst === 67 || dst === 68) return 'dhcp4';
  if (src === 546 || src === 547 || dst === 546 || dst === 547) return 'dhcp6';
  return undefined;
}

/**
 * Every frame of a pcap, pcapng or hex-text capture. Hex frames are tried as Ethernet, then
 * raw IP, then as a bare DHCP message (see `readDhcpPackets`).
 * Throws DhcpParseError with the file offset when the file itself cannot be read.
 */
export function* readCapture(b: Uint8Array): Generator<CaptureFrame> {
  const format = detectCaptureFormat(b);
  if (format === 'pcapng') yield* readPcapng(b);
  else if (format === 'pcap') yield* readPcap(b);
  else if (format === 'hex') {
    let blocks: { bytes: Uint8Array; line: number }[];
    try {
      blocks = parseHexText(new TextDecoder().decode(b));
    } catch (e) {
      throw new DhcpParseError(0, 'hex text', (e as Error).message);
    }
    let n = 0;
    for (const { bytes } of blocks) {
      n++;
      const linkType = decodeFrame(LINKTYPE_ETHERNET, bytes)
        ? LINKTYPE_ETHERNET
        : decodeFrame(LINKTYPE_RAW, bytes)
          ? LINKTYPE_RAW
          : -1; // a bare DHCP message
      yield {
        frame: n,
        tsSec: 0,
        tsNsec: 0,
        linkType,
        interfaceId: 0,
        origLen: bytes.length,
        data: bytes,
        fileOffset: 0,
      };
    }
  } else {
    throw new DhcpParseError(0, 'a pcap, pcapng or hex text file');
  }
}

function bareMessage(data: Uint8Array): UdpDatagram {
  // A DHCPv4 message has its cookie at 236; anything else is taken as DHCPv6.
  const v4 =
    data.length >= 240 &&
    data[236] === 0x63 &&
    data[237] === 0x82 &&
    data[238] === 0x53 &&
    data[239] === 0x63;
  return {
    ipVersion: v4 ? 4 : 6,
    srcAddr: v4 ? '0.0.0.0' : '::',
    dstAddr: v4 ? '0.0.0.0' : '::',
    srcPort: v4 ? 68 : 546,
    dstPort: v4 ? 67 : 547,
    vlans: [],
    payloadOffset: 0,
    payload: data,
  };
}

/**
 * The DHCP messages of a capture (by UDP port), decoded. A message that does not decode is
 * returned with `error` instead of `pkt`; frames that are not DHCP are left out.
 * Throws DhcpParseError (file offset) when the capture file itself is not readable; frames
 * before the bad spot have been yielded by then. `lenient` decodes as Kea does (see
 * Pkt4.unpack); default false.
 */
export function* readDhcpPackets(
  b: Uint8Array,
  options: { lenient?: boolean } = {},
): Generator<DhcpFrame> {
  const frameTime = createFrameTimer();
  for (const f of readCapture(b)) {
    const d = f.linkType === -1 ? bareMessage(f.data) : decodeFrame(f.linkType, f.data);
    if (d === undefined) continue;
    const family = familyByPorts(d.srcPort, d.dstPort);
    if (family === undefined) continue;
    const out: DhcpFrame = {
      frame: f.frame,
      tsSec: f.tsSec,
      tsNsec: f.tsNsec,
      time: frameTime(f.tsSec, f.tsNsec),
      interfaceId: f.interfaceId,
      family,
      srcAddr: d.srcAddr,
      dstAddr: d.dstAddr,
      srcPort: d.srcPort,
      dstPort: d.dstPort,
      vlans: d.vlans,
      payloadOffset: d.payloadOffset,
      bytes: d.payload,
    };
    if (d.srcMac !== undefined) {
      out.srcMac = d.srcMac;
      out.dstMac = d.dstMac;
    }
    try {
      const pkt =
        family === 'dhcp4' ? Pkt4.unpack(d.payload, options) : Pkt6.unpack(d.payload, options);
      placePacket(pkt, out);
      out.pkt = pkt;
    } catch (e) {
      if (!(e instanceof DhcpParseError)) throw e;
      out.error = e.shifted(d.payloadOffset);
    }
    yield out;
  }
}

/** Fills the packet's addresses as the server would see them. */
function placePacket(pkt: AnyPkt, f: DhcpFrame): void {
  const toServer = f.dstPort === 67 || f.dstPort === 547;
  pkt.localAddr = toServer ? f.dstAddr : f.srcAddr;
  pkt.remoteAddr = toServer ? f.srcAddr : f.dstAddr;
  pkt.localPort = toServer ? f.dstPort : f.srcPort;
  pkt.remotePort = toServer ? f.srcPort : f.dstPort;
  pkt.localHWAddr = toServer ? f.dstMac : f.srcMac;
  pkt.remoteHWAddr = toServer ? f.srcMac : f.dstMac;
  pkt.timestamp = f.tsSec * 1000 + Math.floor(f.tsNsec / 1e6);
}
