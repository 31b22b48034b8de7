import {
  type Breakpoint,
  buildTraceIndex,
  compareTraces,
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
  runToBreakpoint,
  type TraceDifference,
  type TraceDocument,
  type TraceIndex,
} from '@hookscope/trace';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * One debugger's state. The only debugger module that imports the state library: each
 * <TraceDebugger> makes its own store, so a page can hold several.
 */
export interface DebuggerState {
  index: TraceIndex | undefined;
  /** The second run, when comparing, and where the two first differ. */
  compare: { index: TraceIndex; difference: TraceDifference | undefined } | undefined;
  /** Flat callout position under the cursor; undefined for a trace without callouts. */
  cursor: number | undefined;
  /** Request position shown in the timeline (a request may have no callouts). */
  request: number;
  breakpoints: Breakpoint[];
  /** A short note after a step that could not move ("no breakpoint ahead"). */
  note: string | undefined;
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
   * Shows a trace. With `keepPlace` (a re-run), the cursor stays on the same step (same
   * request, hook column, library and callout) when it still exists, else on the same request.
   */
  load(trace: TraceDocument | undefined, options?: { keepPlace?: boolean }): void;
  setCompare(trace: TraceDocument | undefined): void;
  moveTo(position: number): void;
  selectRequest(request: number): void;
  step(command: StepCommand): void;
  /** Adds the breakpoint, or removes it when an equal one is set. */
  toggleBreakpoint(breakpoint: Breakpoint): void;
  removeBreakpoint(at: number): void;
  /** Applies a URL place (`formatStepKey` text and `formatBreakpoints` text). */
  applyPlace(step: string | undefined, breakpoints: string | undefined): void;
}

export type DebuggerStore = StoreApi<DebuggerState>;

const STEPPERS: Record<
  Exclude<StepCommand, 'run-forward' | 'run-backward'>,
  (index: TraceIndex, position: number) => number | undefined
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

function firstCallout(index: TraceIndex): number | undefined {
  return index.calloutCount > 0 ? 0 : undefined;
}

/** The cursor's URL form, or undefined without a cursor. Pure. */
export function getPlaceText(state: Pick<DebuggerState, 'index' | 'cursor'>): string | undefined {
  if (!state.index || state.cursor === undefined) return undefined;
  return formatStepKey(getStepKey(state.index, state.cursor));
}

export function getBreakpointsText(state: Pick<DebuggerState, 'breakpoints'>): string {
  return formatBreakpoints(state.breakpoints);
}

/** Creates one debugger's store. Pure apart from the store itself. */
export function createDebuggerStore(): DebuggerStore {
  return createStore<DebuggerState>()((setState, getState) => {
    const compareWith = (index: TraceIndex | undefined, other: TraceIndex | undefined) =>
      index && other ? { index: other, difference: compareTraces(index, other) } : undefined;
    const actions: DebuggerActions = {
      load(trace, options = {}) {
        const previous = getState();
        const index = trace ? buildTraceIndex(trace) : undefined;
        let cursor: number | undefined;
        let request = 0;
        if (index) {
          if (options.keepPlace && previous.index && previous.cursor !== undefined) {
            const key = getStepKey(previous.index, previous.cursor);
            cursor = findStep(index, key);
            if (cursor === undefined && key.request < index.requests.length) {
              request = key.request;
              cursor = firstCalloutOfRequest(index, key.request);
            }
          } else if (options.keepPlace && previous.index) {
            request = Math.min(previous.request, Math.max(0, index.requests.length - 1));
          }
          cursor ??= request === 0 ? firstCallout(index) : undefined;
          if (cursor !== undefined) request = index.calloutRequest[cursor]!;
        }
        setState({
          index,
          cursor,
          request,
          note: undefined,
          compare: compareWith(index, previous.compare?.index),
        });
      },
      setCompare(trace) {
        const { index } = getState();
        setState({ compare: compareWith(index, trace ? buildTraceIndex(trace) : undefined) });
      },
      moveTo(position) {
        const { index } = getState();
        if (!index || position < 0 || position >= index.calloutCount) return;
        setState({ cursor: position, request: index.calloutRequest[position]!, note: undefined });
      },
      selectRequest(request) {
        const { index } = getState();
        if (!index || request < 0 || request >= index.requests.length) return;
        const first = firstCalloutOfRequest(index, request);
        setState(
          first === undefined
            ? { request, note: 'This request reached no callout.' }
            : { request, cursor: first, note: undefined },
        );
      },
      step(command) {
        const { index, cursor, breakpoints } = getState();
        if (!index || cursor === undefined) return;
        let target: number | undefined;
        if (command === 'run-forward' || command === 'run-backward') {
          const direction = command === 'run-forward' ? 'forward' : 'backward';
          target = runToBreakpoint(index, cursor, breakpoints, direction);
          if (breakpoints.length === 0) {
            setState({ note: 'No breakpoint is set.' });
            return;
          }
        } else {
          target = STEPPERS[command](index, cursor);
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
        const { index } = getState();
        const key = step === undefined ? undefined : parseStepKey(step);
        if (!index || !key) return;
        const position = findStep(index, key);
        if (position !== undefined) getState().actions.moveTo(position);
        else if (key.request < index.requests.length) getState().actions.selectRequest(key.request);
      },
    };
    return {
      index: undefined,
      compare: undefined,
      cursor: undefined,
      request: 0,
      breakpoints: [],
      note: undefined,
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
