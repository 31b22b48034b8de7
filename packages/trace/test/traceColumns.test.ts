import { describe, expect, it } from 'vitest';
import { buildTraceIndex, getCalloutEvent } from '../src/buildTraceIndex';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { getCalloutBadges, getRequestTimeline } from '../src/getRequestTimeline';
import { findStep, getStepKey } from '../src/stepKey';
import { nextHook, nextRequest } from '../src/stepping';
import { getCalloutLabel, getRequest, getTraceColumns } from '../src/traceColumns';

const trace = createSyntheticTrace({ requests: 60, libraries: 4, dropEvery: 20, throwEvery: 7 });
const index = buildTraceIndex(trace);

describe('getTraceColumns', () => {
  it('draws and steps like the index it came from, without the events', () => {
    const { columns, transfer } = getTraceColumns(structuredClone(index));
    const posted = structuredClone(columns, { transfer });
    expect('trace' in posted).toBe(false);
    expect(posted.requestCount).toBe(index.requests.length);
    for (let r = 0; r < index.requests.length; r++) {
      expect(getRequest(posted, r)).toEqual(index.requests[r]);
      expect(getRequestTimeline(posted, r)).toEqual(getRequestTimeline(index, r));
    }
    expect(getRequest(posted, index.requests.length)).toBeUndefined();
    let threw = 0;
    for (let c = 0; c < index.calloutCount; c++) {
      const event = getCalloutEvent(index, c);
      expect(getCalloutLabel(posted, c)).toEqual({
        callout: event.callout,
        hook: event.hook,
        library: event.library,
      });
      expect(getCalloutBadges(posted, c)).toEqual(getCalloutBadges(index, c));
      if (event.thrown) threw += 1;
      expect(nextHook(posted, c)).toBe(nextHook(index, c));
      expect(nextRequest(posted, c)).toBe(nextRequest(index, c));
      expect(findStep(posted, getStepKey(index, c))).toBe(c);
    }
    expect(threw).toBeGreaterThan(0);
  });

  it('hands over copies: the index keeps working after the transfer', () => {
    const own = buildTraceIndex(trace);
    const { columns, transfer } = getTraceColumns(own);
    structuredClone(columns, { transfer });
    expect(columns.calloutRequest.length).toBe(0); // detached by the transfer
    expect(own.calloutRequest.length).toBe(index.calloutCount);
    expect(getRequestTimeline(own, 3)).toEqual(getRequestTimeline(index, 3));
  });

  it('names no callout outside the trace', () => {
    expect(() => getCalloutLabel(index, index.calloutCount)).toThrow(RangeError);
    expect(() => getCalloutLabel(index, -1)).toThrow(RangeError);
  });
});
