import type { CalloutHandle } from './calloutHandle';
import { calloutName, describeThrown, type HooksEngine, isStandardException } from './hooksEngine';
import { NoSuchHook, NoSuchLibrary } from './hooksErrors';
import { logScope } from './hooksLog';
import { HOOKS_DBG_CALLS } from './hooksMessages';
import { INT_MAX } from './keaVersion';
import type { Callout, HookLibraryInfo } from './libraryModule';
import { NextStep } from './nextStep';
import { ServerHooks } from './serverHooks';

/** One registration: which library added which function. */
export interface CalloutEntry {
  readonly libraryIndex: number;
  readonly callout: Callout;
}

const NO_CALLOUTS: readonly CalloutEntry[] = Object.freeze([]);

/**
 * The callout table of one library set (internal: libraries use LibraryHandle). Per hook, an
 * ordered list of (library index, callout) pairs.
 *
 * Ordering (R38): an entry goes after every entry whose library index is lower or equal, so
 * calls run by library index and, within one index, in registration order. Example with the
 * server's pre-callout (index 0), libraries 1 and 2 and a post-callout (INT_MAX), registered in
 * the order 2a, 1a, INT_MAX, 0, 1b: the hook calls 0, 1a, 1b, 2a, INT_MAX.
 *
 * Lists are copied on write and never changed in place: `callCallouts` iterates the list it
 * found when it started, so a registration made while a hook runs applies from its next call
 * (Kea iterates live, which R44 calls unsupported; this is the safe reading).
 */
export class CalloutManager {
  readonly #table: (readonly CalloutEntry[])[] = [];

  constructor(
    readonly engine: HooksEngine,
    /** The configured libraries; library index i is `libraries[i - 1]`. */
    readonly libraries: readonly HookLibraryInfo[],
  ) {}

  get serverHooks(): ServerHooks {
    return this.engine.serverHooks;
  }

  /** @throws NoSuchLibrary unless the index is 0, 1..N, INT_MAX or -1 (R35). */
  checkLibraryIndex(libraryIndex: number): void {
    const ok =
      libraryIndex === -1 ||
      libraryIndex === INT_MAX ||
      (Number.isInteger(libraryIndex) &&
        libraryIndex >= 0 &&
        libraryIndex <= this.libraries.length);
    if (!ok) throw new NoSuchLibrary(`library index ${libraryIndex} is not valid`);
  }

  /** The `parameters` of a user library, undefined for 0, INT_MAX, -1 or none configured. */
  getLibraryParameters(libraryIndex: number): unknown {
    if (libraryIndex < 1 || libraryIndex > this.libraries.length) return undefined;
    return this.libraries[libraryIndex - 1]?.parameters;
  }

  /**
   * Adds a callout at its place in the order (R38).
   * @throws NoSuchHook for an unknown hook; NoSuchLibrary for a bad index.
   */
  registerCallout(hook: string, callout: Callout, libraryIndex: number): void {
    this.checkLibraryIndex(libraryIndex);
    const hookIndex = this.serverHooks.getIndex(hook);
    this.engine.sink.hooks('HOOKS_CALLOUT_REGISTRATION', String(libraryIndex), hook);
    const entries = this.getCallouts(hookIndex);
    let at = entries.length;
    while (at > 0 && (entries[at - 1] as CalloutEntry).libraryIndex > libraryIndex) at -= 1;
    this.#table[hookIndex] = [
      ...entries.slice(0, at),
      { libraryIndex, callout },
      ...entries.slice(at),
    ];
  }

  /**
   * Removes every entry of `callout` that this library added to the hook (duplicates too, R41).
   * @returns whether something was removed. @throws NoSuchHook for an unknown hook.
   */
  deregisterCallout(hook: string, callout: Callout, libraryIndex: number): boolean {
    this.checkLibraryIndex(libraryIndex);
    const removed = this.#remove(
      this.serverHooks.getIndex(hook),
      (e) => e.libraryIndex === libraryIndex && e.callout === callout,
    );
    if (removed) this.engine.sink.hooks('HOOKS_CALLOUT_DEREGISTERED', String(libraryIndex), hook);
    return removed;
  }

  /**
   * Removes all of this library's entries on the hook (R42).
   * @returns whether something was removed. @throws NoSuchHook for an unknown hook.
   */
  deregisterAllCallouts(hook: string, libraryIndex: number): boolean {
    const removed = this.#remove(
      this.serverHooks.getIndex(hook),
      (e) => e.libraryIndex === libraryIndex,
    );
    if (removed) {
      this.engine.sink.hooks('HOOKS_ALL_CALLOUTS_DEREGISTERED', String(libraryIndex), hook);
    }
    return removed;
  }

  /** Creates the `$command` hook if needed (R46) and returns its name. */
  registerCommandHook(command: string): string {
    const hook = ServerHooks.commandToHookName(command);
    this.serverHooks.registerHook(hook);
    return hook;
  }

  /** The entries of a hook in call order (an empty list for an unknown index). */
  getCallouts(hookIndex: number): readonly CalloutEntry[] {
    return this.#table[hookIndex] ?? NO_CALLOUTS;
  }

  /** @throws NoSuchHook for an index the registry does not have (R45). */
  calloutsPresent(hookIndex: number): boolean {
    this.#checkHookIndex(hookIndex);
    return this.getCallouts(hookIndex).length > 0;
  }

  /** True only when the `$command` hook exists and has callouts (R81). */
  commandHandlersPresent(command: string): boolean {
    const hookIndex = this.serverHooks.findIndex(ServerHooks.commandToHookName(command));
    return hookIndex >= 0 && this.getCallouts(hookIndex).length > 0;
  }

  /**
   * Calls every callout of the hook in order on one handle (R47–R54). The status is reset to
   * CONTINUE first, even for a hook without callouts. Failures follow the Kea release chosen:
   * see HooksBehaviour.catchesEveryException.
   * @throws NoSuchHook for an unknown index; under Kea before 2.3.8, whatever non-Error value a
   *   callout threw.
   */
  callCallouts(hookIndex: number, handle: CalloutHandle): void {
    handle._status = NextStep.CONTINUE;
    this.#checkHookIndex(hookIndex);
    const entries = this.#table[hookIndex];
    if (entries === undefined || entries.length === 0) return;
    const engine = this.engine;
    const previousSink = logScope.current;
    logScope.current = engine.sink;
    try {
      // Debug records are wanted only when a logger keeps DEBUG 45 of "callouts".
      const detailed = engine.sink.isEnabled('callouts', 'DEBUG', HOOKS_DBG_CALLS);
      if (engine.observer === undefined && !detailed) {
        this.#callFast(hookIndex, entries, handle);
      } else {
        this.#callTraced(hookIndex, entries, handle, detailed);
      }
    } finally {
      logScope.current = previousSink;
    }
  }

  /** Removes a library's callouts from every hook, in hook-name order as Kea (R20, R26). */
  removeLibraryCallouts(libraryIndex: number, libraryName: string): void {
    for (const hook of this.serverHooks.getHookNames()) {
      if (this.deregisterAllCallouts(hook, libraryIndex)) {
        this.engine.sink.hooks('HOOKS_CALLOUTS_REMOVED', hook, libraryName);
      }
    }
  }

  /** The hot path: no observer, no debug records, no clock. */
  #callFast(hookIndex: number, entries: readonly CalloutEntry[], handle: CalloutHandle): void {
    handle._hook = hookIndex;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as CalloutEntry;
      handle._library = entry.libraryIndex;
      let returned: number;
      try {
        returned = entry.callout(handle);
      } catch (thrown) {
        this.#calloutThrew(hookIndex, entry, handle, thrown, 0);
        continue;
      }
      if (returned !== 0) this.#calloutFailed(hookIndex, entry, 0);
    }
    handle._hook = -1;
    handle._library = -1;
  }

  /** With an observer and/or debug records: same semantics, plus reports and timings. */
  #callTraced(
    hookIndex: number,
    entries: readonly CalloutEntry[],
    handle: CalloutHandle,
    detailed: boolean,
  ): void {
    const { observer, sink, now } = this.engine;
    const hook = detailed ? this.serverHooks.getName(hookIndex) : '';
    const started = detailed ? now() : 0;
    handle._hook = hookIndex;
    if (detailed) sink.hooks('HOOKS_CALLOUTS_BEGIN', hook);
    observer?.hookStart?.(hookIndex, handle);
    try {
      for (const entry of entries) {
        handle._library = entry.libraryIndex;
        observer?.calloutStart?.(hookIndex, entry.libraryIndex, entry.callout, handle);
        const calloutStarted = detailed ? now() : 0;
        let returned: number;
        try {
          returned = entry.callout(handle);
        } catch (thrown) {
          const took = detailed ? now() - calloutStarted : 0;
          observer?.calloutEnd?.(hookIndex, entry.libraryIndex, entry.callout, handle, { thrown });
          this.#calloutThrew(hookIndex, entry, handle, thrown, took);
          continue;
        }
        const took = detailed ? now() - calloutStarted : 0;
        observer?.calloutEnd?.(hookIndex, entry.libraryIndex, entry.callout, handle, { returned });
        if (returned !== 0) {
          this.#calloutFailed(hookIndex, entry, took);
        } else if (detailed) {
          sink.hooks(
            'HOOKS_CALLOUT_CALLED',
            String(entry.libraryIndex),
            hook,
            calloutName(entry.callout),
            formatMs(took),
          );
        }
      }
      if (detailed) sink.hooks('HOOKS_CALLOUTS_COMPLETE', hook, formatMs(now() - started));
      handle._hook = -1;
      handle._library = -1;
    } finally {
      observer?.hookEnd?.(hookIndex, handle);
    }
  }

  #calloutFailed(hookIndex: number, entry: CalloutEntry, took: number): void {
    this.engine.sink.hooks(
      'HOOKS_CALLOUT_ERROR',
      String(entry.libraryIndex),
      this.serverHooks.getName(hookIndex),
      calloutName(entry.callout),
      formatMs(took),
    );
  }

  /** R52 / R53: what a thrown value does depends on the Kea release. */
  #calloutThrew(
    hookIndex: number,
    entry: CalloutEntry,
    handle: CalloutHandle,
    thrown: unknown,
    took: number,
  ): void {
    const everything = this.engine.behaviour.catchesEveryException;
    if (!everything && !isStandardException(thrown)) throw thrown;
    this.engine.sink.hooks(
      'HOOKS_CALLOUT_EXCEPTION',
      String(entry.libraryIndex),
      this.serverHooks.getName(hookIndex),
      calloutName(entry.callout),
      describeThrown(thrown),
      formatMs(took),
    );
    if (everything) handle._status = NextStep.DROP;
  }

  #remove(hookIndex: number, matches: (entry: CalloutEntry) => boolean): boolean {
    const entries = this.getCallouts(hookIndex);
    const kept = entries.filter((e) => !matches(e));
    if (kept.length === entries.length) return false;
    this.#table[hookIndex] = kept;
    return true;
  }

  #checkHookIndex(hookIndex: number): void {
    if (!(hookIndex >>> 0 === hookIndex && hookIndex < this.serverHooks.getCount())) {
      throw new NoSuchHook(`hook index ${hookIndex} is not recognised`);
    }
  }
}

function formatMs(ms: number): string {
  return ms.toFixed(3);
}
