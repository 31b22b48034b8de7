import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDiscover } from '../src/build4';
import { buildSolicit } from '../src/build6';
import { toHex } from '../src/bytes';
import {
  frameTime,
  LINKTYPE_LINUX_SLL,
  LINKTYPE_LINUX_SLL2,
  LINKTYPE_NULL,
  LINKTYPE_RAW,
} from '../src/capture/captureFrame';
import { decodeFrame } from '../src/capture/decodeFrame';
import { packetFrame } from '../src/capture/packetFrame';
import { parseHexText } from '../src/capture/parseHexText';
import { readCapture, readDhcpPackets } from '../src/capture/readDhcpPackets';
import { buildUdpFrame, writePcap, writePcapng } from '../src/capture/writePcap';
import { DhcpParseError } from '../src/dhcpParseError';
import { FIXTURES } from './corpus';

const discover = buildDiscover({ hwaddr: '00:0c:29:1f:74:06', xid: 0x6e3a7d6 });
const solicit = buildSolicit({ hwaddr: '00:0c:29:1f:74:06', transid: 0xabcdef });
const frame4 = packetFrame(discover);
const frame6 = packetFrame(solicit);

function ipOf(frame: Uint8Array): Uint8Array {
  return frame.subarray(14);
}

describe('pcap', () => {
  it('reads both byte orders with micro- and nanosecond stamps', () => {
    for (const littleEndian of [true, false]) {
      for (const nanosecond of [true, false]) {
        const file = writePcap(
          [
            { data: frame4, tsSec: 1700000000, tsNsec: 123456789 },
            { data: frame6, tsSec: 1700000001, tsNsec: 5000 },
          ],
          { littleEndian, nanosecond },
        );
        const got = [...readDhcpPackets(file)];
        expect(got.map((f) => [f.frame, f.family, f.pkt?.getName()])).toEqual([
          [1, 'dhcp4', 'DHCPDISCOVER'],
          [2, 'dhcp6', 'SOLICIT'],
        ]);
        expect(got[0]!.tsNsec).toBe(nanosecond ? 123456789 : 123456000);
        expect(got[0]!.time).toBe(
          nanosecond ? '2023-11-14T22:13:20.123456789Z' : '2023-11-14T22:13:20.123456000Z',
        );
        expect(got[1]!.srcAddr).toBe('fe80::20c:29ff:fe1f:7406');
        expect(got[1]!.dstPort).toBe(547);
      }
    }
  });

  it('gives the file offset of a record that runs past the end', () => {
    const file = writePcap([{ data: frame4 }]);
    expect(() => [...readCapture(file.subarray(0, file.length - 10))]).toThrow(
      expect.objectContaining({ name: 'DhcpParseError', offset: 40 }),
    );
    expect(() => [...readCapture(new Uint8Array([1, 2, 3, 0xff]))]).toThrow(DhcpParseError);
  });
});

describe('pcapng', () => {
  it('reads several interfaces with their own link types and resolutions, EPB and SPB', () => {
    const file = writePcapng(
      [
        { data: frame4, tsSec: 10, tsNsec: 500_000_000, interfaceId: 0 },
        { data: ipOf(frame6), tsSec: 11, tsNsec: 1, interfaceId: 1 },
      ],
      [{ linkType: 1 }, { linkType: LINKTYPE_RAW, tsResolution: 9 }],
    );
    const got = [...readDhcpPackets(file)];
    expect(got.map((f) => [f.frame, f.interfaceId, f.family, f.tsSec, f.tsNsec])).toEqual([
      [1, 0, 'dhcp4', 10, 500_000_000],
      [2, 1, 'dhcp6', 11, 1],
    ]);
    const simple = writePcapng([{ data: frame4 }, { data: frame4 }], [{ linkType: 1 }], true);
    expect([...readDhcpPackets(simple)].map((f) => f.pkt?.getTransid())).toEqual([
      0x6e3a7d6, 0x6e3a7d6,
    ]);
  });

  it('reads a big-endian section', () => {
    const block = (type: number, body: number[]) => {
      const len = 12 + Math.ceil(body.length / 4) * 4;
      const b = new Uint8Array(len);
      const v = new DataView(b.buffer);
      v.setUint32(0, type);
      v.setUint32(4, len);
      b.set(body, 8);
      v.setUint32(len - 4, len);
      return [...b];
    };
    const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    const shb = block(0x0a0d0d0a, [
      ...u32(0x1a2b3c4d),
      0,
      1,
      0,
      0,
      255,
      255,
      255,
      255,
      255,
      255,
      255,
      255,
    ]);
    const idb = block(1, [0, 1, 0, 0, ...u32(0)]);
    const epb = block(6, [
      ...u32(0),
      ...u32(0),
      ...u32(3_000_000),
      ...u32(frame4.length),
      ...u32(frame4.length),
      ...frame4,
    ]);
    const got = [...readDhcpPackets(new Uint8Array([...shb, ...idb, ...epb]))];
    expect(got.map((f) => [f.frame, f.tsSec, f.pkt?.getName()])).toEqual([[1, 3, 'DHCPDISCOVER']]);
  });

  it('skips blocks it does not know', () => {
    const file = writePcapng([{ data: frame4 }]);
    // an Interface Statistics Block (type 5) between the IDB and the EPB
    const isb = new Uint8Array(24);
    new DataView(isb.buffer).setUint32(0, 5, true);
    new DataView(isb.buffer).setUint32(4, 24, true);
    new DataView(isb.buffer).setUint32(20, 24, true);
    const shbLen = 28;
    const idbLen = 32;
    const withIsb = new Uint8Array([
      ...file.subarray(0, shbLen + idbLen),
      ...isb,
      ...file.subarray(shbLen + idbLen),
    ]);
    expect([...readDhcpPackets(withIsb)].map((f) => f.frame)).toEqual([1]);
  });

  it('reads the tcpdump pcapng fixture', () => {
    const got = [...readDhcpPackets(readFileSync(join(FIXTURES, 'dhcp-option-108.pcapng')))];
    expect(got.map((f) => f.pkt?.getName())).toEqual(['DHCPDISCOVER', 'DHCPOFFER']);
    expect(got[0]!.pkt?.getOption(55)?.getValue()).toContain(108);
    expect(got[1]!.pkt?.getOption(108)?.getValue()).toBe(900);
    expect(got[1]!.pkt?.getOption(108)?.getName()).toBe('v6-only-preferred');
  });
});

describe('link layers', () => {
  const udp = (f: ReturnType<typeof decodeFrame>) =>
    f && [f.srcAddr, f.dstAddr, f.srcPort, f.dstPort, f.payload.length];
  const want4 = ['0.0.0.0', '255.255.255.255', 68, 67, discover.pack().length];

  it('Ethernet with 802.1Q and QinQ tags', () => {
    const tagged = buildUdpFrame({
      payload: discover.pack(),
      srcAddr: '0.0.0.0',
      dstAddr: '255.255.255.255',
      srcPort: 68,
      dstPort: 67,
      vlans: [100, 200],
    });
    const d = decodeFrame(1, tagged);
    expect(udp(d)).toEqual(want4);
    expect(d?.vlans).toEqual([100, 200]);
    expect(d?.srcMac).toBe('02:00:00:00:00:01');
  });

  it('Linux cooked SLL and SLL2, raw IP and BSD loopback', () => {
    const ip = ipOf(frame4);
    const sll = new Uint8Array([0, 0, 0, 1, 0, 6, 0, 12, 41, 31, 116, 6, 0, 0, 0x08, 0x00, ...ip]);
    const sll2 = new Uint8Array([
      0x08,
      0x00,
      0,
      0,
      0,
      0,
      0,
      2,
      0,
      1,
      0,
      6,
      0,
      12,
      41,
      31,
      116,
      6,
      0,
      0,
      ...ip,
    ]);
    const nullLe = new Uint8Array([2, 0, 0, 0, ...ip]);
    const null6 = new Uint8Array([30, 0, 0, 0, ...ipOf(frame6)]);
    expect(udp(decodeFrame(LINKTYPE_LINUX_SLL, sll))).toEqual(want4);
    expect(udp(decodeFrame(LINKTYPE_LINUX_SLL2, sll2))).toEqual(want4);
    expect(udp(decodeFrame(LINKTYPE_RAW, ip))).toEqual(want4);
    expect(udp(decodeFrame(LINKTYPE_NULL, nullLe))).toEqual(want4);
    expect(decodeFrame(LINKTYPE_NULL, null6)?.dstPort).toBe(547);
  });

  it('IPv6 with hop-by-hop and destination options headers', () => {
    const ip6 = ipOf(frame6);
    const payloadLen = (ip6[4]! << 8) | ip6[5]!;
    const hbh = [17, 0, 1, 4, 0, 0, 0, 0]; // next header UDP, PadN
    const dst = [0, 0, 1, 4, 0, 0, 0, 0]; // next header hop-by-hop
    const withExt = new Uint8Array([...ip6.subarray(0, 40), ...dst, ...hbh, ...ip6.subarray(40)]);
    withExt[6] = 60;
    withExt[4] = (payloadLen + 16) >> 8;
    withExt[5] = (payloadLen + 16) & 255;
    const d = decodeFrame(LINKTYPE_RAW, withExt);
    expect(d?.dstPort).toBe(547);
    expect(toHex(d!.payload)).toBe(toHex(solicit.pack()));
  });

  it('trims Ethernet padding by the IP and UDP lengths', () => {
    const padded = new Uint8Array([...frame4, 0, 0, 0, 0]);
    expect(decodeFrame(1, padded)?.payload.length).toBe(discover.pack().length);
  });
});

describe('hex text', () => {
  it('reads a continuous hex stream (PcapPlusPlus .dat)', () => {
    const got = [...readDhcpPackets(readFileSync(join(FIXTURES, 'Dhcp1.dat')))];
    expect(got).toHaveLength(1);
    expect(got[0]!.pkt?.getName()).toBe('DHCPOFFER');
  });

  it("reads Wireshark's hex dump with offset and ASCII columns, one frame per dump", () => {
    const dump = (b: Uint8Array) => {
      const lines: string[] = [];
      for (let o = 0; o < b.length; o += 16) {
        const row = [...b.subarray(o, o + 16)];
        const hex = row.map((x) => x.toString(16).padStart(2, '0')).join(' ');
        const ascii = row.map((x) => (x >= 32 && x < 127 ? String.fromCharCode(x) : '.')).join('');
        lines.push(`${o.toString(16).padStart(4, '0')}   ${hex.padEnd(48)}   ${ascii}`);
      }
      return lines.join('\n');
    };
    const text = `${dump(frame4)}\n${dump(frame6)}\n`;
    const blocks = parseHexText(text);
    expect(blocks.map((b) => b.bytes.length)).toEqual([frame4.length, frame6.length]);
    const got = [...readDhcpPackets(new TextEncoder().encode(text))];
    expect(got.map((f) => [f.frame, f.pkt?.getName()])).toEqual([
      [1, 'DHCPDISCOVER'],
      [2, 'SOLICIT'],
    ]);
  });

  it('reads tcpdump -xx output, C arrays and escaped strings', () => {
    const hex = [...frame4].map((x) => x.toString(16).padStart(2, '0'));
    const tcpdump: string[] = [];
    for (let o = 0; o < hex.length; o += 16) {
      const row = hex.slice(o, o + 16);
      const groups: string[] = [];
      for (let g = 0; g < row.length; g += 2) groups.push(row.slice(g, g + 2).join(''));
      tcpdump.push(
        `\t0x${o.toString(16).padStart(4, '0')}:  ${groups.join(' ')}  ${'.'.repeat(row.length)}`,
      );
    }
    const cArray = hex.map((h) => `0x${h}`).join(', ');
    const escaped = `"${hex.map((h) => `\\x${h}`).join('')}"`;
    for (const text of [tcpdump.join('\n'), cArray, escaped]) {
      const blocks = parseHexText(text);
      expect(blocks.map((b) => toHex(b.bytes))).toEqual([toHex(frame4)]);
    }
  });

  it('reads a bare DHCP message with colons, and rejects text that is not hex', () => {
    const text = toHex(discover.pack(), ':');
    const got = [...readDhcpPackets(new TextEncoder().encode(text))];
    expect(got[0]?.pkt?.getTransid()).toBe(0x6e3a7d6);
    expect(() => [...readDhcpPackets(new TextEncoder().encode('hello world'))]).toThrow(
      DhcpParseError,
    );
  });
});

describe('frame times', () => {
  it('prints nanoseconds', () => {
    expect(frameTime(0, 1)).toBe('1970-01-01T00:00:00.000000001Z');
  });
});
