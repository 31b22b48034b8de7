import type { CalloutManager } from './calloutManager';
import { InvalidOperation, NoSuchArgument, NoSuchCalloutContext } from './hooksErrors';
import { LibraryHandle } from './libraryHandle';
import { NextStep } from './nextStep';
import { ParkingLotHandle } from './parkingLots';
import { compareCodeUnits, ServerHooks } from './serverHooks';
import { checkedValue, type TaggedValue, type TypeExpectation, typeTagOf } from './typeTag';

/** What a handle needs from the library set it was created under (internal). */
export interface HandleOwner {
  readonly calloutManager: CalloutManager;
  /** Called once by `release()`, after context_destroy: the set may be unloaded again. */
  handleReleased(): void;
}

/**
 * The per-request object every callout receives (Kea's `CalloutHandle`): the arguments the
 * server set for the current hook point, the next-step status, and one private context store per
 * library that lives as long as the handle (R65, R69).
 *
 * Every value is stored with a type tag and handed back only as that type (the exact-type rule):
 * see `setArgument`. Create one with `HooksManager.createCalloutHandle()` (which runs the
 * `context_create` callouts) and end it with `release()` (which runs `context_destroy`).
 */
export class CalloutHandle {
  static readonly NEXT_STEP_CONTINUE = NextStep.CONTINUE;
  static readonly NEXT_STEP_SKIP = NextStep.SKIP;
  static readonly NEXT_STEP_DROP = NextStep.DROP;
  static readonly NEXT_STEP_PARK = NextStep.PARK;

  /** @internal the status; written directly by the callout manager. */
  _status: NextStep = NextStep.CONTINUE;
  /** @internal the running hook's index, -1 outside callouts. */
  _hook = -1;
  /** @internal the running callout's library index, -1 outside callouts. */
  _library = -1;
  /**
   * @internal what the engine's observer keeps with this handle (the trace recorder's memo):
   * cheaper than a WeakMap entry per handle, of which a busy server makes thousands a second.
   */
  _observed: unknown = undefined;

  readonly #arguments = new Map<string, TaggedValue>();
  /** Context stores by library index; made on first use, as most handles never need one. */
  #contexts: Map<number, LibraryContext> | undefined;
  /** Sorted argument names, rebuilt only after a name was added or removed. */
  #argumentNames: string[] | undefined;
  #argumentsRevision = 0;
  #contextRevision = 0;
  readonly #owner: HandleOwner;
  #released = false;

  /**
   * @internal use `HooksManager.createCalloutHandle()`. Runs the `context_create` callouts of the
   * owner's library set (R73); the handle stays bound to that set (R74).
   */
  constructor(owner: HandleOwner) {
    this.#owner = owner;
    const manager = owner.calloutManager;
    if (manager.getCallouts(ServerHooks.CONTEXT_CREATE).length > 0) {
      manager.callCallouts(ServerHooks.CONTEXT_CREATE, this);
    }
  }

  /**
   * Creates or replaces an argument (R61). `tag` names its type; without it the tag is derived
   * from the value (`typeof` for primitives, `"null"`, else the constructor's name).
   */
  setArgument(name: string, value: unknown, tag?: string): void {
    const slot = this.#arguments.get(name);
    const type = tag ?? typeTagOf(value);
    this.#argumentsRevision++;
    if (slot === undefined) {
      this.#arguments.set(name, { value, tag: type });
      this.#argumentNames = undefined;
    } else {
      slot.value = value;
      slot.tag = type;
    }
  }

  /**
   * Reads an argument (R62). With `expected` (a tag or a constructor) the stored tag must be
   * exactly that one; without it no check is made.
   * @throws NoSuchArgument when the argument does not exist; ArgumentTypeMismatch when the tag
   *   differs.
   */
  getArgument<T = unknown>(name: string, expected?: TypeExpectation): T {
    const slot = this.#arguments.get(name);
    if (slot === undefined) throw new NoSuchArgument(`no argument named '${name}'`);
    return checkedValue(slot, expected, `argument '${name}'`) as T;
  }

  /** The tag an argument was stored with, or undefined (for tracing and diagnostics). */
  getArgumentTag(name: string): string | undefined {
    return this.#arguments.get(name)?.tag;
  }

  /** Argument names, sorted (R63). */
  getArgumentNames(): string[] {
    this.#argumentNames ??= [...this.#arguments.keys()].sort(compareCodeUnits);
    return this.#argumentNames.slice();
  }

  /** Removes an argument; a missing name is fine (R64). */
  deleteArgument(name: string): void {
    if (this.#arguments.delete(name)) {
      this.#argumentsRevision++;
      this.#argumentNames = undefined;
    }
  }

  deleteAllArguments(): void {
    if (this.#arguments.size === 0) return;
    this.#arguments.clear();
    this.#argumentsRevision++;
    this.#argumentNames = undefined;
  }

  /**
   * A counter that changes whenever an argument is set or deleted (our addition). A tracer can
   * reuse its last snapshot of names and tags while it is unchanged. Values changed in place
   * (a field of a packet) do not move it.
   */
  getArgumentsRevision(): number {
    return this.#argumentsRevision;
  }

  /** Like getArgumentsRevision, for every library's context items. */
  getContextRevision(): number {
    return this.#contextRevision;
  }

  /**
   * Like getContextRevision, for the current library's context only (our addition): a tracer
   * can tell that no item of this library was set or deleted since it last looked.
   */
  getLibraryContextRevision(): number {
    const context = this.#contexts?.get(this._library);
    // without a store (none yet, or released): a value no store ever has
    return context === undefined ? -1 - this.#contextRevision : context.revision;
  }

  /** Stores an item in the current library's context (created on demand, R68). */
  setContext(name: string, value: unknown, tag?: string): void {
    const context = this.#getOrCreateContext();
    const slot = context.get(name);
    if (slot === undefined) {
      context.set(name, { value, tag: tag ?? typeTagOf(value) });
      context.names = undefined;
    } else {
      slot.value = value;
      slot.tag = tag ?? typeTagOf(value);
    }
    context.revision++;
    this.#contextRevision++;
  }

  /**
   * Reads an item of the current library's context (R66); checks `expected` like getArgument.
   * @throws NoSuchCalloutContext when the library has no such item; ArgumentTypeMismatch.
   */
  getContext<T = unknown>(name: string, expected?: TypeExpectation): T {
    const slot = this.#contexts?.get(this._library)?.get(name);
    if (slot === undefined) {
      throw new NoSuchCalloutContext(
        `no context item '${name}' for library index ${this._library}`,
      );
    }
    return checkedValue(slot, expected, `context item '${name}'`) as T;
  }

  /**
   * Like getContext but gives undefined for a missing item (Kea's `getOptionalContext`, R67).
   * @throws ArgumentTypeMismatch on a tag mismatch; InvalidOperation under Kea before 2.5.8,
   *   which lacks it.
   */
  getOptionalContext<T = unknown>(name: string, expected?: TypeExpectation): T | undefined {
    if (!this.#owner.calloutManager.engine.behaviour.optionalContext) {
      throw new InvalidOperation('getOptionalContext() exists since Kea 2.5.8');
    }
    const slot = this.#contexts?.get(this._library)?.get(name);
    if (slot === undefined) return undefined;
    return checkedValue(slot, expected, `context item '${name}'`) as T;
  }

  /** The tag of a context item of the current library, or undefined. */
  getContextTag(name: string): string | undefined {
    return this.#contexts?.get(this._library)?.get(name)?.tag;
  }

  /**
   * Whether the current library has a context store yet (our addition): lets a tracer list
   * context without paying for the exception getContextNames() throws when there is none.
   */
  hasContext(): boolean {
    return this.#contexts?.has(this._library) ?? false;
  }

  /**
   * The current library's context names, sorted.
   * @throws NoSuchCalloutContext when the library has no context yet (R68).
   */
  getContextNames(): string[] {
    const context = this.#contexts?.get(this._library);
    if (context === undefined) {
      throw new NoSuchCalloutContext(`no context for library index ${this._library}`);
    }
    context.names ??= [...context.keys()].sort(compareCodeUnits);
    return context.names.slice();
  }

  deleteContext(name: string): void {
    const context = this.#getOrCreateContext();
    if (context.delete(name)) this.#renamed(context);
  }

  deleteAllContext(): void {
    const context = this.#getOrCreateContext();
    if (context.size === 0) return;
    context.clear();
    this.#renamed(context);
  }

  /** Counts a change of a library's context that added or removed a name. */
  #renamed(context: LibraryContext): void {
    context.names = undefined;
    context.revision++;
    this.#contextRevision++;
  }

  getStatus(): NextStep {
    return this._status;
  }

  setStatus(status: NextStep): void {
    this._status = status;
  }

  /** The running callout's library index; -1 outside callouts. */
  getCurrentLibrary(): number {
    return this._library;
  }

  /** The running hook's index; -1 outside callouts. */
  getCurrentHook(): number {
    return this._hook;
  }

  /** The running hook's name; empty outside callouts (R55). */
  getHookName(): string {
    return this._hook < 0 ? '' : this.#owner.calloutManager.serverHooks.getName(this._hook);
  }

  /**
   * A LibraryHandle acting for the current library (Kea removed this in 1.7.5; we keep it).
   * Registrations it makes on the running hook apply from that hook's next call.
   * @throws InvalidOperation outside a callout.
   */
  getLibraryHandle(): LibraryHandle {
    if (this._hook < 0) throw new InvalidOperation('getLibraryHandle() is only valid in a callout');
    return new LibraryHandle(this.#owner.calloutManager, this._library);
  }

  /**
   * The parking lot of the current hook, bound when obtained, so it stays usable after the hook
   * returns (R71). Outside a callout it is the lot of index -1, which nothing parks in.
   */
  getParkingLotHandle(): ParkingLotHandle {
    const lots = this.#owner.calloutManager.engine.parkingLots;
    return new ParkingLotHandle(lots.getParkingLot(this._hook));
  }

  /** Whether `release()` has run. */
  isReleased(): boolean {
    return this.#released;
  }

  /**
   * Ends the handle (Kea's destructor): runs `context_destroy` of the library set the handle was
   * created under, while context is still readable (R73), then drops arguments and context.
   * Only the first call does anything.
   */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    const manager = this.#owner.calloutManager;
    try {
      if (manager.getCallouts(ServerHooks.CONTEXT_DESTROY).length > 0) {
        manager.callCallouts(ServerHooks.CONTEXT_DESTROY, this);
      }
    } finally {
      this.#contexts = undefined;
      this.#contextRevision++;
      this.deleteAllArguments();
      this.#owner.handleReleased();
    }
  }

  #getOrCreateContext(): LibraryContext {
    this.#contexts ??= new Map();
    let context = this.#contexts.get(this._library);
    if (context === undefined) {
      context = new LibraryContext();
      this.#contexts.set(this._library, context);
    }
    return context;
  }
}

/** One library's context store, with a change counter and its sorted names (made on demand). */
class LibraryContext extends Map<string, TaggedValue> {
  revision = 0;
  names: string[] | undefined = undefined;
}
