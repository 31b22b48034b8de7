import { getCalloutEvent, getCalloutFlags, type TraceIndex } from './buildTraceIndex';
import { diffSnapshots, type SnapshotChange } from './diffSnapshots';
import { type CalloutBadge, getCalloutBadges } from './getRequestTimeline';
import type { CalloutEvent, TraceEvent } from './types';

/** Everything the inspector shows for one callout. */
export interface CalloutDetail {
  position: number;
  event: CalloutEvent;
  /** All CalloutFlag bits, content changes included. */
  flags: number;
  badges: CalloutBadge[];
  argumentChanges: SnapshotChange[];
  contextChanges: SnapshotChange[];
  /** Logs, parks, commands, responses and file writes made while this callout ran. */
  attached: TraceEvent[];
}

/** Pure; computes the diffs on demand (they are not stored in the index). */
export function getCalloutDetail(index: TraceIndex, position: number): CalloutDetail {
  const event = getCalloutEvent(index, position);
  const attached = (index.attached.get(event.seq) ?? []).map((i) => index.trace.events[i]!);
  return {
    position,
    event,
    flags: getCalloutFlags(index, position),
    badges: getCalloutBadges(index, position),
    argumentChanges: diffSnapshots(event.arguments.before, event.arguments.after),
    contextChanges: diffSnapshots(event.context.before, event.context.after),
    attached,
  };
}

/** The events of one request in seq order (hooks, callouts, logs, responses…). Pure. */
export function getRequestEvents(index: TraceIndex, request: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const end = index.requestEventStart[request + 1] ?? 0;
  for (let i = index.requestEventStart[request] ?? 0; i < end; i++) {
    out.push(index.trace.events[index.requestEvents[i]!]!);
  }
  return out;
}
