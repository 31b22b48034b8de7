import { describe, expect, it } from 'vitest';
import { buildTraceIndex, getCalloutEvent } from '../src/buildTraceIndex';
import { compareTraces } from '../src/compareTraces';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { diffSnapshots, diffValues, formatChangePath } from '../src/diffSnapshots';
import { getStepKey } from '../src/stepKey';
import type { CalloutEvent, TraceDocument } from '../src/types';

describe('diffValues / diffSnapshots', () => {
  it('finds changed, added and removed fields at their paths', () => {
    const changes = diffValues(
      { yiaddr: '0.0.0.0', options: { '53': 2, '61': 'x' }, list: [1, 2, 3] },
      { yiaddr: '192.0.2.10', options: { '53': 2, '54': '192.0.2.1' }, list: [1, 5] },
    );
    expect(changes).toEqual([
      { kind: 'changed', path: ['yiaddr'], before: '0.0.0.0', after: '192.0.2.10' },
      { kind: 'removed', path: ['options', '61'], before: 'x' },
      { kind: 'added', path: ['options', '54'], after: '192.0.2.1' },
      { kind: 'changed', path: ['list', 1], before: 2, after: 5 },
      { kind: 'removed', path: ['list', 2], before: 3 },
    ]);
    expect(changes.map((c) => formatChangePath(c.path))).toContain('options.54');
    expect(diffValues({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffValues({ a: 1 }, [1])).toEqual([
      { kind: 'changed', path: [], before: { a: 1 }, after: [1] },
    ]);
  });

  it('compares snapshot maps item by item, tags first', () => {
    const changes = diffSnapshots(
      {
        keep: { tag: 'string', value: 'a' },
        gone: { tag: 'int', value: 1 },
        retag: { tag: 'int', value: 1 },
        pkt: { tag: 'Pkt4Ptr', value: { yiaddr: '0.0.0.0' } },
        blob: { tag: 'Widget', opaque: true },
      },
      {
        keep: { tag: 'string', value: 'a' },
        retag: { tag: 'long', value: 1 },
        pkt: { tag: 'Pkt4Ptr', value: { yiaddr: '192.0.2.9' } },
        blob: { tag: 'Widget', opaque: true },
        fresh: { tag: 'bool', value: true },
      },
    );
    expect(changes).toEqual([
      { kind: 'removed', path: ['gone'], before: { tag: 'int', value: 1 } },
      {
        kind: 'changed',
        path: ['retag'],
        before: { tag: 'int', value: 1 },
        after: { tag: 'long', value: 1 },
      },
      { kind: 'changed', path: ['pkt', 'yiaddr'], before: '0.0.0.0', after: '192.0.2.9' },
      { kind: 'added', path: ['fresh'], after: { tag: 'bool', value: true } },
    ]);
  });
});

function swapLibraryOrder(trace: TraceDocument): TraceDocument {
  const copy = structuredClone(trace);
  copy.libraries.reverse();
  return copy;
}

describe('compareTraces', () => {
  const base = createSyntheticTrace({ requests: 40, libraries: 2 });

  it('finds no difference between a trace and itself', () => {
    expect(
      compareTraces(buildTraceIndex(base), buildTraceIndex(structuredClone(base))),
    ).toBeUndefined();
    expect(
      compareTraces(buildTraceIndex(base), buildTraceIndex(swapLibraryOrder(base))),
    ).toBeUndefined();
  });

  it('marks the first argument difference with both callouts', () => {
    const other = structuredClone(base);
    const target = other.events.filter(
      (e): e is CalloutEvent => e.type === 'callout' && e.request === 3,
    )[5]!;
    target.arguments.after = { ...target.arguments.after, $note: { tag: 'string', value: 'hi' } };
    const a = buildTraceIndex(base);
    const b = buildTraceIndex(other);
    const difference = compareTraces(a, b)!;
    expect(difference).toMatchObject({ kind: 'argument', request: 2, argument: '$note' });
    expect(getCalloutEvent(b, difference.calloutB!).seq).toBe(target.seq);
    expect(getCalloutEvent(a, difference.calloutA!)).toMatchObject({
      hook: target.hook,
      library: target.library,
    });
    expect(difference.column).toBe(getStepKey(b, difference.calloutB!).column);
  });

  it('marks a status, a hook sequence, a response and a request count difference', () => {
    const a = buildTraceIndex(base);
    const status = structuredClone(base);
    const callout = status.events.find(
      (e): e is CalloutEvent => e.type === 'callout' && e.request === 2,
    )!;
    callout.status.after = 2;
    expect(compareTraces(a, buildTraceIndex(status))).toMatchObject({
      kind: 'status',
      request: 1,
      column: 1,
    });

    const hooks = structuredClone(base);
    const start = hooks.events.findIndex(
      (e) => e.request === 4 && e.type === 'hook-start' && e.hook === 'pkt4_send',
    );
    const hookStart = hooks.events[start]!;
    if (hookStart.type === 'hook-start') hookStart.hook = 'pkt4_sent';
    expect(compareTraces(a, buildTraceIndex(hooks))).toMatchObject({
      kind: 'hook-sequence',
      request: 3,
    });

    const response = structuredClone(base);
    const answer = response.events.find((e) => e.type === 'response' && e.request === 5)!;
    if (answer.type === 'response') answer.response = { type: 'DHCPNAK' };
    expect(compareTraces(a, buildTraceIndex(response))).toMatchObject({
      kind: 'response',
      request: 4,
    });

    const shorter = createSyntheticTrace({ requests: 39, libraries: 2 });
    expect(compareTraces(a, buildTraceIndex(shorter))).toMatchObject({
      kind: 'request-count',
      request: 39,
    });
  });
});
