import { type CliCommand, type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './command';
import { commands } from './commands';

export function helpText(list: readonly CliCommand[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const rows = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `hookscope: a studio for ISC Kea's hooks, in a terminal

Usage: hookscope <command> [options]

Commands:
${rows}
  ${'help'.padEnd(width)}  show this text, or a command's usage: hookscope help <command>

Exit codes: 0 success, 1 the input was rejected or a run failed, 2 bad arguments.
`;
}

/** Runs one command line; never exits the process itself (main does). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = commands.find((c) => c.name === topic);
      if (!command) {
        io.err(`hookscope: unknown command '${topic}'\n\n${helpText()}`);
        return EXIT_USAGE;
      }
      io.out(`Usage: ${command.usage}\n`);
      return EXIT_OK;
    }
    io.out(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-V') return runCli(['version'], io);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`hookscope: unknown command '${name}'\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`hookscope ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
