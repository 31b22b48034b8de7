import type { CalloutHandle } from './calloutHandle';
import type { LibraryHandle } from './libraryHandle';
import type { LogMessages } from './logger';

/**
 * A callout: receives the handle of the request, returns 0 for success. A non-zero return is
 * only logged (R51); what the server does next is steered by the handle's status.
 */
export type Callout = (handle: CalloutHandle) => number;

/**
 * A hooks library: an ES module object, the TypeScript twin of a Kea `.so`. Besides the framework
 * functions, every exported function whose name is a hook name known when the library is loaded
 * becomes that library's callout on the hook (R37).
 */
export interface LibraryModule {
  /** Must return the running `KEA_HOOKS_VERSION`; a library without it is refused. */
  version?: () => number;
  /** Called once after the checks; 0 = success. Registers non-standard callouts. */
  load?: (handle: LibraryHandle) => number;
  /** Called once when the library is taken out; failures are only logged. */
  unload?: () => number;
  /** Non-zero when the library may run with multi-threading on; missing means 0. */
  multi_threading_compatible?: () => number;
  /** Our addition: the library's message templates by id (Kea's .mes file). */
  messages?: LogMessages;
  [calloutOrHook: string]: unknown;
}

/** Turns a `hooks-libraries` path into a module; undefined fails like a missing file. */
export type LibraryResolver = (path: string) => LibraryModule | undefined;

/** One `hooks-libraries` entry. */
export interface HookLibraryInfo {
  library: string;
  parameters?: Record<string, unknown>;
}
