// Our decoding against tshark 4.0's (`*.tshark.json` beside each corpus capture): every field
// and option, one check each. Every disagreement must be listed in EXPLAINED with its reason;
// an entry that no longer matches a disagreement fails the test too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DhcpFrame, readDhcpPackets } from '../src/capture/readDhcpPackets';
import { CORPUS_PCAP, corpusCaptures, corpusExists } from './corpus';
import { get, type Json, parseOrderedJson } from './orderedJson';
import { compareFrame, type Tally } from './tsharkCompare';

/** Every known disagreement, by its exact text, with the reason. */
const EXPLAINED: Record<string, string> = {
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#2 decoded: ours=error at byte 278: expected magic cookie 63:82:53:63 (got 00:00:00:00) tshark=decoded':
    'corpus oddity: Zeek made these packets by script with a zeroed magic cookie; Kea drops such packets, tshark shows the header anyway',
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#3 decoded: ours=error at byte 278: expected magic cookie 63:82:53:63 (got 00:00:00:00) tshark=decoded':
    'corpus oddity: as frame 2, a scripted packet with a zeroed magic cookie',
  'other/zeek/dhcp_bad_cookie_option_retention.pcap#4 decoded: ours=error at byte 278: expected magic cookie 63:82:53:63 (got 00:00:00:00) tshark=decoded':
    'corpus oddity: as frame 2, a scripted packet with a zeroed magic cookie',
  'tcpdump/bootp_asan-2.pcap#1 decoded: ours=error at byte 53: expected a 236-byte BOOTP header (only 11 bytes) tshark=decoded':
    'corpus oddity: a fuzzer-found frame cut 11 bytes into the BOOTP header; tshark shows the few fields present and flags the rest as malformed',
  'tcpdump/bootp_asan.pcap#1 decoded: ours=error at byte 90: expected a 236-byte BOOTP header (only 48 bytes) tshark=decoded':
    'corpus oddity: a fuzzer-found frame cut 48 bytes into the BOOTP header; tshark decodes it partly',
  'tcpdump/dhcp-rfc4388.pcap#43 decoded: ours=error at byte 278: expected magic cookie 63:82:53:63 (got 53:63:35:01) tshark=decoded':
    'corpus oddity: this leasequery is misbuilt (its fields are shifted by two bytes, tcpdump prints the cookie as Vendor-#0x53633501); Kea would drop it',
  'tcpdump/dhcp-rfc4388.pcap#44 decoded: ours=error at byte 278: expected magic cookie 63:82:53:63 (got 82:53:63:35) tshark=decoded':
    'corpus oddity: as frame 43, shifted by three bytes (tcpdump: Vendor-#0x82536335)',
  'tcpdump/dhcp6_reconf_asan.pcap#1 decoded: ours=error at byte 84: expected a relay-msg option (9) in the relay message tshark=decoded':
    'corpus oddity: a fuzzer-found RELAY-REPL with no relay-msg option and truncated options; Kea rejects a relay without relay-msg, tshark marks it malformed',
};

describe.skipIf(!corpusExists)('decoding agrees with tshark', () => {
  it('field by field, option by option', () => {
    const tally: Tally = { checks: 0, agreed: 0, differences: [] };
    let packets = 0;
    for (const rel of corpusCaptures()) {
      const jsonPath = join(CORPUS_PCAP, rel.replace(/\.pcap(ng)?$/, '.tshark.json'));
      if (!existsSync(jsonPath)) continue;
      const ours = new Map<number, DhcpFrame>();
      try {
        for (const f of readDhcpPackets(readFileSync(join(CORPUS_PCAP, rel)))) ours.set(f.frame, f);
      } catch {
        // a capture we cannot read shows up below as frames not found
      }
      const theirs = parseOrderedJson(readFileSync(jsonPath, 'utf8')) as Json[];
      for (const pkt of theirs) {
        const layers = get(get(pkt, '_source'), 'layers');
        const frame = Number(get(get(layers, 'frame'), 'frame.number'));
        packets++;
        compareFrame(tally, `${rel}#${frame}`, ours.get(frame), layers);
      }
    }
    const unexplained = tally.differences.filter((d) => EXPLAINED[d] === undefined);
    const stale = Object.keys(EXPLAINED).filter((k) => !tally.differences.includes(k));
    console.log(
      `tshark agreement: ${tally.agreed}/${tally.checks} checks over ${packets} packets; ` +
        `${tally.differences.length} differences, all explained: ${unexplained.length === 0}`,
    );
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
    expect(packets).toBe(175); // every packet tshark decoded as dhcp or dhcpv6
  }, 60_000);
});
