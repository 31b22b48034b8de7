import type { CliCommand } from './command';
import { decodeCommand } from './commands/decode';
import { versionCommand } from './commands/version';

/** Every sub-command, in the order the help lists them. */
export const commands: readonly CliCommand[] = [decodeCommand, versionCommand];
