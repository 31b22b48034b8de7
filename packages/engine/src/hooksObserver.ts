import type { CalloutHandle } from './calloutHandle';
import type { Callout } from './libraryModule';

/** How one callout ended: a return code, or the value it threw. */
export interface CalloutOutcome {
  returned?: number;
  thrown?: unknown;
}

/**
 * Tracing hooks into `callCallouts` (including the framework hooks `context_create` and
 * `context_destroy`). Only hook points with callouts are reported: a server that wants to show
 * empty hook points does so itself. Every method is optional. With no observer the engine takes a
 * separate path that makes no call, allocation or time measurement for tracing.
 *
 * `hookEnd` is called even when a thrown value escapes the hook (Kea 2.2.0, rule R53), after the
 * failing callout's `calloutEnd`, so a recorder can close its records.
 */
export interface HooksObserver {
  hookStart?(hookIndex: number, handle: CalloutHandle): void;
  calloutStart?(
    hookIndex: number,
    libraryIndex: number,
    callout: Callout,
    handle: CalloutHandle,
  ): void;
  calloutEnd?(
    hookIndex: number,
    libraryIndex: number,
    callout: Callout,
    handle: CalloutHandle,
    outcome: CalloutOutcome,
  ): void;
  hookEnd?(hookIndex: number, handle: CalloutHandle): void;
}
