import type { HookEvent } from '@hookscope/sandbox';
import { describe, expect, it } from 'vitest';
import { getExampleTimeline, matchesExpectation } from './getExampleTimeline';

const reached = (step: string | undefined, hook: string, noCallouts = false): HookEvent => ({
  step,
  hook,
  ...(noCallouts ? { noCallouts } : {}),
});
const callout = (step: string | undefined, hook: string, library: number): HookEvent => ({
  step,
  hook,
  library,
  callout: hook,
  statusBefore: 0,
  statusAfter: 0,
  returned: 0,
});

describe('getExampleTimeline', () => {
  it('makes a column per hook reached and folds repeats into the observed sequence', () => {
    const timeline = getExampleTimeline(
      [
        reached('a', 'buffer4_receive', true),
        reached('a', 'pkt4_receive'),
        callout('a', 'pkt4_receive', 1),
        callout('a', 'pkt4_receive', 2),
        reached('b', 'pkt4_receive'),
        callout('b', 'pkt4_receive', 2),
        reached('b', 'pkt4_send'),
        callout('b', 'pkt4_send', 1),
      ],
      ['/one.so', '/two.so'],
    );
    expect(timeline.columns.map((c) => [c.step, c.hook, c.faint, c.cells.length])).toEqual([
      ['a', 'buffer4_receive', true, 0],
      ['a', 'pkt4_receive', false, 2],
      ['b', 'pkt4_receive', false, 1],
      ['b', 'pkt4_send', false, 1],
    ]);
    expect(timeline.observed).toEqual({
      hooks: ['pkt4_receive', 'pkt4_send'],
      libraries: ['/one.so', '/two.so'],
    });
    expect(matchesExpectation(timeline.observed, timeline.observed)).toBe(true);
    expect(matchesExpectation(timeline.observed, { hooks: ['pkt4_receive'], libraries: [] })).toBe(
      false,
    );
  });
});
