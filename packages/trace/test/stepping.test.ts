import { describe, expect, it } from 'vitest';
import { buildTraceIndex, getCalloutEvent } from '../src/buildTraceIndex';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import {
  findStep,
  formatBreakpoints,
  formatStepKey,
  getStepKey,
  parseBreakpoints,
  parseStepKey,
} from '../src/stepKey';
import {
  type Breakpoint,
  firstCalloutOfRequest,
  nextCallout,
  nextHook,
  nextRequest,
  previousCallout,
  previousHook,
  previousRequest,
  runToBreakpoint,
} from '../src/stepping';

const index = buildTraceIndex(createSyntheticTrace({ requests: 100, libraries: 4 }));
const where = (c: number | undefined) => {
  if (c === undefined) return undefined;
  const e = getCalloutEvent(index, c);
  return `${e.request}:${e.hook}:${e.library}`;
};

describe('stepping', () => {
  it('moves callout by callout, across requests, and stops at the ends', () => {
    expect(where(0)).toBe('1:pkt4_receive:1');
    expect(where(nextCallout(index, 0))).toBe('1:pkt4_receive:2');
    expect(where(nextCallout(index, 3))).toBe('1:subnet4_select:1');
    expect(previousCallout(index, 0)).toBeUndefined();
    expect(nextCallout(index, index.calloutCount - 1)).toBeUndefined();
    const lastOfFirst = index.requestCalloutStart[1]! - 1;
    expect(where(nextCallout(index, lastOfFirst))).toBe('2:pkt4_receive:1');
  });

  it('moves hook by hook', () => {
    expect(where(nextHook(index, 1))).toBe('1:subnet4_select:1');
    expect(where(previousHook(index, 5))).toBe('1:pkt4_receive:1');
    expect(previousHook(index, 2)).toBeUndefined();
    const lastOfFirst = index.requestCalloutStart[1]! - 1;
    expect(where(nextHook(index, lastOfFirst))).toBe('2:pkt4_receive:1');
  });

  it('moves request by request', () => {
    expect(where(nextRequest(index, 5))).toBe('2:pkt4_receive:1');
    expect(where(previousRequest(index, nextRequest(index, 5)! + 3))).toBe('1:pkt4_receive:1');
    expect(previousRequest(index, 3)).toBeUndefined();
    expect(nextRequest(index, index.calloutCount - 1)).toBeUndefined();
    expect(where(firstCalloutOfRequest(index, 9))).toBe('10:pkt4_receive:1');
  });

  it('runs to breakpoints on hooks, libraries, callouts and conditions, both ways', () => {
    const run = (from: number, breakpoints: Breakpoint[], direction?: 'forward' | 'backward') =>
      where(runToBreakpoint(index, from, breakpoints, direction));
    expect(run(0, [{ kind: 'hook', hook: 'pkt4_send' }])).toBe('1:pkt4_send:1');
    expect(run(0, [{ kind: 'library', library: 3 }])).toBe('1:pkt4_receive:3');
    expect(run(0, [{ kind: 'callout', callout: 'lease4_select', library: 2 }])).toBe(
      '1:lease4_select:2',
    );
    expect(run(0, [{ kind: 'status-change' }])).toBe('50:pkt4_receive:4');
    expect(run(0, [{ kind: 'exception' }])).toBe('1:lease4_select:1');
    expect(run(index.calloutCount - 1, [{ kind: 'exception' }], 'backward')).toBe(
      '98:lease4_select:1',
    );
    expect(run(0, [{ kind: 'argument-changed' }])).toBeUndefined();
    expect(run(0, [])).toBeUndefined();
    // The earliest match of several breakpoints wins.
    expect(run(0, [{ kind: 'exception' }, { kind: 'hook', hook: 'subnet4_select' }])).toBe(
      '1:subnet4_select:1',
    );
  });
});

describe('step keys', () => {
  it('name a step by place, survive formatting, and find it again in a re-run', () => {
    const position = nextHook(index, nextRequest(index, 0)!)! + 2;
    const key = getStepKey(index, position);
    expect(key).toEqual({
      request: 1,
      column: 2,
      library: 3,
      ordinal: 0,
      hook: 'subnet4_select',
      callout: 'subnet4_select',
    });
    expect(parseStepKey(formatStepKey(key))).toEqual(key);
    const rerun = buildTraceIndex(createSyntheticTrace({ requests: 100, libraries: 4 }));
    expect(findStep(rerun, key)).toBe(position);
    const fewerLibraries = buildTraceIndex(createSyntheticTrace({ requests: 100, libraries: 2 }));
    expect(findStep(fewerLibraries, key)).toBeUndefined();
    expect(findStep(index, { ...key, request: 1000 })).toBeUndefined();
    expect(parseStepKey('r1.c2')).toBeUndefined();
    expect(parseStepKey(formatStepKey({ ...key, hook: '$a.b' }))).toMatchObject({ hook: '$a.b' });
  });

  it('breakpoints survive the URL and malformed ones are dropped', () => {
    const breakpoints: Breakpoint[] = [
      { kind: 'hook', hook: 'pkt4_send' },
      { kind: 'argument-changed', argument: 'query4' },
      { kind: 'exception' },
    ];
    expect(parseBreakpoints(formatBreakpoints(breakpoints))).toEqual(breakpoints);
    expect(
      parseBreakpoints(
        encodeURIComponent('[{"kind":"hook"},{"kind":"nope"},{"kind":"exception"}]'),
      ),
    ).toEqual([{ kind: 'exception' }]);
    expect(parseBreakpoints('%%%')).toEqual([]);
  });
});
