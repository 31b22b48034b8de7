// Codec throughput: decodes and encodes per second for a DISCOVER and for a relayed DHCPv6
// REQUEST (IA_NA and 10 options), and capture reading in MB/s over 100k builder-made
// packets, with the ratio to `tshark -r` on the same file when tshark is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDiscover,
  buildRequest,
  buildRequest6,
  createOption6,
  type FrameToWrite,
  type Option,
  packetFrame,
  readDhcpPackets,
  unpack4,
  unpack6,
  writePcap,
} from '../src/index';

function perSecond(label: string, fn: () => void, minMs = 1500): number {
  for (let i = 0; i < 20000; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let i = 0; i < 10000; i++) fn();
    n += 10000;
    now = performance.now();
  }
  const rate = Math.round((n * 1000) / (now - start));
  console.error(`  ${label}: ${rate.toLocaleString('en')}/s`);
  return rate;
}

function readAll(o: readonly Option[]): void {
  for (const x of o) {
    x.getValue();
    readAll(x.getOptions());
  }
}

// DHCPDISCOVER as a client sends it
const discover = buildDiscover({ hwaddr: '00:0c:29:1f:74:06', xid: 0x6e3a7d6 }).pack();
// relayed DHCPv6 REQUEST: 10 options in the client message, IA_NA with an address
const request6 = buildRequest6({
  hwaddr: '00:0c:29:1f:74:06',
  serverId: '00:01:00:01:2a:2b:2c:2d:00:11:22:33:44:55',
  addresses: ['2001:db8:1::100'],
  oro: [23, 24, 17, 39],
  options: [
    createOption6('rapid-commit'),
    createOption6('reconf-accept'),
    createOption6('vendor-class', [4491, 'docsis3.0']),
    createOption6('client-fqdn', [1, 'host.example.com.']),
    createOption6('user-class', '00:04:74:65:73:74'),
  ],
  relays: [
    { linkAddr: '2001:db8:1::1', peerAddr: 'fe80::20c:29ff:fe1f:7406', interfaceId: '65:74:68:30' },
  ],
}).pack();
if (unpack6(request6).options.length !== 10)
  throw new Error('the DHCPv6 REQUEST must carry 10 options');

console.error('codec:');
const discoverDecode = perSecond('DISCOVER unpack', () => unpack4(discover));
const discoverDecodeAll = perSecond('DISCOVER unpack + every value', () => {
  const p = unpack4(discover);
  p.getType();
  p.getHWAddr();
  readAll(p.options);
});
const discoverPkt = unpack4(discover);
const discoverEncode = perSecond('DISCOVER pack', () => discoverPkt.pack());
const request6Decode = perSecond('relayed REQUEST unpack', () => unpack6(request6));
const request6DecodeAll = perSecond('relayed REQUEST unpack + every value', () => {
  const p = unpack6(request6);
  readAll(p.options);
  for (const r of p.relayInfo) readAll(r.options);
});
const request6Pkt = unpack6(request6);
const request6Encode = perSecond('relayed REQUEST pack', () => request6Pkt.pack());

// 100k DHCPv4 frames from the builders: DISCOVERs and REQUESTs from 1000 clients
const frames: FrameToWrite[] = [];
for (let i = 0; i < 100_000; i++) {
  const hw = `02:00:00:00:${((i >> 8) & 3).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
  const pkt =
    i % 2 === 0
      ? buildDiscover({ hwaddr: hw, xid: i })
      : buildRequest('selecting', {
          hwaddr: hw,
          xid: i,
          address: '192.0.2.10',
          serverId: '192.0.2.1',
        });
  frames.push({
    data: packetFrame(pkt),
    tsSec: 1_700_000_000 + Math.floor(i / 1000),
    tsNsec: (i % 1000) * 1_000_000,
  });
}
const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
const file = join(dir, 'dhcp4-100k.pcap');
writeFileSync(file, writePcap(frames));
const bytes = readFileSync(file);
const mb = bytes.length / 1e6;

let best = Number.POSITIVE_INFINITY;
let count = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  count = 0;
  for (const f of readDhcpPackets(readFileSync(file))) {
    if (f.pkt) {
      f.pkt.getType();
      count++;
    }
  }
  best = Math.min(best, performance.now() - t0);
}
if (count !== 100_000) throw new Error(`read ${count} packets, expected 100000`);
const mbPerSec = mb / (best / 1000);
const framesPerSec = Math.round((count * 1000) / best);
console.error(
  `  pcap read: ${mb.toFixed(1)} MB, 100k frames in ${best.toFixed(0)} ms: ${mbPerSec.toFixed(1)} MB/s`,
);

let tsharkMs: number | undefined;
if (spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0) {
  const t0 = performance.now();
  execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'dhcp.id'], {
    stdio: ['ignore', 'ignore', 'ignore'],
    maxBuffer: 1 << 30,
  });
  tsharkMs = performance.now() - t0;
  console.error(`  tshark -r (one field): ${tsharkMs.toFixed(0)} ms`);
}
rmSync(dir, { recursive: true, force: true });

const ratio = tsharkMs === undefined ? undefined : tsharkMs / best;
console.log(
  JSON.stringify({
    bench: 'dhcp-codec',
    discoverDecodePerSec: discoverDecode,
    discoverDecodeAllValuesPerSec: discoverDecodeAll,
    discoverEncodePerSec: discoverEncode,
    relayedRequest6DecodePerSec: request6Decode,
    relayedRequest6DecodeAllValuesPerSec: request6DecodeAll,
    relayedRequest6EncodePerSec: request6Encode,
    pcapBytes: bytes.length,
    pcapFrames: count,
    pcapReadMs: Math.round(best),
    pcapMBPerSec: Number(mbPerSec.toFixed(1)),
    pcapFramesPerSec: framesPerSec,
    tsharkMs: tsharkMs === undefined ? null : Math.round(tsharkMs),
    tsharkRatio: ratio === undefined ? null : Number(ratio.toFixed(1)),
  }),
);
console.log(
  `dhcp codec: DISCOVER ${discoverDecode.toLocaleString('en')} decodes/s, ${discoverEncode.toLocaleString('en')} encodes/s; ` +
    `relayed v6 REQUEST ${request6Decode.toLocaleString('en')} decodes/s, ${request6Encode.toLocaleString('en')} encodes/s; ` +
    `pcap ${mbPerSec.toFixed(1)} MB/s (${framesPerSec.toLocaleString('en')} frames/s)` +
    (ratio === undefined
      ? '; tshark not installed'
      : `; ${ratio.toFixed(1)}x faster than tshark -r`),
);
