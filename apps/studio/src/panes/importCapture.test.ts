import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStep } from './describeStep';
import { importCapture } from './importCapture';

const fixture = (name: string) =>
  new Blob([readFileSync(resolve(import.meta.dirname, '../../../../e2e/fixtures', name))]);

describe('importCapture', () => {
  it('reads the DHCP messages of a pcap file with their time', async () => {
    const result = await importCapture(fixture('two-discovers.pcap'));
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([]);
    expect(result.steps.map((s) => describeStep(s))).toEqual([
      expect.objectContaining({ type: 'DHCPDISCOVER', xid: '0x2265', client: '00:0c:01:02:03:04' }),
      expect.objectContaining({ type: 'DHCPDISCOVER', xid: '0x2266', client: '00:0c:01:02:03:05' }),
    ]);
    expect(result.steps[0]).toMatchObject({
      kind: 'packet',
      time: expect.stringMatching(/^2023-11-14T22:13:20/),
    });
  });

  it('keeps a truncated message and says where decoding stopped', async () => {
    const result = await importCapture(fixture('truncated.hex'));
    if (!result.ok) throw new Error(result.error);
    expect(result.steps).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^frame 1: truncated or malformed DHCP message at byte 120/);
    const step = result.steps[0];
    if (!step) throw new Error('no step');
    expect(describeStep(step)).toEqual(expect.objectContaining({ type: 'malformed' }));
  });

  it('refuses a file with no DHCP in it', async () => {
    const result = await importCapture(new Blob(['hello, not a capture']));
    expect(result.ok).toBe(false);
  });
});
