import { describe, expect, it } from 'vitest';
import {
  buildTraceIndex,
  CalloutFlag,
  getCalloutEvent,
  getCalloutFlags,
} from '../src/buildTraceIndex';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { getCalloutDetail, getRequestEvents } from '../src/getCalloutDetail';
import {
  getCalloutBadges,
  getRequestOverview,
  getRequestTimeline,
} from '../src/getRequestTimeline';
import type { TraceDocument } from '../src/types';

const trace = createSyntheticTrace({ requests: 100, libraries: 4, dropEvery: 50, throwEvery: 97 });
const index = buildTraceIndex(trace);

describe('buildTraceIndex', () => {
  it('groups callouts by request in seq order', () => {
    expect(index.requests).toHaveLength(100);
    const calloutEvents = trace.events.filter((e) => e.type === 'callout');
    expect(index.calloutCount).toBe(calloutEvents.length);
    for (let c = 1; c < index.calloutCount; c++) {
      const a = getCalloutEvent(index, c - 1);
      const b = getCalloutEvent(index, c);
      const sameRequest = index.calloutRequest[c - 1] === index.calloutRequest[c];
      expect(
        sameRequest ? a.seq < b.seq : index.calloutRequest[c - 1]! < index.calloutRequest[c]!,
      ).toBe(true);
    }
  });

  it('compares snapshots only when asked, then remembers', () => {
    const fresh = buildTraceIndex(trace);
    const c = fresh.requestCalloutStart[1]!;
    expect(fresh.calloutFlags[c]! & CalloutFlag.COMPARED).toBe(0);
    const flags = getCalloutFlags(fresh, c);
    expect(flags & CalloutFlag.COMPARED).toBeTruthy();
    expect(fresh.calloutFlags[c]).toBe(flags);
    expect(() => getCalloutFlags(fresh, fresh.calloutCount)).toThrow(RangeError);
  });

  it('flags status changes, exceptions and context changes', () => {
    // Request 50 (position 49) is dropped by library 4 at pkt4_receive.
    const position = [...Array(index.calloutCount).keys()].find(
      (c) => index.calloutRequest[c] === 49 && index.calloutStatusAfter[c] === 2,
    )!;
    expect(getCalloutEvent(index, position)).toMatchObject({ hook: 'pkt4_receive', library: 4 });
    expect(index.calloutFlags[position]! & CalloutFlag.STATUS_CHANGED).toBeTruthy();
    expect(index.requestFlags[0]! & CalloutFlag.THREW).toBeTruthy(); // request 1: r % 97 === 0
    expect(index.requestFlags[1]! & CalloutFlag.THREW).toBe(0);
    expect(
      getCalloutFlags(index, index.requestCalloutStart[1]!) & CalloutFlag.CONTEXT_CHANGED,
    ).toBeTruthy();
    expect(
      getCalloutFlags(index, index.requestCalloutStart[1]!) & CalloutFlag.ARGUMENTS_CHANGED,
    ).toBe(0);
  });

  it('attaches logs to the callout that was running', () => {
    const first = getCalloutDetail(index, index.requestCalloutStart[0]!);
    expect(first.event).toMatchObject({ hook: 'pkt4_receive', library: 1 });
    expect(first.attached).toEqual([
      expect.objectContaining({ type: 'log', id: 'LIB_CLIENT_SEEN' }),
    ]);
    expect(first.contextChanges).toEqual([
      { kind: 'added', path: ['client'], after: { tag: 'string', value: '00:0c:00:00:00:01' } },
    ]);
    expect(getRequestEvents(index, 0)[0]).toMatchObject({
      type: 'hook-start',
      hook: 'buffer4_receive',
    });
  });
});

describe('getRequestTimeline', () => {
  it('draws hooks across, libraries down, with faint hooks and the two lines', () => {
    const timeline = getRequestTimeline(index, 1); // a DHCPREQUEST
    expect(timeline.columns.map((c) => `${c.hook}${c.faint ? ' (faint)' : ''}`)).toEqual([
      'buffer4_receive (faint)',
      'pkt4_receive',
      'subnet4_select',
      'lease4_select',
      'leases4_committed',
      'pkt4_send',
      'buffer4_send (faint)',
    ]);
    expect(timeline.rows.map((r) => r.library)).toEqual([1, 2, 3, 4]);
    expect(timeline.cells).toHaveLength(5 * 4);
    // The argument line of pkt4_receive runs through libraries 1..4 in order.
    const line = timeline.columns[1]!.argumentLine.map((c) => getCalloutEvent(index, c).library);
    expect(line).toEqual([1, 2, 3, 4]);
    // The context line of library 2 runs down the five attached hooks.
    const down = timeline.rows[1]!.contextLine.map((c) => getCalloutEvent(index, c).hook);
    expect(down).toEqual([
      'pkt4_receive',
      'subnet4_select',
      'lease4_select',
      'leases4_committed',
      'pkt4_send',
    ]);
    expect(timeline.columns[0]!.status).toBe(0);
  });

  it('stops a dropped request at the hook that dropped it, with a DROP badge', () => {
    const timeline = getRequestTimeline(index, 49);
    expect(timeline.columns.map((c) => c.hook)).toEqual(['buffer4_receive', 'pkt4_receive']);
    expect(timeline.columns[1]!.status).toBe(2);
    const cell = timeline.cells.find((c) => c.column === 1 && c.row === 3)!;
    expect(getCalloutBadges(index, cell.callouts[0]!)).toEqual([
      { kind: 'status', status: 'DROP', from: 'CONTINUE' },
    ]);
  });

  it('gives exception and return badges', () => {
    const threw = [...Array(index.calloutCount).keys()].find(
      (c) => index.calloutFlags[c]! & CalloutFlag.THREW,
    )!;
    expect(getCalloutBadges(index, threw)).toEqual([
      { kind: 'exception', name: 'Error', message: 'synthetic failure' },
    ]);
    const custom: TraceDocument = structuredClone(
      createSyntheticTrace({ requests: 1, libraries: 1 }),
    );
    const callout = custom.events.find((e) => e.type === 'callout')!;
    if (callout.type === 'callout') callout.returned = 1;
    const small = buildTraceIndex(custom);
    expect(getCalloutBadges(small, 0)).toEqual([{ kind: 'returned', value: 1 }]);
  });

  it('summarises a request for the overview', () => {
    expect(getRequestOverview(index, 49)).toMatchObject({ callouts: 4, hooks: 2 });
    expect(getRequestOverview(index, 49).flags & CalloutFlag.STATUS_CHANGED).toBeTruthy();
    expect(() => getRequestTimeline(index, 100)).toThrow(RangeError);
  });

  it('opens a column for a callout whose hook-start is missing', () => {
    const partial: TraceDocument = createSyntheticTrace({ requests: 1, libraries: 2 });
    partial.events = partial.events.filter((e) => e.type === 'callout');
    const small = buildTraceIndex(partial);
    const timeline = getRequestTimeline(small, 0);
    expect(timeline.columns.map((c) => c.hook)).toEqual([
      'pkt4_receive',
      'subnet4_select',
      'lease4_select',
      'pkt4_send',
    ]);
    expect(timeline.columns[0]!.status).toBeUndefined();
  });
});
