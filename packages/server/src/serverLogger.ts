import type { HooksLogger, HooksLogRecord } from '@hookscope/engine';
import type { LoggerConfig } from './config/configModel';

/** A log record as the server hands it out: the engine's record plus when it happened. */
export interface ServerLogRecord extends HooksLogRecord {
  /** "2026-11-25 03:46:18.140", the simulated clock in Kea's log format */
  timestamp: string;
}

const RANK: Record<string, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, FATAL: 4, NONE: 5 };

/**
 * Routes every record (server, engine, libraries) through the `loggers` configuration, as Kea's
 * logging does: the most specific configured logger name that is a prefix of the record's logger
 * decides; DEBUG records pass only up to its debuglevel. Without any configuration, INFO and up.
 * Names from the engine and libraries ("hooks", "user-chk") are shown under the server's root
 * ("kea-dhcp4.hooks"), as Kea names its child loggers.
 */
export class ServerLogger implements HooksLogger {
  private configs: LoggerConfig[] = [];
  /** Resolved threshold per logger name, rebuilt when the configuration changes. */
  private readonly cache = new Map<string, LoggerConfig | undefined>();

  constructor(
    readonly root: 'kea-dhcp4' | 'kea-dhcp6',
    private readonly sink: HooksLogger | undefined,
    private readonly clock: () => number,
  ) {}

  private readonly fullNames = new Map<string, string>();

  /** "hooks" -> "kea-dhcp4.hooks"; names already under kea-* stay. */
  private fullName(logger: string): string {
    let full = this.fullNames.get(logger);
    if (full === undefined) {
      full = logger.startsWith('kea-') ? logger : `${this.root}.${logger}`;
      this.fullNames.set(logger, full);
    }
    return full;
  }

  configure(loggers: LoggerConfig[]): void {
    this.configs = loggers;
    this.cache.clear();
  }

  private configFor(logger: string): LoggerConfig | undefined {
    if (this.cache.has(logger)) return this.cache.get(logger);
    let best: LoggerConfig | undefined;
    for (const config of this.configs) {
      if (logger === config.name || logger.startsWith(`${config.name}.`)) {
        if (!best || config.name.length > best.name.length) best = config;
      }
    }
    this.cache.set(logger, best);
    return best;
  }

  /** True when a record of this logger, severity and debug level would be kept. */
  enabled(logger: string, severity: HooksLogRecord['severity'], debuglevel = 0): boolean {
    if (!this.sink) return false;
    const config = this.configFor(logger);
    const threshold = config?.severity ?? 'INFO';
    if ((RANK[severity] ?? 0) < (RANK[threshold] ?? 1)) return false;
    if (severity === 'DEBUG' && debuglevel > (config?.debuglevel ?? 0)) return false;
    return true;
  }

  /** The engine asks before building a record (its names are unprefixed, as in `log`). */
  isEnabled(logger: string, severity: HooksLogRecord['severity'], debuglevel?: number): boolean {
    if (!this.sink) return false;
    return this.enabled(this.fullName(logger), severity, debuglevel);
  }

  log(record: HooksLogRecord): void {
    if (!this.sink) return;
    const logger = this.fullName(record.logger);
    if (!this.enabled(logger, record.severity, record.debuglevel)) return;
    const out: ServerLogRecord = { ...record, logger, timestamp: formatLogTime(this.clock()) };
    this.sink.log(out);
  }

  /** A server message: `id` from the catalogue, `%1..%n` filled from `args`. */
  message(
    name: string,
    severity: HooksLogRecord['severity'],
    id: string,
    template: string,
    args: readonly unknown[],
    debuglevel?: number,
  ): void {
    const logger = `${this.root}.${name}`;
    if (!this.enabled(logger, severity, debuglevel)) return;
    const strings = args.map(String);
    const text = template.replace(/%(\d+)/g, (_m, n: string) => strings[Number(n) - 1] ?? '');
    this.log({ severity, debuglevel, logger, id, args: strings, text });
  }
}

export function formatLogTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
