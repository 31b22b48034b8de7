import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDiscover, buildSolicit, packetFrame, writePcap } from '@hookscope/dhcp';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command';
import { decodeCommand } from './decode';

const FIXTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/dhcp/test/fixtures',
);

async function run(argv: string[], cwd = FIXTURES) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await decodeCommand.run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd,
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('hookscope decode', () => {
  it('prints one JSON object per DHCP packet', async () => {
    const r = await run(['zeek-dhcp.pcap', '--json']);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    expect(lines[2]).toMatchObject({ frame: 3, family: 'dhcp4', msgType: 'DHCPREQUEST' });
    expect(Object.keys(lines[2])).toEqual([
      'frame',
      'time',
      'family',
      'msgType',
      'xid',
      'fields',
      'options',
    ]);
    expect(lines[2].options[0]).toEqual({ code: 53, name: 'dhcp-message-type', value: 3 });
    expect(lines[2].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('prints DHCPv6 relays outermost first, and text without --json', async () => {
    const r = await run(['dhcpv6-mud.pcap', '--json']);
    const relayed = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((j) => j.relays);
    expect(relayed.relays[0].msgType).toBe('RELAY_FORWARD');
    expect(relayed.msgType).toBe('SOLICIT');
    const text = await run(['dhcp-agent-options.pcap']);
    expect(text.out).toContain('frame 1');
    expect(text.out).toContain('option 82 dhcp-agent-options:');
    expect(text.out).toContain('    option 6 subscriber-id: -subID-');
  });

  it('reports bad frames with number and offset and prints the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-decode-'));
    const good = packetFrame(buildDiscover());
    const bad = packetFrame(buildSolicit());
    bad[bad.length - 5] = 0xff; // the last option (oro) now claims more bytes than there are
    writeFileSync(
      join(dir, 'mixed.pcap'),
      writePcap([{ data: good }, { data: bad }, { data: good }]),
    );
    const r = await run(['mixed.pcap', '--json'], dir);
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).frame),
    ).toEqual([1, 3]);
    expect(r.err).toMatch(/frame 2: not valid DHCPv6 at byte \d+: expected option/);
  });

  it('exits 1 with the byte offset for a file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-decode-'));
    const file = writePcap([{ data: packetFrame(buildDiscover()) }]);
    writeFileSync(join(dir, 'cut.pcap'), file.subarray(0, file.length - 5));
    const r = await run(['cut.pcap'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read the file: at byte 40');
    const missing = await run(['nope.pcap'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ENOENT');
  });

  it('rejects bad arguments', async () => {
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(['a', 'b'])).rejects.toThrow(UsageError);
    await expect(run(['a', '--yaml'])).rejects.toThrow(UsageError);
  });
});
