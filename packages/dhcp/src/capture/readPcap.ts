// Classic pcap files: either byte order, micro- or nanosecond timestamps.
import { DhcpParseError } from '../dhcpParseError';
import type { CaptureFrame } from './captureFrame';

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;

/** True when the bytes start with a pcap magic number (any byte order). */
export function isPcap(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const v = new DataView(b.buffer, b.byteOffset, 4);
  const be = v.getUint32(0, false);
  const le = v.getUint32(0, true);
  return [be, le].some((m) => m === PCAP_MAGIC_US || m === PCAP_MAGIC_NS);
}

/**
 * Reads every record of a pcap file. Frames are views into `b`.
 * Throws DhcpParseError with the file offset of a short header or a record running past the end.
 */
export function* readPcap(b: Uint8Array): Generator<CaptureFrame> {
  if (b.length < 24)
    throw new DhcpParseError(0, 'pcap file header (24 bytes)', `${b.length} bytes`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let le: boolean;
  let nano: boolean;
  const magicBe = v.getUint32(0, false);
  const magicLe = v.getUint32(0, true);
  if (magicLe === PCAP_MAGIC_US || magicLe === PCAP_MAGIC_NS) {
    le = true;
    nano = magicLe === PCAP_MAGIC_NS;
  } else if (magicBe === PCAP_MAGIC_US || magicBe === PCAP_MAGIC_NS) {
    le = false;
    nano = magicBe === PCAP_MAGIC_NS;
  } else {
    throw new DhcpParseError(0, 'pcap magic number a1b2c3d4 or a1b23c4d');
  }
  const linkType = v.getUint32(20, le) & 0xffff; // upper bits carry FCS information
  let off = 24;
  let frame = 0;
  while (off < b.length) {
    if (off + 16 > b.length) {
      throw new DhcpParseError(off, 'pcap record header (16 bytes)', `${b.length - off} left`);
    }
    const tsSec = v.getUint32(off, le);
    const frac = v.getUint32(off + 4, le);
    const inclLen = v.getUint32(off + 8, le);
    const origLen = v.getUint32(off + 12, le);
    if (off + 16 + inclLen > b.length) {
      throw new DhcpParseError(
        off + 16,
        `${inclLen} bytes of frame ${frame + 1}`,
        `${b.length - off - 16} left`,
      );
    }
    frame++;
    yield {
      frame,
      tsSec,
      tsNsec: nano ? frac : frac * 1000,
      linkType,
      interfaceId: 0,
      origLen,
      data: b.subarray(off + 16, off + 16 + inclLen),
      fileOffset: off + 16,
    };
    off += 16 + inclLen;
  }
}
