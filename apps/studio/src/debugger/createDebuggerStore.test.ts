import {
  createSyntheticTrace,
  formatStepKey,
  getStepKey,
  type TraceDocument,
} from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import { createDebuggerStore, type DebuggerState, getPlaceText } from './createDebuggerStore';
import { recordDataScopeTrace } from './recordTrace';

const dataScope = recordDataScopeTrace('configured');
const reversed = recordDataScopeTrace('reversed');

/** "callout@hook/library" of the cursor, the way the guide names the steps. */
function at(state: DebuggerState): string {
  const { index, cursor } = state;
  if (!index || cursor === undefined) return 'none';
  const event = index.trace.events[index.calloutEvent[cursor]!];
  return event?.type === 'callout' ? `${event.callout}@${event.hook}/${event.library}` : '?';
}

function loaded(trace: TraceDocument = dataScope) {
  const store = createDebuggerStore();
  store.getState().actions.load(trace);
  return store;
}

describe('createDebuggerStore', () => {
  it('steps through the data-scope example in call order, hook by hook', () => {
    const store = loaded();
    const { actions } = store.getState();
    const seen = [at(store.getState())];
    for (let i = 0; i < 5; i++) {
      actions.step('next-callout');
      seen.push(at(store.getState()));
    }
    expect(seen).toEqual([
      'authorize@alpha/1',
      'logpkt@alpha/2',
      'check@beta/1',
      'validate@beta/2',
      'add_option@gamma/1',
      'putopt@gamma/2',
    ]);
    actions.step('next-callout');
    expect(store.getState().note).toBe('This is the last callout.');
    expect(at(store.getState())).toBe('putopt@gamma/2');
    actions.step('previous-hook');
    expect(at(store.getState())).toBe('check@beta/1');
    actions.step('next-hook');
    expect(at(store.getState())).toBe('add_option@gamma/1');
  });

  it('runs to breakpoints on a hook, a library and a condition, and says when none is ahead', () => {
    const store = loaded();
    const { actions } = store.getState();
    actions.step('run-forward');
    expect(store.getState().note).toBe('No breakpoint is set.');
    actions.toggleBreakpoint({ kind: 'hook', hook: 'gamma' });
    actions.step('run-forward');
    expect(at(store.getState())).toBe('add_option@gamma/1');
    actions.toggleBreakpoint({ kind: 'hook', hook: 'gamma' });
    expect(store.getState().breakpoints).toEqual([]);
    actions.toggleBreakpoint({ kind: 'library', library: 2 });
    actions.step('run-backward');
    expect(at(store.getState())).toBe('validate@beta/2');
    actions.step('run-forward');
    actions.step('run-forward');
    expect(store.getState().note).toBe('No breakpoint ahead.');

    const other = loaded(reversed);
    other.getState().actions.toggleBreakpoint({ kind: 'exception' });
    other.getState().actions.step('run-forward');
    expect(at(other.getState())).toBe('putopt@gamma/1');
  });

  it('keeps its place across a re-run when the same step exists, else the same request', () => {
    const store = loaded();
    const { actions } = store.getState();
    actions.moveTo(3);
    actions.load(JSON.parse(JSON.stringify(dataScope)) as TraceDocument, { keepPlace: true });
    expect(at(store.getState())).toBe('validate@beta/2');
    // The library order swapped: library 2 on beta is now `check`, not the same step.
    actions.load(reversed, { keepPlace: true });
    expect(store.getState().request).toBe(0);
    expect(at(store.getState())).toBe('logpkt@alpha/1');
  });

  it('opens on a place from the URL, and names its place for the URL', () => {
    const store = loaded();
    const place = getStepKey(store.getState().index!, 4);
    store
      .getState()
      .actions.applyPlace(formatStepKey(place), '%5B%7B%22kind%22%3A%22exception%22%7D%5D');
    expect(at(store.getState())).toBe('add_option@gamma/1');
    expect(store.getState().breakpoints).toEqual([{ kind: 'exception' }]);
    expect(getPlaceText(store.getState())).toBe(formatStepKey(place));
    store.getState().actions.applyPlace('r9.c0.l1.0.alpha.authorize', undefined);
    expect(at(store.getState())).toBe('add_option@gamma/1');
  });

  it('marks the first difference of two library orders', () => {
    const store = loaded();
    store.getState().actions.setCompare(reversed);
    const difference = store.getState().compare?.difference;
    expect(difference).toMatchObject({ kind: 'status', request: 0, column: 2, calloutA: 4 });
    store.getState().actions.setCompare(undefined);
    expect(store.getState().compare).toBeUndefined();
  });

  // Render cost, counted: each view subscribes to a slice; a view redraws only when its slice
  // changes. Stepping inside a request must not redraw the request list or rebuild the grid.
  it('stepping inside a request changes only the cursor slices', () => {
    const store = loaded(createSyntheticTrace({ requests: 50, libraries: 4 }));
    const slices = {
      overview: (s: DebuggerState) => `${s.request}`,
      timelineGrid: (s: DebuggerState) => `${s.request}`,
      cursor: (s: DebuggerState) => `${s.cursor}`,
      breakpoints: (s: DebuggerState) => s.breakpoints,
      index: (s: DebuggerState) => s.index,
    };
    const changes = Object.fromEntries(Object.keys(slices).map((k) => [k, 0])) as Record<
      keyof typeof slices,
      number
    >;
    let previous = store.getState();
    store.subscribe((state) => {
      for (const [name, select] of Object.entries(slices) as [
        keyof typeof slices,
        (s: DebuggerState) => unknown,
      ][]) {
        if (!Object.is(select(state), select(previous))) changes[name] += 1;
      }
      previous = state;
    });
    const { actions } = store.getState();
    const first = store.getState().index!.requestCalloutStart[1]! - 1; // callouts in request 0
    for (let i = 0; i < first; i++) actions.step('next-callout');
    expect(changes).toEqual({
      overview: 0,
      timelineGrid: 0,
      cursor: first,
      breakpoints: 0,
      index: 0,
    });
    actions.step('next-request');
    expect(changes.overview).toBe(1);
    expect(changes.index).toBe(0);
  });
});
