import {
  type Breakpoint,
  findStep,
  firstCalloutOfRequest,
  formatBreakpoints,
  formatStepKey,
  getStepKey,
  nextCallout,
  nextHook,
  nextRequest,
  parseBreakpoints,
  parseStepKey,
  previousCallout,
  previousHook,
  previousRequest,
  type TraceColumns,
  type TraceDifference,
} from '@hookscope/trace';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { getTraceService, type TraceService } from './createTraceService';
import type { LoadProgress, OpenedTrace, TraceInput } from './traceProtocol';

/**
 * One debugger's state. The only debugger module that imports the state library: each
 * <TraceDebugger> makes its own store, so a page can hold several. The trace itself lives in
 * the trace host (a worker); the store holds its columns, enough to draw and step.
 */
export interface DebuggerState {
  /** The trace shown: its id in the host and its columns. */
  trace: OpenedTrace | undefined;
  /** Set while a trace opens (progress), cleared when it is shown or fails. */
  loading: LoadProgress | undefined;
  /** Why the last trace could not be opened. */
  error: string | undefined;
  /** The second run, when comparing, and where the two first differ. */
  compare: { trace: OpenedTrace; difference: TraceDifference | undefined } | undefined;
  /** Flat callout position under the cursor; undefined for a trace without callouts. */
  cursor: number | undefined;
  /** Request position shown in the timeline (a request may have no callouts). */
  request: number;
  breakpoints: Breakpoint[];
  /** A short note after a step that could not move ("no breakpoint ahead"). */
  note: string | undefined;
  /** The host that holds the traces (the inspector asks it for details). */
  service: TraceService;
  actions: DebuggerActions;
}

export type StepCommand =
  | 'next-callout'
  | 'previous-callout'
  | 'next-hook'
  | 'previous-hook'
  | 'next-request'
  | 'previous-request'
  | 'run-forward'
  | 'run-backward';

export interface DebuggerActions {
  /**
   * Opens a trace in the host and shows it; the previous one stays on screen until then. With
   * `keepPlace` (a re-run), the cursor stays on the same step (same request, hook column,
   * library and callout) when it still exists, else on the same request. `place` (a URL's)
   * is applied once the trace is shown. Resolves when shown (true), failed or overtaken.
   */
  load(
    input: TraceInput | undefined,
    options?: { keepPlace?: boolean; place?: { step?: string; breakpoints?: string } },
  ): Promise<boolean>;
  /** Stops showing progress for the trace being opened; it is dropped when it arrives. */
  cancelLoad(): void;
  setCompare(input: TraceInput | undefined): Promise<void>;
  moveTo(position: number): void;
  selectRequest(request: number): void;
  /** Moves at once; running to a breakpoint asks the host and resolves when it has moved. */
  step(command: StepCommand): Promise<void>;
  /** Adds the breakpoint, or removes it when an equal one is set. */
  toggleBreakpoint(breakpoint: Breakpoint): void;
  removeBreakpoint(at: number): void;
  /** Applies a URL place (`formatStepKey` text and `formatBreakpoints` text). */
  applyPlace(step: string | undefined, breakpoints: string | undefined): void;
  /** The shown trace as JSON text (`writeTrace`, indented), made by the host. */
  exportTrace(): Promise<Blob | undefined>;
  /** Frees the traces in the host (the debugger goes away). */
  unload(): void;
}

export type DebuggerStore = StoreApi<DebuggerState>;

const STEPPERS: Record<
  Exclude<StepCommand, 'run-forward' | 'run-backward'>,
  (index: TraceColumns, position: number) => number | undefined
> = {
  'next-callout': nextCallout,
  'previous-callout': previousCallout,
  'next-hook': nextHook,
  'previous-hook': previousHook,
  'next-request': nextRequest,
  'previous-request': previousRequest,
};

const NOWHERE: Record<StepCommand, string> = {
  'next-callout': 'This is the last callout.',
  'previous-callout': 'This is the first callout.',
  'next-hook': 'No hook with callouts after this one.',
  'previous-hook': 'No hook with callouts before this one.',
  'next-request': 'No request with callouts after this one.',
  'previous-request': 'No request with callouts before this one.',
  'run-forward': 'No breakpoint ahead.',
  'run-backward': 'No breakpoint behind.',
};

/** The cursor's URL form, or undefined without a cursor. Pure. */
export function getPlaceText(state: Pick<DebuggerState, 'trace' | 'cursor'>): string | undefined {
  if (!state.trace || state.cursor === undefined) return undefined;
  return formatStepKey(getStepKey(state.trace.columns, state.cursor));
}

export function getBreakpointsText(state: Pick<DebuggerState, 'breakpoints'>): string {
  return formatBreakpoints(state.breakpoints);
}

/** Where the cursor goes in a newly opened trace. Pure. */
function placeIn(
  columns: TraceColumns,
  previous: Pick<DebuggerState, 'trace' | 'cursor' | 'request'>,
  keepPlace: boolean,
): { cursor: number | undefined; request: number } {
  let cursor: number | undefined;
  let request = 0;
  if (keepPlace && previous.trace && previous.cursor !== undefined) {
    const key = getStepKey(previous.trace.columns, previous.cursor);
    cursor = findStep(columns, key);
    if (cursor === undefined && key.request < columns.requestCount) {
      request = key.request;
      cursor = firstCalloutOfRequest(columns, key.request);
    }
  } else if (keepPlace && previous.trace) {
    request = Math.min(previous.request, Math.max(0, columns.requestCount - 1));
  }
  if (cursor === undefined && request === 0 && columns.calloutCount > 0) cursor = 0;
  if (cursor !== undefined) request = columns.calloutRequest[cursor]!;
  return { cursor, request };
}

export interface DebuggerStoreOptions {
  /** Told when opening is cancelled: a host that chose the input puts its choice back. */
  onCancelLoad?: () => void;
}

/** Creates one debugger's store, over the page's trace host unless told another. */
export function createDebuggerStore(
  service: TraceService = getTraceService(),
  options: DebuggerStoreOptions = {},
): DebuggerStore {
  return createStore<DebuggerState>()((setState, getState) => {
    // Each load and compare gets a number; an answer that is no longer the latest is dropped.
    let loads = 0;
    let compares = 0;
    // The input of the trace shown: asking for it again (a cancelled load's host putting its
    // choice back) keeps it instead of opening it anew.
    let shownInput: TraceInput | undefined;
    const differenceOf = async (a: OpenedTrace, b: OpenedTrace) => {
      const ticket = ++compares;
      const difference = await service.compare(a.id, b.id);
      const { trace, compare } = getState();
      if (ticket === compares && trace === a && compare?.trace === b) {
        setState({ compare: { trace: b, difference } });
      }
    };
    const actions: DebuggerActions = {
      async load(input, options = {}) {
        const ticket = ++loads;
        if (input && input === shownInput && getState().trace) {
          setState({ loading: undefined });
          return true;
        }
        if (!input) {
          shownInput = undefined;
          const { trace } = getState();
          if (trace) service.close(trace.id);
          setState({ trace: undefined, loading: undefined, error: undefined, cursor: undefined });
          return false;
        }
        const result = await service.open(input, (progress) => {
          if (ticket === loads) setState({ loading: progress });
        });
        if (ticket !== loads) {
          if (result.ok) service.close(result.trace.id);
          return false;
        }
        const previous = getState();
        if (previous.trace) service.close(previous.trace.id);
        if (!result.ok) {
          shownInput = undefined;
          setState({ trace: undefined, loading: undefined, error: result.error, note: undefined });
          return false;
        }
        const { trace } = result;
        shownInput = input;
        const { cursor, request } = placeIn(trace.columns, previous, options.keepPlace ?? false);
        setState({ trace, cursor, request, loading: undefined, error: undefined, note: undefined });
        if (options.place)
          getState().actions.applyPlace(options.place.step, options.place.breakpoints);
        const compare = previous.compare?.trace;
        if (compare) {
          setState({ compare: { trace: compare, difference: undefined } });
          await differenceOf(trace, compare);
        }
        return true;
      },
      cancelLoad() {
        loads += 1;
        setState({ loading: undefined });
        options.onCancelLoad?.();
      },
      async setCompare(input) {
        const old = getState().compare?.trace;
        const ticket = ++compares;
        if (!input) {
          if (old) service.close(old.id);
          setState({ compare: undefined });
          return;
        }
        const result = await service.open(input);
        if (ticket !== compares) {
          if (result.ok) service.close(result.trace.id);
          return;
        }
        if (old) service.close(old.id);
        if (!result.ok) {
          setState({ compare: undefined, note: `The trace to compare with: ${result.error}` });
          return;
        }
        setState({ compare: { trace: result.trace, difference: undefined } });
        const { trace } = getState();
        if (trace) await differenceOf(trace, result.trace);
      },
      moveTo(position) {
        const { trace } = getState();
        if (!trace || position < 0 || position >= trace.columns.calloutCount) return;
        setState({
          cursor: position,
          request: trace.columns.calloutRequest[position]!,
          note: undefined,
        });
      },
      selectRequest(request) {
        const { trace } = getState();
        if (!trace || request < 0 || request >= trace.columns.requestCount) return;
        const first = firstCalloutOfRequest(trace.columns, request);
        setState(
          first === undefined
            ? { request, note: 'This request reached no callout.' }
            : { request, cursor: first, note: undefined },
        );
      },
      async step(command) {
        const { trace, cursor, breakpoints } = getState();
        if (!trace || cursor === undefined) return;
        let target: number | undefined;
        if (command === 'run-forward' || command === 'run-backward') {
          if (breakpoints.length === 0) {
            setState({ note: 'No breakpoint is set.' });
            return;
          }
          const direction = command === 'run-forward' ? 'forward' : 'backward';
          target = await service.runToBreakpoint(trace.id, cursor, breakpoints, direction);
          // The person moved on (or opened another trace) while the host searched.
          const now = getState();
          if (now.trace !== trace || now.cursor !== cursor) return;
        } else {
          target = STEPPERS[command](trace.columns, cursor);
        }
        if (target === undefined) setState({ note: NOWHERE[command] });
        else getState().actions.moveTo(target);
      },
      toggleBreakpoint(breakpoint) {
        const key = JSON.stringify(breakpoint);
        const { breakpoints } = getState();
        const at = breakpoints.findIndex((b) => JSON.stringify(b) === key);
        setState({
          breakpoints:
            at >= 0 ? breakpoints.filter((_, i) => i !== at) : [...breakpoints, breakpoint],
        });
      },
      removeBreakpoint(at) {
        setState({ breakpoints: getState().breakpoints.filter((_, i) => i !== at) });
      },
      applyPlace(step, breakpoints) {
        if (breakpoints !== undefined) setState({ breakpoints: parseBreakpoints(breakpoints) });
        const { trace } = getState();
        const key = step === undefined ? undefined : parseStepKey(step);
        if (!trace || !key) return;
        const position = findStep(trace.columns, key);
        if (position !== undefined) getState().actions.moveTo(position);
        else if (key.request < trace.columns.requestCount) {
          getState().actions.selectRequest(key.request);
        }
      },
      async exportTrace() {
        const { trace } = getState();
        return trace ? service.exportBlob(trace.id) : undefined;
      },
      unload() {
        loads += 1;
        compares += 1;
        const { trace, compare } = getState();
        if (trace) service.close(trace.id);
        if (compare) service.close(compare.trace.id);
        setState({ trace: undefined, compare: undefined, cursor: undefined, loading: undefined });
      },
    };
    return {
      trace: undefined,
      loading: undefined,
      error: undefined,
      compare: undefined,
      cursor: undefined,
      request: 0,
      breakpoints: [],
      note: undefined,
      service,
      actions,
    };
  });
}

/** React binding: a slice of one debugger's state (the selector must return stable values). */
export function useDebuggerState<T>(
  store: DebuggerStore,
  selector: (state: DebuggerState) => T,
): T {
  return useStore(store, selector);
}
