// toText against real Kea 2.2.0: every query packet in the recorded Kea traces
// (../shared/corpora/kea-real-traces) is decoded from its wire bytes and printed; the text must
// equal what Kea logged for it (DHCP4_QUERY_DATA / DHCP6_QUERY_DATA "packet details").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../src/bytes';
import { type AnyPkt, unpack } from '../src/packet';
import { ROOT } from './corpus';

const TRACES = resolve(ROOT, '../shared/corpora/kea-real-traces');
const tracesExist = existsSync(TRACES);
if (!tracesExist) console.warn(`Kea traces not found at ${TRACES}: Kea text tests are skipped`);

interface Wire {
  hex: string;
  local_addr: string;
  local_port: number;
  remote_addr: string;
  remote_port: number;
  direction: string;
}

function queries(tag: string): { pkt: AnyPkt; used: boolean }[] {
  const out: { pkt: AnyPkt; used: boolean }[] = [];
  let last = '';
  for (const line of readFileSync(join(TRACES, `${tag}.jsonl`), 'utf8').split('\n')) {
    if (!line.includes('"wire"')) continue;
    const ev = JSON.parse(line) as { hook: string; wire: Wire };
    if (!/^buffer[46]_receive$/.test(ev.hook) || ev.wire.direction !== 'in') continue;
    if (ev.wire.hex === last) continue; // the same packet, seen by the next library
    last = ev.wire.hex;
    const pkt = unpack(fromHex(ev.wire.hex), tag.startsWith('v4') ? 'dhcp4' : 'dhcp6');
    pkt.localAddr = ev.wire.local_addr;
    pkt.localPort = ev.wire.local_port;
    pkt.remoteAddr = ev.wire.remote_addr;
    pkt.remotePort = ev.wire.remote_port;
    out.push({ pkt, used: false });
  }
  return out;
}

function loggedQueries(tag: string): { tid: number; label: string; text: string }[] {
  const lines = readFileSync(join(TRACES, `${tag}.kea.log`), 'utf8').split('\n');
  const out: { tid: number; label: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /DHCP[46]_QUERY_DATA ((?:.*)tid=0x([0-9a-f]+)), packet details: (.*)$/.exec(
      lines[i]!,
    );
    if (!m) continue;
    const text = [m[3]!];
    while (i + 1 < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[i + 1]!)) text.push(lines[++i]!);
    out.push({ tid: Number.parseInt(m[2]!, 16), label: m[1]!, text: text.join('\n').trimEnd() });
  }
  return out;
}

describe.skipIf(!tracesExist)("toText and getLabel match Kea's packet log", () => {
  it('for every query Kea logged', () => {
    let compared = 0;
    const differences: string[] = [];
    const tags = readdirSync(TRACES)
      .filter((f) => f.endsWith('.kea.log'))
      .map((f) => f.replace('.kea.log', ''))
      .filter((tag) => existsSync(join(TRACES, `${tag}.jsonl`)));
    for (const tag of tags) {
      const pkts = queries(tag);
      for (const logged of loggedQueries(tag)) {
        const q = pkts.find((p) => !p.used && p.pkt.getTransid() === logged.tid);
        if (!q) {
          differences.push(`${tag} tid=0x${logged.tid.toString(16)}: no wire bytes recorded`);
          continue;
        }
        q.used = true;
        compared++;
        const ours = q.pkt.toText().trimEnd();
        if (ours !== logged.text)
          differences.push(`${tag}:\n--- kea\n${logged.text}\n--- ours\n${ours}`);
      }
    }
    console.log(`Kea packet text: ${compared - differences.length}/${compared} identical`);
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 60_000);
});
