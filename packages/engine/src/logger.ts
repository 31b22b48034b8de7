import { logScope } from './hooksLog';
import type { HooksSeverity } from './hooksMessages';

/** Message templates by id (`'USER_CHK_FOUND': 'user %1 found in %2'`): a library's .mes file. */
export type LogMessages = Readonly<Record<string, string>>;

/**
 * A library's named logger, like Kea's `isc::log::Logger` in a hooks library. It shows as
 * `<server logger>.<name>` (e.g. `kea-dhcp4.user-chk`); the server's `loggers` configuration
 * decides what is kept.
 *
 * ```ts
 * const logger = new Logger('user-chk', { USER_CHK_FOUND: 'user %1 found in %2' });
 * logger.info('USER_CHK_FOUND', hwaddr, 'registry');   // Kea: LOG_INFO(logger, USER_CHK_FOUND).arg(…)
 * logger.debug(40, 'USER_CHK_LOOKUP', hwaddr);
 * ```
 *
 * Records go to the HooksManager that is calling into the library at that moment (during
 * version(), load(), unload() or a callout). Outside such a call there is no server to write to
 * and the record is dropped. Templates come from the constructor, else from the library module's
 * `messages` export (registered when the library is opened), else the arguments alone are shown.
 */
export class Logger {
  constructor(
    readonly name: string,
    readonly messages: LogMessages = {},
  ) {}

  fatal(id: string, ...args: unknown[]): void {
    this.log('FATAL', id, args);
  }
  error(id: string, ...args: unknown[]): void {
    this.log('ERROR', id, args);
  }
  warn(id: string, ...args: unknown[]): void {
    this.log('WARN', id, args);
  }
  info(id: string, ...args: unknown[]): void {
    this.log('INFO', id, args);
  }
  /** A DEBUG record at `level` (0 = most important … 99 = most detailed, clamped). */
  debug(level: number, id: string, ...args: unknown[]): void {
    this.log('DEBUG', id, args, Math.min(99, Math.max(0, Math.trunc(level))));
  }

  /** Whether a DEBUG record at `level` would be kept, to skip building costly arguments. */
  isDebugEnabled(level = 0): boolean {
    return logScope.current?.isEnabled(this.name, 'DEBUG', level) ?? false;
  }

  /** Whether a record of this severity would be kept. */
  isEnabled(severity: HooksSeverity): boolean {
    return logScope.current?.isEnabled(this.name, severity) ?? false;
  }

  log(severity: HooksSeverity, id: string, args: readonly unknown[], debuglevel?: number): void {
    const sink = logScope.current;
    if (sink === undefined) return;
    sink.library(this.name, severity, debuglevel, id, args.map(String), this.messages[id]);
  }
}
