import { getCalloutLabel, getRequest } from '@hookscope/trace';
import { useEffect, useRef, useState } from 'react';
import { BreakpointsPanel } from './BreakpointsPanel';
import { ComparePanel } from './ComparePanel';
import {
  createDebuggerStore,
  type DebuggerStore,
  getBreakpointsText,
  getPlaceText,
} from './createDebuggerStore';
import { Inspector } from './Inspector';
import { RequestOverview } from './RequestOverview';
import { ShortcutList, StepControls } from './StepControls';
import { getShortcutCommand, type ShortcutCommand } from './shortcuts';
import { Timeline } from './Timeline';
import { TraceLoading } from './TraceLoading';
import type { TraceInput } from './traceProtocol';
import { DebuggerContext, useDebugger, useDebuggerStore } from './useDebugger';
import './debugger.css';

/** A place in the trace as the URL holds it (`formatStepKey` and `formatBreakpoints` text). */
export interface DebuggerPlace {
  step: string | undefined;
  breakpoints: string | undefined;
}

export interface TraceDebuggerProps {
  /** A trace recorded on the page, or a file to read (read in the trace worker). */
  trace: TraceInput | undefined;
  /** A second run to compare with (same packets, another workspace). */
  compareWith?: TraceInput | undefined;
  /** Where to open, once, when the first trace arrives (a shared link). */
  initialPlace?: DebuggerPlace;
  /** Told whenever the cursor or the breakpoints change (to keep the URL in step). */
  onPlaceChange?: (place: DebuggerPlace) => void;
  /** Tests may pass a store to watch it; by default each debugger makes its own. */
  store?: DebuggerStore;
}

/**
 * The trace debugger: requests on the left, the selected request's timeline (hooks across,
 * libraries down), the inspector for the callout under the cursor, stepping, breakpoints and
 * an optional comparison. All the model comes from @hookscope/trace; this only draws it. The
 * trace is parsed and indexed in a worker (the page gets columns), with progress while it opens.
 * A new `trace` (a re-run) keeps the cursor on the same step when that step still exists.
 */
export function TraceDebugger(props: TraceDebuggerProps) {
  const [store] = useState(() => props.store ?? createDebuggerStore());
  const { trace, compareWith, initialPlace, onPlaceChange } = props;
  // The URL's place waits for the first trace that is shown (React's StrictMode may start and
  // drop a load first).
  const pendingPlace = useRef(initialPlace);
  useEffect(() => {
    const place = pendingPlace.current;
    void store
      .getState()
      .actions.load(trace, { keepPlace: true, place: place && { ...place } })
      .then((shown) => {
        if (shown) pendingPlace.current = undefined;
      });
  }, [store, trace]);
  useEffect(() => {
    void store.getState().actions.setCompare(compareWith);
  }, [store, compareWith]);
  useEffect(() => () => store.getState().actions.unload(), [store]);
  useEffect(() => {
    if (!onPlaceChange) return undefined;
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Told once the cursor rests (150 ms): browsers throttle history updates, and a held step
    // key must not pay for one per frame.
    const tell = () => {
      timer = undefined;
      const state = store.getState();
      const place = { step: getPlaceText(state), breakpoints: getBreakpointsText(state) };
      const text = `${place.step}|${place.breakpoints}`;
      if (text !== last && state.trace) {
        last = text;
        onPlaceChange(place);
      }
    };
    const unsubscribe = store.subscribe(() => {
      if (timer === undefined) timer = setTimeout(tell, 150);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, onPlaceChange]);
  return (
    <DebuggerContext.Provider value={store}>
      <DebuggerLayout />
    </DebuggerContext.Provider>
  );
}

function DebuggerLayout() {
  const store = useDebuggerStore();
  const trace = useDebugger((s) => s.trace);
  const error = useDebugger((s) => s.error);
  const request = useDebugger((s) => s.request);
  const cursor = useDebugger((s) => s.cursor);
  const actions = useDebugger((s) => s.actions);
  const hasCompare = useDebugger((s) => s.compare !== undefined);
  const difference = useDebugger((s) => s.compare?.difference);

  const toggleBreakpointHere = () => {
    const { trace: t, cursor: c } = store.getState();
    if (!t || c === undefined) return;
    actions.toggleBreakpoint({ kind: 'callout', ...getCalloutLabel(t.columns, c) });
  };
  const goToDifference = () => {
    const d = store.getState().compare?.difference;
    if (!d) return;
    if (d.calloutA !== undefined) actions.moveTo(d.calloutA);
    else actions.selectRequest(d.request);
  };
  const run = (command: ShortcutCommand) => {
    if (command === 'toggle-breakpoint') toggleBreakpointHere();
    else if (command === 'first-difference') goToDifference();
    else void actions.step(command);
  };
  const root = useRef<HTMLElement>(null);
  // Shortcuts work wherever the focus is in this debugger, or, when nothing has the focus, in
  // the only debugger on the page (a docs page may hold several: none of them guesses).
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const inside = root.current?.contains(target) ?? false;
      const alone = document.querySelectorAll('section.trace-debugger').length === 1;
      if (!inside && !(target === document.body && alone)) return;
      handleKey(e);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });
  const handleKey = (e: globalThis.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable) {
      return;
    }
    const command = getShortcutCommand(e.key);
    if (!command) return;
    e.preventDefault();
    run(command);
  };

  // Marks read by the trace-view benchmark (performance.measure), free otherwise.
  useEffect(() => {
    if (trace) performance.mark('hookscope:trace-shown');
  }, [trace]);

  const problem = error && (
    <p role="alert" className="error">
      The trace could not be opened: {error}
    </p>
  );
  if (!trace) {
    return (
      <section className="trace-debugger empty" aria-label="Trace debugger">
        {problem}
        <TraceLoading />
        <p className="hint">No trace to show yet.</p>
      </section>
    );
  }
  const { columns } = trace;
  const mark =
    difference && difference.request === request
      ? { column: difference.column, callout: difference.calloutA }
      : undefined;
  return (
    <section className="trace-debugger" aria-label="Trace debugger" ref={root}>
      {problem}
      <TraceLoading />
      <div className="debugger-toolbar">
        <StepControls onToggleBreakpoint={toggleBreakpointHere} />
        <ShortcutList />
      </div>
      <div className={hasCompare ? 'debugger-body with-compare' : 'debugger-body'}>
        <div className="debugger-side">
          <RequestOverview columns={columns} selected={request} onSelect={actions.selectRequest} />
          <BreakpointsPanel />
        </div>
        <div className="debugger-main">
          <h3 className="request-title">
            Request {getRequest(columns, request)?.id}: {getRequest(columns, request)?.summary}
          </h3>
          <div className="timelines">
            <Timeline
              columns={columns}
              request={request}
              cursor={cursor}
              mark={mark}
              onSelect={actions.moveTo}
              label="Timeline"
            />
            {hasCompare && <ComparePanel onGoToDifference={goToDifference} />}
          </div>
          <Inspector trace={trace} position={cursor} />
        </div>
      </div>
    </section>
  );
}
