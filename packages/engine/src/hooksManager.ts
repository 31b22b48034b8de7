import { CalloutHandle } from './calloutHandle';
import type { HooksEngine } from './hooksEngine';
import { LibrariesStillOpened } from './hooksErrors';
import { type HooksLogger, LogSink, withLogSink } from './hooksLog';
import type { HooksObserver } from './hooksObserver';
import { getHooksBehaviour, INT_MAX } from './keaVersion';
import { LibraryHandle } from './libraryHandle';
import { LibraryManagerCollection } from './libraryManagerCollection';
import type { HookLibraryInfo, LibraryResolver } from './libraryModule';
import { type ParkingLot, ParkingLots } from './parkingLots';
import { ServerHooks } from './serverHooks';

export interface HooksManagerOptions {
  /** The hook registry. Default: a new one holding only the two context hooks. */
  serverHooks?: ServerHooks;
  /** Turns a `hooks-libraries` path into a library module. */
  resolveLibrary: LibraryResolver;
  /** Receives the engine's and the libraries' log records. Default: none kept. */
  logger?: HooksLogger;
  /** Tracing. Default: none, and then tracing costs nothing. */
  observer?: HooksObserver;
  /** The Kea release to behave as ("2.2.0", "3.3.1"…). Default: the newest we follow. */
  keaVersion?: string;
  /** Clock in milliseconds for the durations in debug records. Default: `performance.now`. */
  now?: () => number;
}

/**
 * The hooks framework of one simulated server (Kea's `HooksManager`, without the singleton: a
 * page may hold many). The server loads the configured libraries, asks for callout handles,
 * and calls the callouts of each hook point it reaches.
 *
 * Every method that runs library code makes this manager the destination of the libraries'
 * `Logger` records for the duration of the call (see `logScope`).
 */
export class HooksManager {
  readonly #engine: HooksEngine;
  readonly #resolveLibrary: LibraryResolver;
  #collection: LibraryManagerCollection;
  /** The process's threading mode: single-threaded at start, then the last applied config's. */
  #processMultiThreading = false;

  /** @throws HooksError when `keaVersion` is not a supported release number. */
  constructor(options: HooksManagerOptions) {
    const clock = globalThis.performance;
    this.#engine = {
      serverHooks: options.serverHooks ?? new ServerHooks(),
      sink: new LogSink(options.logger),
      observer: options.observer,
      behaviour: getHooksBehaviour(options.keaVersion),
      parkingLots: new ParkingLots(),
      now: options.now ?? (clock ? () => clock.now() : () => Date.now()),
    };
    this.#resolveLibrary = options.resolveLibrary;
    this.#collection = this.#emptyCollection();
  }

  get serverHooks(): ServerHooks {
    return this.#engine.serverHooks;
  }

  /** The Kea release this manager behaves as. */
  get keaVersion(): string {
    return this.#engine.behaviour.keaVersion;
  }

  /** What a library's `version()` must return here. */
  get hooksVersion(): number {
    return this.#engine.behaviour.hooksVersion;
  }

  /**
   * Opens and checks each library (version, multi-threading) without calling `load()` (R25).
   * @param multiThreading whether the configuration being applied enables multi-threading.
   *   Default false. Before Kea 2.3.6 the check ignores it and uses the process's current mode
   *   instead (R17): see `getMultiThreadingMode`.
   * @returns the paths of all failing libraries (empty when all are fine).
   */
  validateLibraries(libraries: readonly HookLibraryInfo[], multiThreading = false): string[] {
    return withLogSink(this.#engine.sink, () =>
      LibraryManagerCollection.validateLibraries(
        this.#engine,
        libraries,
        this.#multiThreadingForCheck(multiThreading),
        this.#resolveLibrary,
      ),
    );
  }

  /**
   * The process's threading mode as the engine sees it: false at start, then the
   * `multiThreading` flag of the last successful `loadLibraries` (Kea applies the configuration's
   * threading settings when it commits), unless the server set it with `setMultiThreadingMode`.
   */
  getMultiThreadingMode(): boolean {
    return this.#processMultiThreading;
  }

  /** Tells the engine the process's threading mode (Kea's `MultiThreadingMgr` mode). */
  setMultiThreadingMode(enabled: boolean): void {
    this.#processMultiThreading = enabled;
  }

  /**
   * Replaces the library set: empties the parking lots, unloads the current libraries (last
   * first), then loads `libraries` in order. `multiThreading` is the configuration's flag (default
   * false); which flag the compatibility check reads depends on the release (R17, see
   * validateLibraries). All-or-nothing: on any failure nothing is loaded,
   * not even the previous set (R23, R24), and the result is false. Every earlier registration,
   * server pre/post callouts included, is gone afterwards (R30).
   * @throws LibrariesStillOpened when callout handles of the current set are not released yet
   *   (R28); nothing is changed then, apart from the parking lots.
   */
  loadLibraries(libraries: readonly HookLibraryInfo[], multiThreading = false): boolean {
    return withLogSink(this.#engine.sink, () => {
      this.#engine.parkingLots.clear();
      if (this.#collection.openHandles > 0) {
        throw new LibrariesStillOpened(
          `${this.#collection.openHandles} callout handle(s) of the loaded libraries are still open`,
        );
      }
      this.#collection.unloadLibraries();
      const entries = libraries.map((info) => ({ ...info }));
      const next = new LibraryManagerCollection(this.#engine, entries, this.#resolveLibrary);
      const loaded = next.loadLibraries(this.#multiThreadingForCheck(multiThreading));
      this.#collection = loaded ? next : this.#emptyCollection();
      if (loaded) this.#processMultiThreading = multiThreading;
      return loaded;
    });
  }

  /** Calls `unload()` of each loaded library, last first, and removes their callouts (R26). */
  prepareUnloadLibraries(): void {
    withLogSink(this.#engine.sink, () => this.#collection.prepareUnloadLibraries());
  }

  /**
   * Unloads every library (calling `unload()` where not called yet). Never throws.
   * @returns false, changing nothing but the parking lots, while handles of the current set are
   *   still open (R28).
   */
  unloadLibraries(): boolean {
    return withLogSink(this.#engine.sink, () => {
      this.#engine.parkingLots.clear();
      if (this.#collection.openHandles > 0) return false;
      this.#collection.unloadLibraries();
      this.#collection = this.#emptyCollection();
      return true;
    });
  }

  /** The loaded libraries' paths, in load order. */
  getLibraryNames(): string[] {
    return this.#collection.libraries.map((info) => info.library);
  }

  /** The loaded libraries as configured: path and parameters (R33). */
  getLibraryInfo(): HookLibraryInfo[] {
    return this.#collection.libraries.map((info) => ({ ...info }));
  }

  /**
   * A new handle bound to the current library set; runs its `context_create` callouts (R73).
   * Call `release()` when the request ends.
   */
  createCalloutHandle(): CalloutHandle {
    const collection = this.#collection;
    collection.handleCreated();
    try {
      return new CalloutHandle(collection);
    } catch (thrown) {
      collection.handleReleased();
      throw thrown;
    }
  }

  /** Handles created and not released yet, under the current library set. */
  getOpenHandleCount(): number {
    return this.#collection.openHandles;
  }

  /** @throws NoSuchHook for an unknown hook index (R45). */
  calloutsPresent(hookIndex: number): boolean {
    return this.#collection.calloutManager.calloutsPresent(hookIndex);
  }

  /** True when the command's `$` hook exists and has callouts (R81). */
  commandHandlersPresent(command: string): boolean {
    return this.#collection.calloutManager.commandHandlersPresent(command);
  }

  /**
   * Runs the hook's callouts on the handle, with the current library set (R47–R54).
   * @throws NoSuchHook for an unknown index; under Kea before 2.3.8, a non-Error value a callout
   *   threw (R53).
   */
  callCallouts(hookIndex: number, handle: CalloutHandle): void {
    this.#collection.calloutManager.callCallouts(hookIndex, handle);
  }

  /**
   * Runs the handlers of a control command: `callCallouts` on its `$` hook (R57).
   * @throws NoSuchHook when no library ever registered that command.
   */
  callCommandHandlers(command: string, handle: CalloutHandle): void {
    const hookIndex = this.serverHooks.getIndex(ServerHooks.commandToHookName(command));
    this.callCallouts(hookIndex, handle);
  }

  /** Registers server callouts that run before every library's (index 0, R36). */
  preCalloutsLibraryHandle(): LibraryHandle {
    return new LibraryHandle(this.#collection.calloutManager, 0);
  }

  /** Registers server callouts that run after every library's (index INT_MAX, R36). */
  postCalloutsLibraryHandle(): LibraryHandle {
    return new LibraryHandle(this.#collection.calloutManager, INT_MAX);
  }

  getParkingLots(): ParkingLots {
    return this.#engine.parkingLots;
  }

  /** The parking lot of a hook, by name. @throws NoSuchHook for an unknown name. */
  getParkingLot(hook: string): ParkingLot {
    return this.#engine.parkingLots.getParkingLot(this.serverHooks.getIndex(hook));
  }

  /** Empties every parking lot without resuming anything (R95). */
  clearParkingLots(): void {
    this.#engine.parkingLots.clear();
  }

  /** R17: the flag the multi-threading check consults in the Kea release followed. */
  #multiThreadingForCheck(configured: boolean): boolean {
    return this.#engine.behaviour.multiThreadingCheckUsesConfig
      ? configured
      : this.#processMultiThreading;
  }

  #emptyCollection(): LibraryManagerCollection {
    return new LibraryManagerCollection(this.#engine, [], this.#resolveLibrary);
  }
}
