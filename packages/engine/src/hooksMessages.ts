/**
 * The engine's log message catalogue, the twin of Kea's `hooks_messages.mes`: Kea's message ids
 * (so a Kea user recognises them), the `%1…%n` arguments in Kea's order, our own wording, and a
 * sentence for operators. `hooksMessages.test.ts` checks that every id is used and documented.
 *
 * Debug levels are Kea's: 40 for library life-cycle tracing, 45 for hook calls and
 * registrations, 55 for the per-callout detail.
 */
export const HOOKS_DBG_TRACE = 40;
export const HOOKS_DBG_CALLS = 45;
export const HOOKS_DBG_EXTENDED_CALLS = 55;

export type HooksSeverity = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

export interface HooksMessage {
  /** The Kea logger below the server's root logger that issues it. */
  logger: 'hooks' | 'callouts';
  severity: HooksSeverity;
  debuglevel?: number;
  /** What the record says, `%1…%n` standing for its arguments. */
  text: string;
  /** What it means for an operator. */
  explanation: string;
}

function debug(logger: 'hooks' | 'callouts', level: number, text: string, explanation: string) {
  return { logger, severity: 'DEBUG', debuglevel: level, text, explanation } as const;
}
function error(logger: 'hooks' | 'callouts', text: string, explanation: string) {
  return { logger, severity: 'ERROR', text, explanation } as const;
}
function info(logger: 'hooks' | 'callouts', text: string, explanation: string) {
  return { logger, severity: 'INFO', text, explanation } as const;
}

export const HOOKS_MESSAGES = {
  HOOKS_LIBRARY_LOADING: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'loading hooks library %1',
    'The library is about to be opened and checked; HOOKS_LIBRARY_LOADED follows on success.',
  ),
  HOOKS_LIBRARY_LOADED: info(
    'hooks',
    'hooks library %1 loaded',
    'The library passed its checks and its load() succeeded: its callouts are active.',
  ),
  HOOKS_OPEN_ERROR: error(
    'hooks',
    'cannot open hooks library %1: %2',
    'No library exists under that path (or resolving it failed). It is not loaded.',
  ),
  HOOKS_NO_VERSION: error(
    'hooks',
    'hooks library %1 has no version() function',
    'Every library must export version(); without it the library is refused.',
  ),
  HOOKS_VERSION_EXCEPTION: error(
    'hooks',
    'version() of hooks library %1 threw: %2',
    'The library cannot say which Kea it was written for, so it is refused.',
  ),
  HOOKS_INCORRECT_VERSION: error(
    'hooks',
    'hooks library %1 reports version %2 but this server needs %3',
    'The library was written for another Kea release. Return the running KEA_HOOKS_VERSION.',
  ),
  HOOKS_LIBRARY_VERSION: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'hooks library %1 reports version %2',
    'The version check passed.',
  ),
  HOOKS_LIBRARY_MULTI_THREADING_COMPATIBLE: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'hooks library %1 reports multi-threading compatibility %2',
    'Multi-threading is on and the library declared itself able to run with it.',
  ),
  HOOKS_LIBRARY_MULTI_THREADING_NOT_COMPATIBLE: error(
    'hooks',
    'hooks library %1 cannot run with multi-threading enabled',
    'Multi-threading is on and the library lacks multi_threading_compatible() or it returned 0. ' +
      'Turn multi-threading off or fix the library.',
  ),
  HOOKS_MULTI_THREADING_COMPATIBLE_EXCEPTION: error(
    'hooks',
    'multi_threading_compatible() of hooks library %1 threw: %2',
    'The compatibility question failed, which counts as incompatible: the library is refused.',
  ),
  HOOKS_STD_CALLOUT_REGISTERED: debug(
    'hooks',
    HOOKS_DBG_CALLS,
    'hooks library %1 has a function named after hook %2, registered as its callout %3',
    'An export named like a hook point became a callout on that hook without load() asking.',
  ),
  HOOKS_NO_LOAD: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'hooks library %1 has no load() function',
    'Nothing to run at load time; callouts named after hooks are still registered.',
  ),
  HOOKS_LOAD_SUCCESS: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'load() of hooks library %1 succeeded',
    'The library initialised itself.',
  ),
  HOOKS_LOAD_ERROR: error(
    'hooks',
    'load() of hooks library %1 returned %2',
    'A non-zero return means failure: the library is unloaded and the whole set fails to load.',
  ),
  HOOKS_LOAD_EXCEPTION: error(
    'hooks',
    'load() of hooks library %1 threw: %2',
    'Treated like a failing return: the library is unloaded and the whole set fails to load.',
  ),
  HOOKS_LIBRARY_UNLOADING: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'unloading hooks library %1',
    'A library whose load() failed is being backed out; HOOKS_LIBRARY_UNLOADED follows.',
  ),
  HOOKS_NO_UNLOAD: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'hooks library %1 has no unload() function',
    'Nothing to run at unload time; that counts as success.',
  ),
  HOOKS_UNLOAD_SUCCESS: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'unload() of hooks library %1 succeeded',
    'The library released what it held.',
  ),
  HOOKS_UNLOAD_ERROR: error(
    'hooks',
    'unload() of hooks library %1 returned %2',
    'Only reported: the library is unloaded all the same.',
  ),
  HOOKS_UNLOAD_EXCEPTION: error(
    'hooks',
    'unload() of hooks library %1 threw: %2',
    'Only reported: the library is unloaded all the same.',
  ),
  HOOKS_CALLOUTS_REMOVED: debug(
    'hooks',
    HOOKS_DBG_CALLS,
    'removed the callouts of library %2 from hook %1',
    'Part of unloading a library: its callouts on that hook are gone.',
  ),
  HOOKS_LIBRARY_CLOSED: debug(
    'hooks',
    HOOKS_DBG_TRACE,
    'hooks library %1 closed',
    'The engine let go of the library module: after validation, after a failed check, or ' +
      'when the library set is unloaded or replaced.',
  ),
  HOOKS_LIBRARY_UNLOADED: info(
    'hooks',
    'hooks library %1 unloaded',
    'The library whose load() failed is gone again, its callouts with it.',
  ),
  HOOKS_CALLOUT_REGISTRATION: debug(
    'callouts',
    HOOKS_DBG_CALLS,
    'library with index %1 registers a callout on hook %2',
    'A callout was added (by auto-registration or by the library itself).',
  ),
  HOOKS_CALLOUT_DEREGISTERED: debug(
    'callouts',
    HOOKS_DBG_EXTENDED_CALLS,
    'library with index %1 removed a callout from hook %2',
    'deregisterCallout() removed every copy of that function the library had on the hook.',
  ),
  HOOKS_ALL_CALLOUTS_DEREGISTERED: debug(
    'callouts',
    HOOKS_DBG_EXTENDED_CALLS,
    'library with index %1 removed all its callouts from hook %2',
    'deregisterAllCallouts() or unloading removed the library from that hook.',
  ),
  HOOKS_CALLOUTS_BEGIN: debug(
    'callouts',
    HOOKS_DBG_CALLS,
    'calling the callouts of hook %1',
    'A hook point with callouts was reached.',
  ),
  HOOKS_CALLOUT_CALLED: debug(
    'callouts',
    HOOKS_DBG_EXTENDED_CALLS,
    'callout %3 of library with index %1 on hook %2 returned success (%4 ms)',
    'One callout ran and returned 0.',
  ),
  HOOKS_CALLOUTS_COMPLETE: debug(
    'callouts',
    HOOKS_DBG_CALLS,
    'all callouts of hook %1 done (%2 ms in total)',
    'Every callout of the hook point ran.',
  ),
  HOOKS_CALLOUT_ERROR: error(
    'callouts',
    'callout %3 of library with index %1 on hook %2 returned an error (%4 ms)',
    'A non-zero return is only reported: the status and the other callouts are unaffected.',
  ),
  HOOKS_CALLOUT_EXCEPTION: error(
    'callouts',
    'callout %3 of library with index %1 on hook %2 threw: %4 (%5 ms)',
    'Since Kea 2.3.8 the status becomes DROP and the next callouts still run; in older ' +
      'releases the status is kept (and a value that is not an Error escapes the hook point).',
  ),
} as const satisfies Record<string, HooksMessage>;

export type HooksMessageId = keyof typeof HOOKS_MESSAGES;
