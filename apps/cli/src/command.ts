/** A `hookscope` sub-command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text, shown by `hookscope help <name>` and on bad arguments. */
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number> | number;
}

/** Where a command writes; tests pass buffers, main passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Thrown for bad arguments: main prints the message and the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
