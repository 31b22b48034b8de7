import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { readTrace } from '../src/readTrace';
import type { CalloutEvent, TraceDocument } from '../src/types';
import { writeTrace } from '../src/writeTrace';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../src/trace.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const query = { tag: 'Pkt4Ptr', value: { type: 'DHCPDISCOVER', xid: '0x2265' } };
// Two callouts of one hook: the second sees the first one's context copy (equal, not the same
// object, as a trace read from a version 1 file has it).
const small: TraceDocument = {
  format: 'hookscope-trace',
  version: 1,
  source: { kind: 'simulation', keaVersion: '2.2.0' },
  server: 'dhcp4',
  libraries: [{ index: 1, library: 'libx.so' }],
  requests: [{ id: 7, kind: 'packet', summary: 'DHCPDISCOVER' }],
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
      arguments: { before: { query4: query }, after: { query4: query } },
      context: { before: {}, after: { seen: { tag: 'bool', value: true } } },
      durationNs: 10,
    },
    {
      type: 'callout',
      seq: 3,
      request: 7,
      hook: 'pkt4_receive',
      library: 1,
      callout: 'second',
      status: { before: 0, after: 1 },
      arguments: { before: { query4: structuredClone(query) }, after: { query4: { ...query } } },
      context: { before: { seen: { tag: 'bool', value: true } }, after: {} },
      durationNs: 10,
    },
    { type: 'hook-end', seq: 4, request: 7, hook: 'pkt4_receive', status: 1 },
  ],
};

function calloutsOf(trace: TraceDocument): CalloutEvent[] {
  return trace.events.filter((e): e is CalloutEvent => e.type === 'callout');
}

describe('trace files, version 2', () => {
  it('writes each snapshot once by index, leaving out maps a reader can tell from the line', () => {
    const file = JSON.parse(writeTrace(small)) as {
      version: number;
      snapshots: unknown[];
      events: Record<string, unknown>[];
    };
    expect(file.version).toBe(2);
    expect(file.snapshots).toEqual([query, { tag: 'bool', value: true }]);
    expect(file.events[1]).toMatchObject({
      arguments: { before: { query4: 0 } },
      context: { before: {}, after: { seen: 1 } },
    });
    expect(file.events[1]!['arguments']).not.toHaveProperty('after');
    // Same hook and library: both befores are the previous afters, so only the new after.
    expect(file.events[2]!['arguments']).toEqual({});
    expect(file.events[2]!['context']).toEqual({ after: {} });
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads back the version 1 shape, sharing one object per table entry', () => {
    const read = readTrace(writeTrace(small));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.trace).toEqual(small);
    expect(read.trace.version).toBe(1);
    const [first, second] = calloutsOf(read.trace);
    expect(first!.arguments.after).toBe(first!.arguments.before);
    expect(second!.arguments.before['query4']).toBe(first!.arguments.before['query4']);
    expect(second!.context.before).toBe(first!.context.after);
    expect(second!.arguments.before).toBe(first!.arguments.after);
  });

  it('round-trips: version 2 text → read → write is the same text, indented or not', () => {
    const trace = createSyntheticTrace({ requests: 40, libraries: 3 });
    for (const indent of [0, 2]) {
      const text = writeTrace(trace, { indent });
      const read = readTrace(text);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.trace).toEqual(trace);
      expect(writeTrace(read.trace, { indent })).toBe(text);
    }
  });

  it('still reads and writes version 1, and both versions give the same document', () => {
    const trace = createSyntheticTrace({ requests: 40 });
    const v1 = writeTrace(trace, { version: 1 });
    expect(JSON.parse(v1)).toMatchObject({ version: 1 });
    expect(JSON.parse(v1)).not.toHaveProperty('snapshots');
    const fromV1 = readTrace(v1);
    const fromV2 = readTrace(writeTrace(trace));
    expect(fromV1.ok && fromV2.ok).toBe(true);
    if (!fromV1.ok || !fromV2.ok) return;
    expect(fromV2.trace).toEqual(fromV1.trace);
    expect(writeTrace(fromV1.trace)).toBe(writeTrace(trace));
    expect(writeTrace(fromV2.trace, { version: 1 })).toBe(v1);
    expect(validate(JSON.parse(v1))).toBe(true);
    expect(validate(JSON.parse(writeTrace(trace)))).toBe(true);
  });

  it('is several times smaller than version 1 for a trace with shared snapshots', () => {
    const trace = createSyntheticTrace({ requests: 200 });
    const v1 = writeTrace(trace, { version: 1 }).length;
    const v2 = writeTrace(trace).length;
    expect(v2 * 2.5).toBeLessThan(v1);
  });

  it('leaves a parsed version 2 value as it was', () => {
    const file = JSON.parse(writeTrace(small)) as object;
    const copy = structuredClone(file);
    const read = readTrace(file);
    expect(read.ok && read.trace).toEqual(small);
    expect(file).toEqual(copy);
  });

  it('keeps unknown fields of the document and of callouts', () => {
    const extended = {
      ...small,
      recordedBy: 'test',
      events: small.events.map((e) => (e.type === 'callout' ? { ...e, note: 'kept' } : e)),
    } as TraceDocument;
    const text = writeTrace(extended);
    const read = readTrace(text);
    expect(read).toMatchObject({ ok: true, trace: { recordedBy: 'test' } });
    if (read.ok) {
      expect(calloutsOf(read.trace)[0]).toMatchObject({ note: 'kept' });
      expect(writeTrace(read.trace)).toBe(text);
    }
  });

  it.each([
    [
      (f: Record<string, unknown>) => ({ ...f, snapshots: [{ value: 1 }] }),
      'snapshots[0] needs a string tag',
    ],
    [
      (f: Record<string, unknown>) => ({ ...f, snapshots: [{ tag: 'x' }] }),
      'needs a value or opaque',
    ],
    [
      (f: Record<string, unknown>) => ({ ...f, snapshots: [query] }),
      'context.after.seen: 1 is no snapshot index',
    ],
    [
      (f: Record<string, unknown>) => ({
        ...f,
        events: (f['events'] as Record<string, unknown>[]).map((e) =>
          e['type'] === 'callout' ? { ...e, arguments: { before: { query4: 'zero' } } } : e,
        ),
      }),
      'arguments.before.query4: "zero" is no snapshot index',
    ],
    [
      (f: Record<string, unknown>) => ({
        ...f,
        events: (f['events'] as Record<string, unknown>[]).map((e) =>
          e['type'] === 'callout' ? { ...e, context: { after: {} } } : e,
        ),
      }),
      'context.before must be an object',
    ],
  ])('rejects a broken version 2 file %#', (breakIt, message) => {
    const file = JSON.parse(writeTrace(small)) as Record<string, unknown>;
    const read = readTrace(breakIt(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(message);
  });
});
