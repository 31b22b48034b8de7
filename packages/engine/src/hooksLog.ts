import { HOOKS_MESSAGES, type HooksMessageId, type HooksSeverity } from './hooksMessages';

/** One Kea-style log record. */
export interface HooksLogRecord {
  severity: HooksSeverity;
  /** 0..99 for DEBUG records, as Kea. */
  debuglevel?: number;
  /**
   * The logger below the server's root logger: `hooks`, `callouts`, or a library's own logger
   * name (`user-chk`). The server shows it as `kea-dhcp4.hooks`, `kea-dhcp4.user-chk`.
   */
  logger: string;
  /** Kea's message id, e.g. `HOOKS_CALLOUT_ERROR`. */
  id: string;
  /** The `%1…%n` values. */
  args: readonly string[];
  /** The message with its arguments filled in. */
  text: string;
}

/** Where a HooksManager sends its records (the server filters them by its `loggers`). */
export interface HooksLogger {
  log(record: HooksLogRecord): void;
  /**
   * Optional: whether a record of this logger, severity and debug level would be kept. The engine
   * asks before building per-callout debug records, as Kea checks `isDebugEnabled`; without this
   * method every record is built and sent.
   */
  isEnabled?(logger: string, severity: HooksSeverity, debuglevel?: number): boolean;
}

/** Replaces `%1…%n` with the arguments; extra arguments are appended, as Kea does. */
export function fillTemplate(template: string, args: readonly string[]): string {
  let text = template.replace(/%(\d+)/g, (whole, digits: string) => {
    const value = args[Number(digits) - 1];
    return value === undefined ? whole : value;
  });
  for (let i = 0; i < args.length; i++) {
    if (!template.includes(`%${i + 1}`)) text += ` ${args[i]}`;
  }
  return text;
}

/**
 * A HooksManager's logging endpoint: its HooksLogger plus the message templates libraries
 * registered (Kea's per-library .mes files). Internal: not part of the public API.
 */
export class LogSink {
  readonly messages = new Map<string, string>();

  constructor(readonly logger: HooksLogger | undefined) {}

  /** Whether a record would be kept: false without a logger, true when it cannot tell. */
  isEnabled(logger: string, severity: HooksSeverity, debuglevel?: number): boolean {
    if (this.logger === undefined) return false;
    return this.logger.isEnabled?.(logger, severity, debuglevel) ?? true;
  }

  /** Sends one of the engine's own messages. */
  hooks(id: HooksMessageId, ...args: string[]): void {
    if (this.logger === undefined) return;
    const message: { logger: string; severity: HooksSeverity; debuglevel?: number; text: string } =
      HOOKS_MESSAGES[id];
    if (!this.isEnabled(message.logger, message.severity, message.debuglevel)) return;
    const record: HooksLogRecord = {
      severity: message.severity,
      logger: message.logger,
      id,
      args,
      text: fillTemplate(message.text, args),
    };
    if (message.debuglevel !== undefined) record.debuglevel = message.debuglevel;
    this.logger.log(record);
  }

  /** Sends a library's record; `template` wins over the registered templates. */
  library(
    logger: string,
    severity: HooksSeverity,
    debuglevel: number | undefined,
    id: string,
    args: readonly string[],
    template: string | undefined,
  ): void {
    if (this.logger === undefined || !this.isEnabled(logger, severity, debuglevel)) return;
    const text = fillTemplate(template ?? this.messages.get(id) ?? '', args).trimStart();
    const record: HooksLogRecord = { severity, logger, id, args, text };
    if (debuglevel !== undefined) record.debuglevel = debuglevel;
    this.logger.log(record);
  }
}

/**
 * The sink of the HooksManager currently calling into library code (load, unload, a callout…).
 *
 * This is the one piece of module-level mutable state in the engine, on purpose: a library's
 * `new Logger('user-chk')` is made at module scope and cannot know which of a page's servers is
 * running it. Every call into a library is synchronous, so the manager sets `current` just before
 * and restores the previous value just after (nesting works: a callout that triggers another
 * manager restores correctly), and a record always reaches the manager whose library wrote it.
 */
export const logScope: { current: LogSink | undefined } = { current: undefined };

/** Runs `body` with `sink` as the current log destination. */
export function withLogSink<T>(sink: LogSink, body: () => T): T {
  const previous = logScope.current;
  logScope.current = sink;
  try {
    return body();
  } finally {
    logScope.current = previous;
  }
}
