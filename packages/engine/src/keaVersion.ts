import { HooksError } from './hooksErrors';

/** The newest Kea release whose hooks behaviour the engine follows. */
export const NEWEST_KEA_VERSION = '3.3.1';

/** `KEA_HOOKS_VERSION` of the newest release we follow (3.3.1). */
export const KEA_HOOKS_VERSION = 30301;

/** Library index of the server's callouts that run after every user library (C++ `INT_MAX`). */
export const INT_MAX = 2147483647;

/** A parsed Kea release number. */
export interface KeaRelease {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Parses `"2.2.0"`, `"3.3.1-git"` or `"v2.6.1"` into its numbers.
 * @throws HooksError when the text is not a release number.
 */
export function parseKeaVersion(keaVersion: string): KeaRelease {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(keaVersion.trim());
  if (!match) throw new HooksError(`not a Kea version: '${keaVersion}'`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b`. */
export function compareKeaVersions(a: string, b: string): number {
  const x = parseKeaVersion(a);
  const y = parseKeaVersion(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/**
 * The `KEA_HOOKS_VERSION` a Kea release expects a library's `version()` to return (rule R14):
 * major×10000 + minor×100 + patch, except 3.3.0, which still shipped 30200.
 * @throws HooksError for text that is not a version, and for releases before 1.9.0, which used
 *   small counters that this engine does not model.
 */
export function hooksVersionOf(keaVersion: string): number {
  const { major, minor, patch } = parseKeaVersion(keaVersion);
  if (major < 1 || (major === 1 && minor < 9)) {
    throw new HooksError(`Kea ${keaVersion} predates the release-based hooks version (1.9.0)`);
  }
  if (major === 3 && minor === 3 && patch === 0) return 30200;
  return major * 10000 + minor * 100 + patch;
}

/** The version-dependent parts of the hooks framework (the reference's section K). */
export interface HooksBehaviour {
  /** The release followed, as given (or the newest). */
  keaVersion: string;
  /** What `version()` must return. */
  hooksVersion: number;
  /**
   * Since 2.3.8 every exception a callout throws is caught and the status becomes DROP (R52);
   * before, only standard exceptions (JavaScript `Error`s) are caught, the status is left alone
   * and anything else escapes `callCallouts` (R53).
   */
  catchesEveryException: boolean;
  /** `CalloutHandle::getOptionalContext` exists since 2.5.8 (R67). */
  optionalContext: boolean;
  /**
   * Since 2.3.6 the multi-threading check reads the configuration being applied; before, the
   * process's current threading mode, i.e. the previous configuration's (R17).
   */
  multiThreadingCheckUsesConfig: boolean;
}

/** The behaviour of one Kea release (default: the newest we follow). */
export function getHooksBehaviour(keaVersion: string = NEWEST_KEA_VERSION): HooksBehaviour {
  const hooksVersion = hooksVersionOf(keaVersion);
  return {
    keaVersion,
    hooksVersion,
    catchesEveryException: compareKeaVersions(keaVersion, '2.3.8') >= 0,
    optionalContext: compareKeaVersions(keaVersion, '2.5.8') >= 0,
    multiThreadingCheckUsesConfig: compareKeaVersions(keaVersion, '2.3.6') >= 0,
  };
}
