import type { CalloutManager } from './calloutManager';
import { calloutName, describeThrown, type HooksEngine } from './hooksEngine';
import { LibraryHandle } from './libraryHandle';
import type { Callout, LibraryModule, LibraryResolver } from './libraryModule';

/**
 * One library of a set (Kea's `LibraryManager`; internal). Loading runs, in Kea's order (R18):
 * open (resolve the path) → register its message templates → version check (R14, R15) →
 * multi-threading check (R16) → auto-register callouts named after hooks (R37) → `load()` (R19).
 * A failing `load()` still gets `unload()` and loses its callouts (R20); a failing check does not
 * call `unload()`.
 */
export class LibraryManager {
  #module: LibraryModule | undefined;
  #unloadCalled = false;

  constructor(
    readonly path: string,
    readonly libraryIndex: number,
    readonly calloutManager: CalloutManager,
    readonly resolveLibrary: LibraryResolver,
  ) {}

  get #engine(): HooksEngine {
    return this.calloutManager.engine;
  }

  /** Loads the library. @returns false on any failure, with nothing of it left registered. */
  loadLibrary(multiThreading: boolean): boolean {
    this.#engine.sink.hooks('HOOKS_LIBRARY_LOADING', this.path);
    if (!this.#open()) return false;
    if (this.#checkVersion() && this.#checkMultiThreading(multiThreading)) {
      this.#registerStandardCallouts();
      if (this.#runLoad()) {
        this.#engine.sink.hooks('HOOKS_LIBRARY_LOADED', this.path);
        return true;
      }
      this.unloadLibrary();
      return false;
    }
    this.#close();
    return false;
  }

  /** Opens and checks the library without calling `load()` (R25). */
  validateLibrary(multiThreading: boolean): boolean {
    if (!this.#open()) return false;
    const valid = this.#checkVersion() && this.#checkMultiThreading(multiThreading);
    this.#close();
    return valid;
  }

  /**
   * Calls `unload()` (at most once per load, R26), then removes the library's callouts.
   * @returns false when `unload()` failed; that is only logged (R27).
   */
  prepareUnloadLibrary(): boolean {
    const module = this.#module;
    if (module === undefined || this.#unloadCalled) return true;
    this.#unloadCalled = true;
    let ok = true;
    const sink = this.#engine.sink;
    if (typeof module.unload !== 'function') {
      sink.hooks('HOOKS_NO_UNLOAD', this.path);
    } else {
      try {
        const returned = module.unload();
        if (returned === 0) {
          sink.hooks('HOOKS_UNLOAD_SUCCESS', this.path);
        } else {
          ok = false;
          sink.hooks('HOOKS_UNLOAD_ERROR', this.path, String(returned));
        }
      } catch (thrown) {
        ok = false;
        sink.hooks('HOOKS_UNLOAD_EXCEPTION', this.path, describeThrown(thrown));
      }
    }
    this.calloutManager.removeLibraryCallouts(this.libraryIndex, this.path);
    return ok;
  }

  /**
   * Backs out a library whose `load()` failed: `unload()`, callouts removed, module dropped,
   * between HOOKS_LIBRARY_UNLOADING and HOOKS_LIBRARY_UNLOADED.
   */
  unloadLibrary(): boolean {
    if (this.#module === undefined) return true;
    this.#engine.sink.hooks('HOOKS_LIBRARY_UNLOADING', this.path);
    const ok = this.prepareUnloadLibrary();
    this.#close();
    if (ok) this.#engine.sink.hooks('HOOKS_LIBRARY_UNLOADED', this.path);
    return ok;
  }

  /**
   * Takes a loaded library out when its set is replaced or unloaded: `unload()` unless already
   * called, callouts removed, module dropped. Kea does this in the library manager's destructor,
   * which is why a Kea log shows HOOKS_UNLOAD_SUCCESS … HOOKS_LIBRARY_CLOSED here, without the
   * UNLOADING/UNLOADED pair of a failed load.
   */
  closeLibrary(): void {
    this.prepareUnloadLibrary();
    this.#close();
  }

  #open(): boolean {
    let module: LibraryModule | undefined;
    try {
      module = this.resolveLibrary(this.path);
    } catch (thrown) {
      this.#engine.sink.hooks('HOOKS_OPEN_ERROR', this.path, describeThrown(thrown));
      return false;
    }
    if (module === undefined || module === null || typeof module !== 'object') {
      this.#engine.sink.hooks(
        'HOOKS_OPEN_ERROR',
        this.path,
        `${this.path}: cannot open shared object file: No such file or directory`,
      );
      return false;
    }
    this.#module = module;
    this.#unloadCalled = false;
    const messages = module.messages;
    if (messages !== undefined && typeof messages === 'object') {
      for (const [id, text] of Object.entries(messages)) {
        if (typeof text === 'string') this.#engine.sink.messages.set(id, text);
      }
    }
    return true;
  }

  #close(): void {
    if (this.#module === undefined) return;
    this.#module = undefined;
    this.#engine.sink.hooks('HOOKS_LIBRARY_CLOSED', this.path);
  }

  #checkVersion(): boolean {
    const module = this.#module as LibraryModule;
    const { sink, behaviour } = this.#engine;
    if (typeof module.version !== 'function') {
      sink.hooks('HOOKS_NO_VERSION', this.path);
      return false;
    }
    let version: unknown;
    try {
      version = module.version();
    } catch (thrown) {
      sink.hooks('HOOKS_VERSION_EXCEPTION', this.path, describeThrown(thrown));
      return false;
    }
    if (version !== behaviour.hooksVersion) {
      sink.hooks(
        'HOOKS_INCORRECT_VERSION',
        this.path,
        String(version),
        String(behaviour.hooksVersion),
      );
      return false;
    }
    sink.hooks('HOOKS_LIBRARY_VERSION', this.path, String(version));
    return true;
  }

  /** R16: consulted only with multi-threading on; absent, 0 or throwing means incompatible. */
  #checkMultiThreading(multiThreading: boolean): boolean {
    if (!multiThreading) return true;
    const module = this.#module as LibraryModule;
    const sink = this.#engine.sink;
    let answer: unknown = 0;
    if (typeof module.multi_threading_compatible === 'function') {
      try {
        answer = module.multi_threading_compatible();
      } catch (thrown) {
        sink.hooks('HOOKS_MULTI_THREADING_COMPATIBLE_EXCEPTION', this.path, describeThrown(thrown));
        return false;
      }
    }
    if (answer === 0 || !answer) {
      sink.hooks('HOOKS_LIBRARY_MULTI_THREADING_NOT_COMPATIBLE', this.path);
      return false;
    }
    sink.hooks('HOOKS_LIBRARY_MULTI_THREADING_COMPATIBLE', this.path, String(answer));
    return true;
  }

  /**
   * R37: every hook known now (framework and other-family hooks included) whose name the module
   * exports as a function. `$` hooks are skipped: a C symbol cannot contain `$` (R11), even
   * though a JavaScript name can.
   */
  #registerStandardCallouts(): void {
    const module = this.#module as LibraryModule;
    for (const hook of this.calloutManager.serverHooks.getHookNames()) {
      if (hook.startsWith('$')) continue;
      const candidate = module[hook];
      if (typeof candidate !== 'function') continue;
      const callout = candidate as Callout;
      this.calloutManager.registerCallout(hook, callout, this.libraryIndex);
      this.#engine.sink.hooks(
        'HOOKS_STD_CALLOUT_REGISTERED',
        this.path,
        hook,
        calloutName(callout),
      );
    }
  }

  #runLoad(): boolean {
    const module = this.#module as LibraryModule;
    const sink = this.#engine.sink;
    if (typeof module.load !== 'function') {
      sink.hooks('HOOKS_NO_LOAD', this.path);
      return true;
    }
    try {
      const returned = module.load(new LibraryHandle(this.calloutManager, this.libraryIndex));
      if (returned !== 0) {
        sink.hooks('HOOKS_LOAD_ERROR', this.path, String(returned));
        return false;
      }
    } catch (thrown) {
      sink.hooks('HOOKS_LOAD_EXCEPTION', this.path, describeThrown(thrown));
      return false;
    }
    sink.hooks('HOOKS_LOAD_SUCCESS', this.path);
    return true;
  }
}
