// Test library "logging": a library with its own logger and message templates.
// Exports `messages` (its .mes file): LOGLIB_LOADED "log-lib loaded with %1 and %2".
// Logger "log-lib" with its own template LOGLIB_CALLED "callout on %1".
// Registers: `alpha` (standard name): logs LOGLIB_CALLED at debug level 40 with the hook name,
//   and LOGLIB_UNKNOWN (no template) as a warning with two arguments; returns 0.
// Framework: version() = build.hooksVersion (logs LOGLIB_VERSION at INFO, no template);
//   load() logs LOGLIB_LOADED at INFO with "x" and 42 and returns 0.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import { Logger } from '../../src/logger';
import { build } from './testBuild';

export const messages = { LOGLIB_LOADED: 'log-lib loaded with %1 and %2' };

const logger = new Logger('log-lib', { LOGLIB_CALLED: 'callout on %1' });

export function version(): number {
  logger.info('LOGLIB_VERSION');
  return build.hooksVersion;
}

export function load(_handle: LibraryHandle): number {
  logger.info('LOGLIB_LOADED', 'x', 42);
  return 0;
}

export function alpha(handle: CalloutHandle): number {
  logger.debug(40, 'LOGLIB_CALLED', handle.getHookName());
  logger.warn('LOGLIB_UNKNOWN', 'a', 'b');
  return 0;
}

/** Logs outside any call from a server: the record has nowhere to go. */
export function logOutsideAnyCall(): void {
  logger.error('LOGLIB_CALLED', 'nowhere');
}
