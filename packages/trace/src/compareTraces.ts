import { findCalloutBySeq, type TraceIndex } from './buildTraceIndex';
import { jsonEqual, snapshotEqual } from './jsonEqual';
import type { CalloutEvent, SnapshotMap, TraceEvent } from './types';

export type TraceDifferenceKind =
  | 'request-count'
  | 'hook-sequence'
  | 'status'
  | 'argument'
  | 'response';

/**
 * Where two traces first part ways. `request` is the request position (the same in both:
 * requests are paired by order), `column` the hook column within it, `calloutA`/`calloutB`
 * flat callout positions when a callout is involved. `detail` says what differs, in words.
 */
export interface TraceDifference {
  kind: TraceDifferenceKind;
  request: number;
  column?: number;
  calloutA?: number;
  calloutB?: number;
  argument?: string;
  detail: string;
}

type Step = { event: TraceEvent; column: number };

// The comparable steps of a request in seq order: hook boundaries, callouts, responses. Logs
// and file writes are left out on purpose: a changed log line is not a behaviour change.
function stepsOf(index: TraceIndex, request: number): Step[] {
  const steps: Step[] = [];
  let column = -1;
  const end = index.requestEventStart[request + 1]!;
  for (let i = index.requestEventStart[request]!; i < end; i++) {
    const event = index.trace.events[index.requestEvents[i]!]!;
    if (event.type === 'hook-start') column += 1;
    if (event.type === 'hook-start' || event.type === 'hook-end' || event.type === 'callout') {
      steps.push({ event, column: Math.max(column, 0) });
    } else if (event.type === 'response') {
      steps.push({ event, column: Math.max(column, 0) });
    }
  }
  return steps;
}

function firstArgumentDifference(a: SnapshotMap, b: SnapshotMap): string | undefined {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.find((name) => !snapshotEqual(a[name], b[name]));
}

/**
 * Compares two traces request by request (paired by position) and returns the first place
 * where the hook sequence, a status (after a callout, or at hook end), an argument (after a
 * callout) or a response differs; undefined when none does. Callouts are paired by order within
 * a hook, so swapping the library order shows up where the data first differs, not merely
 * because the names moved. Pure.
 */
export function compareTraces(a: TraceIndex, b: TraceIndex): TraceDifference | undefined {
  const requests = Math.min(a.requests.length, b.requests.length);
  for (let request = 0; request < requests; request++) {
    const stepsA = stepsOf(a, request);
    const stepsB = stepsOf(b, request);
    const shared = Math.min(stepsA.length, stepsB.length);
    for (let s = 0; s < shared; s++) {
      const { event: x, column } = stepsA[s]!;
      const y = stepsB[s]!.event;
      const hookX = 'hook' in x ? x.hook : undefined;
      const hookY = 'hook' in y ? y.hook : undefined;
      if (x.type !== y.type || hookX !== hookY) {
        return {
          kind: x.type === 'response' || y.type === 'response' ? 'response' : 'hook-sequence',
          request,
          column,
          detail: `${x.type} ${hookX ?? ''} versus ${y.type} ${hookY ?? ''}`
            .replace(/ +/g, ' ')
            .trim(),
        };
      }
      if (x.type === 'hook-end' && y.type === 'hook-end' && x.status !== y.status) {
        return {
          kind: 'status',
          request,
          column,
          detail: `${x.hook} ends with ${x.status} versus ${y.status}`,
        };
      }
      if (x.type === 'response' && y.type === 'response' && !jsonEqual(x.response, y.response)) {
        return { kind: 'response', request, column, detail: 'the responses differ' };
      }
      if (x.type === 'callout' && y.type === 'callout') {
        const where = {
          request,
          column,
          calloutA: findCalloutBySeq(a, x.seq),
          calloutB: findCalloutBySeq(b, y.seq),
        };
        if (x.status.after !== y.status.after) {
          return {
            kind: 'status',
            ...where,
            detail: calloutDetail(x, y, `status ${x.status.after} versus ${y.status.after}`),
          };
        }
        const argument = firstArgumentDifference(x.arguments.after, y.arguments.after);
        if (argument !== undefined) {
          return {
            kind: 'argument',
            ...where,
            argument,
            detail: calloutDetail(x, y, `argument ${argument} differs`),
          };
        }
      }
    }
    if (stepsA.length !== stepsB.length) {
      const longer = stepsA.length > stepsB.length ? stepsA : stepsB;
      const extra = longer[shared]!;
      return {
        kind: extra.event.type === 'response' ? 'response' : 'hook-sequence',
        request,
        column: extra.column,
        detail: `${stepsA.length > stepsB.length ? 'only the first' : 'only the second'} trace goes on with ${extra.event.type}`,
      };
    }
  }
  if (a.requests.length !== b.requests.length) {
    return {
      kind: 'request-count',
      request: requests,
      detail: `${a.requests.length} requests versus ${b.requests.length}`,
    };
  }
  return undefined;
}

function calloutDetail(x: CalloutEvent, y: CalloutEvent, what: string): string {
  return `after ${x.callout} (library ${x.library}) versus ${y.callout} (library ${y.library}) on ${x.hook}: ${what}`;
}
