import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { readTrace } from '../src/readTrace';
import type { TraceDocument } from '../src/types';
import { writeTrace } from '../src/writeTrace';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../src/trace.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

// The example of trace-format.md, filled in.
const example: TraceDocument = {
  format: 'hookscope-trace',
  version: 1,
  source: { kind: 'simulation', keaVersion: '2.2.0' },
  server: 'dhcp4',
  libraries: [{ index: 1, library: '/usr/lib/kea/hooks/libx.so', parameters: {} }],
  requests: [{ id: 7, kind: 'packet', summary: 'DHCPDISCOVER xid=0x2265 from 00:0c:01:02:03:05' }],
  events: [
    { type: 'hook-start', seq: 1, request: 7, hook: 'pkt4_receive' },
    {
      type: 'callout',
      seq: 2,
      request: 7,
      hook: 'pkt4_receive',
      library: 1,
      callout: 'pkt4_receive',
      status: { before: 0, after: 0 },
      returned: 0,
      arguments: {
        before: { query4: { tag: 'Pkt4Ptr', value: {} } },
        after: { query4: { tag: 'Pkt4Ptr', value: {} } },
      },
      context: { before: {}, after: { hwaddr: { tag: 'string', value: '00:0c:01:02:03:05' } } },
      durationNs: 1830,
    },
    { type: 'hook-end', seq: 3, request: 7, hook: 'pkt4_receive', status: 0 },
    {
      type: 'log',
      seq: 4,
      request: 7,
      severity: 'DEBUG',
      logger: 'kea-dhcp4.packet-capture',
      id: 'PCAP_PACKET',
      text: 'captured',
    },
  ],
};

describe('trace.schema.json', () => {
  it('accepts the format example and a synthetic trace', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(createSyntheticTrace({ requests: 20 })), JSON.stringify(validate.errors)).toBe(
      true,
    );
  });

  it('accepts event types it does not know', () => {
    const future = {
      ...example,
      events: [...example.events, { type: 'teleport', seq: 9, where: 'moon' }],
    };
    expect(validate(future)).toBe(true);
  });

  it('rejects a callout without its snapshots, a snapshot with neither value nor opaque, and version 2 without its table', () => {
    const noContext = structuredClone(example) as unknown as { events: Record<string, unknown>[] };
    delete noContext.events[1]!['context'];
    expect(validate(noContext)).toBe(false);
    const badSnapshot = structuredClone(example);
    const callout = badSnapshot.events[1] as { arguments: { after: Record<string, unknown> } };
    callout.arguments.after['query4'] = { tag: 'Pkt4Ptr' };
    expect(validate(badSnapshot)).toBe(false);
    expect(validate({ ...example, version: 2 })).toBe(false);
    expect(validate({ ...example, requests: [{ id: 1, kind: 'lunch', summary: '' }] })).toBe(false);
  });
});

describe('readTrace / writeTrace', () => {
  it('round-trips a trace unchanged (version 1 in memory, version 2 file)', () => {
    const trace = createSyntheticTrace({ requests: 30 });
    const text = writeTrace(trace);
    const read = readTrace(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.trace).toEqual(trace);
    expect(writeTrace(read.trace)).toBe(text);
    expect(writeTrace(read.trace, { indent: 2 })).toBe(writeTrace(trace, { indent: 2 }));
  });

  it('drops unknown event types and counts them', () => {
    const future = { ...example, events: [...example.events, { type: 'teleport', seq: 9 }] };
    const read = readTrace(JSON.stringify(future));
    expect(read).toMatchObject({ ok: true, ignoredEvents: 1 });
    if (read.ok)
      expect(read.trace.events.map((e) => e.type)).toEqual([
        'hook-start',
        'callout',
        'hook-end',
        'log',
      ]);
  });

  it.each([
    ['not json', 'not JSON'],
    [JSON.stringify({ ...example, version: 3 }), 'unsupported trace version 3'],
    [JSON.stringify({ ...example, version: 2 }), 'snapshots must be an array'],
    [JSON.stringify({ ...example, format: 'other' }), 'format'],
    [JSON.stringify({ ...example, server: 'dhcp5' }), 'server'],
    [
      JSON.stringify({ ...example, events: [example.events[0], { ...example.events[2], seq: 1 }] }),
      'seq 1 is not above 1',
    ],
    [
      JSON.stringify({ ...example, events: [{ type: 'hook-end', seq: 1, request: 7, hook: 'x' }] }),
      'status must be number',
    ],
  ])('rejects %#', (text, message) => {
    const read = readTrace(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(message);
  });
});
