// pcapng files: sections in either byte order, several interfaces each with its own link type
// and timestamp resolution, Enhanced and Simple Packet Blocks (and the obsolete Packet Block).
// Every other block is skipped by its length.
import { DhcpParseError } from '../dhcpParseError';
import type { CaptureFrame } from './captureFrame';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const PB = 2;
const SPB = 3;
const EPB = 6;

interface Iface {
  linkType: number;
  /** Timestamp units per second, as a BigInt. */
  unitsPerSec: bigint;
  snapLen: number;
}

export function isPcapng(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x0a && b[1] === 0x0d && b[2] === 0x0d && b[3] === 0x0a;
}

function tsResolution(v: DataView, start: number, end: number, le: boolean): bigint {
  let o = start;
  while (o + 4 <= end) {
    const code = v.getUint16(o, le);
    const len = v.getUint16(o + 2, le);
    if (code === 0) break;
    if (code === 9 && len >= 1) {
      const r = v.getUint8(o + 4);
      return r & 0x80 ? 2n ** BigInt(r & 0x7f) : 10n ** BigInt(r);
    }
    o += 4 + ((len + 3) & ~3);
  }
  return 1_000_000n;
}

/**
 * Reads every packet of a pcapng file, numbering frames over all sections.
 * Throws DhcpParseError with the file offset of a malformed block.
 */
export function* readPcapng(b: Uint8Array): Generator<CaptureFrame> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let le = true;
  let ifaces: Iface[] = [];
  let off = 0;
  let frame = 0;
  while (off < b.length) {
    if (off + 12 > b.length)
      throw new DhcpParseError(off, 'pcapng block header', `${b.length - off} bytes left`);
    const rawType = v.getUint32(off, true);
    if (rawType === SHB) {
      const bom = v.getUint32(off + 8, true);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else throw new DhcpParseError(off + 8, 'byte-order magic 1a2b3c4d');
      ifaces = [];
    }
    const type = v.getUint32(off, le);
    const len = v.getUint32(off + 4, le);
    if (len < 12 || len % 4 !== 0 || off + len > b.length) {
      throw new DhcpParseError(
        off + 4,
        'a block length that is a multiple of 4 within the file',
        `got ${len}`,
      );
    }
    const body = off + 8;
    const bodyEnd = off + len - 4;
    if (type === IDB) {
      if (bodyEnd - body < 8) throw new DhcpParseError(body, 'interface description (8 bytes)');
      ifaces.push({
        linkType: v.getUint16(body, le),
        snapLen: v.getUint32(body + 4, le),
        unitsPerSec: tsResolution(v, body + 8, bodyEnd, le),
      });
    } else if (type === EPB || type === PB) {
      if (bodyEnd - body < 20) throw new DhcpParseError(body, 'packet block fields (20 bytes)');
      const ifId = type === EPB ? v.getUint32(body, le) : v.getUint16(body, le);
      const iface = ifaces[ifId];
      if (iface === undefined)
        throw new DhcpParseError(body, `interface ${ifId} described before use`);
      const ts = (BigInt(v.getUint32(body + 4, le)) << 32n) | BigInt(v.getUint32(body + 8, le));
      const capLen = v.getUint32(body + 12, le);
      const origLen = v.getUint32(body + 16, le);
      if (body + 20 + capLen > bodyEnd) {
        throw new DhcpParseError(body + 12, `captured length within the block`, `got ${capLen}`);
      }
      const sec = ts / iface.unitsPerSec;
      const rest = ts % iface.unitsPerSec;
      frame++;
      yield {
        frame,
        tsSec: Number(sec),
        tsNsec: Number((rest * 1_000_000_000n) / iface.unitsPerSec),
        linkType: iface.linkType,
        interfaceId: ifId,
        origLen,
        data: b.subarray(body + 20, body + 20 + capLen),
        fileOffset: body + 20,
      };
    } else if (type === SPB) {
      const iface = ifaces[0];
      if (iface === undefined) throw new DhcpParseError(body, 'interface 0 described before use');
      const origLen = v.getUint32(body, le);
      const capLen = Math.min(origLen, bodyEnd - body - 4, iface.snapLen || origLen);
      frame++;
      yield {
        frame,
        tsSec: 0,
        tsNsec: 0,
        linkType: iface.linkType,
        interfaceId: 0,
        origLen,
        data: b.subarray(body + 4, body + 4 + capLen),
        fileOffset: body + 4,
      };
    }
    off += len;
  }
}
