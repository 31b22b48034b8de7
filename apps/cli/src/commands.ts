import type { CliCommand } from './command';
import { decodeCommand } from './commands/decode';
import { runCommand } from './commands/run';
import { validateCommand } from './commands/validate';
import { versionCommand } from './commands/version';

/** Every sub-command, in the order the help lists them. */
export const commands: readonly CliCommand[] = [
  decodeCommand,
  runCommand,
  validateCommand,
  versionCommand,
];
