import type { HandleOwner } from './calloutHandle';
import { CalloutManager } from './calloutManager';
import type { HooksEngine } from './hooksEngine';
import { LibraryManager } from './libraryManager';
import type { HookLibraryInfo, LibraryResolver } from './libraryModule';

/**
 * One configured set of libraries and its callout table (Kea's `LibraryManagerCollection`;
 * internal). Loading is all-or-nothing (R22, R23): libraries load in order, library i getting
 * index i; when one fails, those already loaded are unloaded last-first and the set reports
 * failure.
 *
 * It also counts the callout handles created under it that are not released yet: Kea's handles
 * keep their collection alive, and the set cannot be replaced while any exists (R28).
 */
export class LibraryManagerCollection implements HandleOwner {
  readonly calloutManager: CalloutManager;
  readonly #managers: LibraryManager[] = [];
  #openHandles = 0;

  constructor(
    engine: HooksEngine,
    readonly libraries: readonly HookLibraryInfo[],
    readonly resolveLibrary: LibraryResolver,
  ) {
    this.calloutManager = new CalloutManager(engine, libraries);
  }

  /** @returns true when every library loaded; false after undoing a partial load. */
  loadLibraries(multiThreading: boolean): boolean {
    for (let i = 0; i < this.libraries.length; i++) {
      const info = this.libraries[i] as HookLibraryInfo;
      const manager = new LibraryManager(
        info.library,
        i + 1,
        this.calloutManager,
        this.resolveLibrary,
      );
      if (!manager.loadLibrary(multiThreading)) {
        this.unloadLibraries();
        return false;
      }
      this.#managers.push(manager);
    }
    return true;
  }

  /** Calls each loaded library's `unload()`, last library first (R26). */
  prepareUnloadLibraries(): void {
    for (let i = this.#managers.length - 1; i >= 0; i--) {
      this.#managers[i]?.prepareUnloadLibrary();
    }
  }

  /** Unloads and closes every loaded library, last first. */
  unloadLibraries(): void {
    for (let i = this.#managers.length - 1; i >= 0; i--) {
      this.#managers[i]?.closeLibrary();
    }
    this.#managers.length = 0;
  }

  /** The handles created under this set and not released yet. */
  get openHandles(): number {
    return this.#openHandles;
  }

  handleCreated(): void {
    this.#openHandles += 1;
  }

  handleReleased(): void {
    this.#openHandles -= 1;
  }

  /**
   * Opens and checks each library without loading it (R25).
   * @returns the paths of every library that failed, in order.
   */
  static validateLibraries(
    engine: HooksEngine,
    libraries: readonly HookLibraryInfo[],
    multiThreading: boolean,
    resolveLibrary: LibraryResolver,
  ): string[] {
    const scratch = new CalloutManager(engine, libraries);
    const failing: string[] = [];
    libraries.forEach((info, i) => {
      const manager = new LibraryManager(info.library, i + 1, scratch, resolveLibrary);
      if (!manager.validateLibrary(multiThreading)) failing.push(info.library);
    });
    return failing;
  }
}
