import type { LogSink } from './hooksLog';
import type { HooksObserver } from './hooksObserver';
import type { HooksBehaviour } from './keaVersion';
import type { ParkingLots } from './parkingLots';
import type { ServerHooks } from './serverHooks';

/**
 * What every part of one HooksManager shares: its registry, log sink, observer, Kea behaviour and
 * parking lots. Internal: not part of the public API.
 */
export interface HooksEngine {
  readonly serverHooks: ServerHooks;
  readonly sink: LogSink;
  readonly observer: HooksObserver | undefined;
  readonly behaviour: HooksBehaviour;
  readonly parkingLots: ParkingLots;
  /** Milliseconds, for the durations in debug records only. */
  readonly now: () => number;
}

/** A JavaScript `Error` plays the part of `std::exception` (also one made in another realm). */
export function isStandardException(thrown: unknown): boolean {
  return thrown instanceof Error || Object.prototype.toString.call(thrown) === '[object Error]';
}

/** The text of a thrown value for a log record (Kea: `what()`). */
export function describeThrown(thrown: unknown): string {
  if (isStandardException(thrown)) return (thrown as Error).message;
  if (typeof thrown === 'string') return thrown;
  try {
    return `non-standard exception: ${String(thrown)}`;
  } catch {
    return 'non-standard exception';
  }
}

/** The name a log record gives a callout (Kea prints its address). */
export function calloutName(callout: { name: string }): string {
  return callout.name || '(anonymous)';
}
