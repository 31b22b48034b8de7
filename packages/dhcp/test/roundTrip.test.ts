// pack(unpack(bytes)) gives back the bytes, for every well-formed DHCP message in the corpus.
// A message that does not decode must be one of the known malformed ones below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../src/bytes';
import { readDhcpPackets } from '../src/capture/readDhcpPackets';
import { fieldTree } from '../src/fieldTree';
import { packetJson } from '../src/packetJson';
import { CORPUS_PCAP, corpusCaptures, corpusExists } from './corpus';

/** Frames that are not well-formed DHCP (reasons in tshark.test.ts). */
const MALFORMED = new Set([
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#2',
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#3',
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#4',
  'tcpdump/bootp_asan-2.pcap#1',
  'tcpdump/bootp_asan.pcap#1',
  'tcpdump/dhcp-rfc4388.pcap#43',
  'tcpdump/dhcp-rfc4388.pcap#44',
  'tcpdump/dhcp6_reconf_asan.pcap#1',
]);

describe.skipIf(!corpusExists)('round trip over the corpus', () => {
  it('packs every well-formed message back to its bytes', () => {
    let same = 0;
    const failures: string[] = [];
    const rejected: string[] = [];
    for (const rel of corpusCaptures()) {
      for (const f of readDhcpPackets(readFileSync(join(CORPUS_PCAP, rel)))) {
        const id = `${rel}#${f.frame}`;
        if (f.pkt === undefined) {
          rejected.push(id);
          continue;
        }
        // reading every value and sub-option must not disturb the bytes
        packetJson(f.pkt);
        fieldTree(f.pkt);
        if (bytesEqual(f.pkt.pack(), f.bytes)) same++;
        else failures.push(id);
      }
    }
    console.log(`round trip: ${same} messages byte-exact, ${rejected.length} malformed`);
    expect(failures).toEqual([]);
    expect(rejected.sort()).toEqual([...MALFORMED].sort());
    expect(same).toBe(667); // 175 decoded by tshark + 500 of dhcp_flood.pcap - 8 malformed
  }, 60_000);
});
