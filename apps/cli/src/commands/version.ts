import { readFileSync } from 'node:fs';
import { type CliCommand, EXIT_OK, UsageError } from '../command';

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

export const versionCommand: CliCommand = {
  name: 'version',
  summary: 'print the hookscope version',
  usage: 'hookscope version',
  run(argv, io) {
    if (argv.length > 0) throw new UsageError(`version takes no arguments, got '${argv[0]}'`);
    io.out(`hookscope ${packageVersion()}\n`);
    return EXIT_OK;
  },
};
