import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../src/readTrace';
import type { CalloutEvent, Snapshot, SnapshotMap, TraceDocument, TraceEvent } from '../src/types';
import { writeTrace } from '../src/writeTrace';

// Random traces whose callouts interleave requests, hooks and libraries, reuse snapshot objects,
// repeat equal copies and use awkward names, to check what the version 2 encoding promises.
const name = fc.constantFrom('query4', 'response4', 'x', '1', '__proto__', 'constructor', '');
const snapshotPool: Snapshot[] = [
  { tag: 'string', value: 'a' },
  { tag: 'string', value: 'a' },
  { tag: 'bool', value: true },
  { tag: 'Pkt4Ptr', value: { type: 'DHCPDISCOVER', options: { '53': 1 } } },
  { tag: 'Lease4Ptr', opaque: true },
];
const snapshotMap = fc
  .array(fc.tuple(name, fc.nat(snapshotPool.length - 1)), { maxLength: 4 })
  .map((entries) => {
    const map: SnapshotMap = {};
    for (const [key, i] of entries) {
      Object.defineProperty(map, key, {
        value: snapshotPool[i],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return map;
  });
const callout = fc.record({
  request: fc.integer({ min: 1, max: 3 }),
  hook: fc.constantFrom('pkt4_receive', 'pkt4_send'),
  library: fc.integer({ min: 1, max: 2 }),
  argumentsBefore: snapshotMap,
  argumentsAfter: fc.option(snapshotMap),
  contextBefore: fc.option(snapshotMap),
  contextAfter: fc.option(snapshotMap),
});

type CalloutSpec = typeof callout extends fc.Arbitrary<infer T> ? T : never;

function buildTrace(specs: CalloutSpec[]): TraceDocument {
  const lastContext = new Map<string, SnapshotMap>();
  const events: TraceEvent[] = specs.map((spec, i) => {
    const line = `${spec.request} ${spec.library}`;
    const contextBefore = spec.contextBefore ?? lastContext.get(line) ?? {};
    const contextAfter = spec.contextAfter ?? contextBefore;
    lastContext.set(line, contextAfter);
    const event: CalloutEvent = {
      type: 'callout',
      seq: i + 1,
      request: spec.request,
      hook: spec.hook,
      library: spec.library,
      callout: spec.hook,
      status: { before: 0, after: 0 },
      arguments: {
        before: spec.argumentsBefore,
        after: spec.argumentsAfter ?? spec.argumentsBefore,
      },
      context: { before: contextBefore, after: contextAfter },
      durationNs: 1,
    };
    return event;
  });
  return {
    format: 'hookscope-trace',
    version: 1,
    source: { kind: 'simulation', keaVersion: '3.3.1' },
    server: 'dhcp4',
    libraries: [],
    requests: [1, 2, 3].map((id) => ({ id, kind: 'packet', summary: `${id}` })),
    events,
  };
}

describe('version 2 files, on random traces', () => {
  it('read back equal to version 1, and write back to the same text', () => {
    fc.assert(
      fc.property(fc.array(callout, { maxLength: 12 }), (specs) => {
        const trace = buildTrace(specs);
        const text = writeTrace(trace);
        const read = readTrace(text);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const v1 = writeTrace(trace, { version: 1 });
        expect(writeTrace(read.trace, { version: 1 })).toBe(v1);
        expect(writeTrace(read.trace)).toBe(text);
        const fromV1 = readTrace(v1);
        expect(fromV1.ok && writeTrace(fromV1.trace)).toBe(text);
        const table = (JSON.parse(text) as { snapshots: Snapshot[] }).snapshots;
        const distinct = new Set(table.map((s) => JSON.stringify(s)));
        expect(distinct.size).toBe(table.length);
      }),
      { numRuns: 300 },
    );
  });
});
