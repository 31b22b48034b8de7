import {
  createSyntheticTrace,
  formatStepKey,
  getCalloutLabel,
  getStepKey,
  type TraceDocument,
  writeTrace,
} from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import { createDebuggerStore, type DebuggerState, getPlaceText } from './createDebuggerStore';
import { recordDataScopeTrace } from './recordTrace';

const dataScope = recordDataScopeTrace('configured');
const reversed = recordDataScopeTrace('reversed');

/** "callout@hook/library" of the cursor, the way the guide names the steps. */
function at(state: DebuggerState): string {
  const { trace, cursor } = state;
  if (!trace || cursor === undefined) return 'none';
  const label = getCalloutLabel(trace.columns, cursor);
  return `${label.callout}@${label.hook}/${label.library}`;
}

// Unit tests run in Node: the store's trace host runs in this thread (no worker), over the
// same messages.
async function loaded(trace: TraceDocument = dataScope) {
  const store = createDebuggerStore();
  await store.getState().actions.load(trace);
  return store;
}

describe('createDebuggerStore', () => {
  it('steps through the data-scope example in call order, hook by hook', async () => {
    const store = await loaded();
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

  it('runs to breakpoints on a hook, a library and a condition, and says when none is ahead', async () => {
    const store = await loaded();
    const { actions } = store.getState();
    await actions.step('run-forward');
    expect(store.getState().note).toBe('No breakpoint is set.');
    actions.toggleBreakpoint({ kind: 'hook', hook: 'gamma' });
    await actions.step('run-forward');
    expect(at(store.getState())).toBe('add_option@gamma/1');
    actions.toggleBreakpoint({ kind: 'hook', hook: 'gamma' });
    expect(store.getState().breakpoints).toEqual([]);
    actions.toggleBreakpoint({ kind: 'library', library: 2 });
    await actions.step('run-backward');
    expect(at(store.getState())).toBe('validate@beta/2');
    await actions.step('run-forward');
    await actions.step('run-forward');
    expect(store.getState().note).toBe('No breakpoint ahead.');

    const other = await loaded(reversed);
    other.getState().actions.toggleBreakpoint({ kind: 'exception' });
    await other.getState().actions.step('run-forward');
    expect(at(other.getState())).toBe('putopt@gamma/1');
  });

  it('keeps its place across a re-run when the same step exists, else the same request', async () => {
    const store = await loaded();
    const { actions } = store.getState();
    actions.moveTo(3);
    await actions.load(JSON.parse(JSON.stringify(dataScope)) as TraceDocument, { keepPlace: true });
    expect(at(store.getState())).toBe('validate@beta/2');
    // The library order swapped: library 2 on beta is now `check`, not the same step.
    await actions.load(reversed, { keepPlace: true });
    expect(store.getState().request).toBe(0);
    expect(at(store.getState())).toBe('logpkt@alpha/1');
  });

  it('opens on a place from the URL, and names its place for the URL', async () => {
    const store = await loaded();
    const place = getStepKey(store.getState().trace!.columns, 4);
    store
      .getState()
      .actions.applyPlace(formatStepKey(place), '%5B%7B%22kind%22%3A%22exception%22%7D%5D');
    expect(at(store.getState())).toBe('add_option@gamma/1');
    expect(store.getState().breakpoints).toEqual([{ kind: 'exception' }]);
    expect(getPlaceText(store.getState())).toBe(formatStepKey(place));
    store.getState().actions.applyPlace('r9.c0.l1.0.alpha.authorize', undefined);
    expect(at(store.getState())).toBe('add_option@gamma/1');
  });

  it('marks the first difference of two library orders', async () => {
    const store = await loaded();
    await store.getState().actions.setCompare(reversed);
    const difference = store.getState().compare?.difference;
    expect(difference).toMatchObject({ kind: 'status', request: 0, column: 2, calloutA: 4 });
    await store.getState().actions.setCompare(undefined);
    expect(store.getState().compare).toBeUndefined();
  });

  // Render cost, counted: each view subscribes to a slice; a view redraws only when its slice
  // changes. Stepping inside a request must not redraw the request list or rebuild the grid.
  it('stepping inside a request changes only the cursor slices', async () => {
    const store = await loaded(createSyntheticTrace({ requests: 50, libraries: 4 }));
    const slices = {
      overview: (s: DebuggerState) => `${s.request}`,
      timelineGrid: (s: DebuggerState) => `${s.request}`,
      cursor: (s: DebuggerState) => `${s.cursor}`,
      breakpoints: (s: DebuggerState) => s.breakpoints,
      trace: (s: DebuggerState) => s.trace,
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
    const first = store.getState().trace!.columns.requestCalloutStart[1]! - 1; // callouts in request 0
    for (let i = 0; i < first; i++) actions.step('next-callout');
    expect(changes).toEqual({
      overview: 0,
      timelineGrid: 0,
      cursor: first,
      breakpoints: 0,
      trace: 0,
    });
    actions.step('next-request');
    expect(changes.overview).toBe(1);
    expect(changes.trace).toBe(0);
  });

  it('opens a trace file with progress, and says what is wrong with one that is not a trace', async () => {
    const store = createDebuggerStore();
    const stages: string[] = [];
    store.subscribe((state) => {
      const stage = state.loading?.stage;
      if (stage && stages.at(-1) !== stage) stages.push(stage);
    });
    const text = writeTrace(createSyntheticTrace({ requests: 40, libraries: 4 }));
    await store.getState().actions.load({ file: new Blob([text]) });
    expect(stages).toEqual(['reading', 'parsing', 'indexing']);
    expect(store.getState().loading).toBeUndefined();
    expect(store.getState().trace?.columns.requestCount).toBe(40);
    expect(at(store.getState())).toBe('pkt4_receive@pkt4_receive/1');

    await store.getState().actions.load({ file: new Blob(['{"format":"something-else"}']) });
    expect(store.getState().trace).toBeUndefined();
    expect(store.getState().error).toMatch(/hookscope-trace/);
  });

  it('drops a trace that is overtaken or cancelled while it opens', async () => {
    let cancels = 0;
    const store = createDebuggerStore(undefined, { onCancelLoad: () => (cancels += 1) });
    await store.getState().actions.load(dataScope);
    const { actions } = store.getState();
    const big = actions.load(createSyntheticTrace({ requests: 30, libraries: 4 }));
    const small = actions.load(reversed);
    await Promise.all([big, small]);
    expect(store.getState().trace?.columns.requestCount).toBe(1);
    expect(at(store.getState())).toBe('logpkt@alpha/1');
    const cancelled = actions.load(dataScope);
    actions.cancelLoad();
    await cancelled;
    expect(at(store.getState())).toBe('logpkt@alpha/1');
    expect(cancels).toBe(1);
  });

  it('keeps the shown trace when its input is asked for again (a cancel put back)', async () => {
    const store = await loaded();
    const shown = store.getState().trace;
    await store.getState().actions.step('next-callout');
    expect(await store.getState().actions.load(dataScope)).toBe(true);
    expect(store.getState().trace).toBe(shown);
    expect(at(store.getState())).not.toBe('authorize@alpha/1');
  });

  it('asks the host for the detail of a callout, and exports the trace it holds', async () => {
    const store = await loaded();
    const { service, trace } = store.getState();
    const detail = await service.detail(trace!.id, 0);
    expect(detail.event.callout).toBe('authorize');
    expect(detail.contextChanges.map((c) => c.path.join('.'))).toContain('foo');
    const blob = await store.getState().actions.exportTrace();
    expect(await blob!.text()).toBe(writeTrace(dataScope, { indent: 2 }));
    store.getState().actions.unload();
    await expect(service.detail(trace!.id, 1)).rejects.toThrow(/no open trace/);
  });
});
