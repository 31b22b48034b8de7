import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type ConfigDiagnostic,
  createConfigValidator,
  NEWEST_KEA_VERSION,
  resolveKeaVersion,
  SUPPORTED_KEA_VERSIONS,
} from '@hookscope/config';
import { type CliCommand, EXIT_FAILURE, EXIT_OK, UsageError } from '../command';

const USAGE = `hookscope validate <config> [--kea-version V] [--json]
  Checks a Kea config file (Dhcp4, Dhcp6, Control-agent, DhcpDdns) as Kea would: syntax with
  comments and includes, keywords, types, hooks-libraries and their parameters, subnets.
  --kea-version V  target Kea version: ${SUPPORTED_KEA_VERSIONS.join(' or ')} (default ${NEWEST_KEA_VERSION})
  --json           print {"ok": bool, "errors": [...], "warnings": [...]}
  <?include "file"?> paths are read relative to the config file's folder.
  Exit 0 when valid, 1 when not, 2 on bad arguments.`;

interface Arguments {
  file: string;
  keaVersion: string;
  json: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  let file: string | undefined;
  let keaVersion = NEWEST_KEA_VERSION;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--kea-version' || arg.startsWith('--kea-version=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('--kea-version needs a value');
      if (resolveKeaVersion(value) === undefined) {
        throw new UsageError(
          `unsupported Kea version '${value}' (supported: ${SUPPORTED_KEA_VERSIONS.join(', ')})`,
        );
      }
      keaVersion = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`only one config file, got '${file}' and '${arg}'`);
  }
  if (file === undefined) throw new UsageError('which config file?');
  return { file, keaVersion, json };
}

function toJson(d: ConfigDiagnostic) {
  return {
    line: d.line,
    column: d.column,
    offset: d.offset,
    path: d.pathText,
    message: d.message,
    ...(d.keaMessage === undefined ? {} : { keaMessage: d.keaMessage }),
    code: d.code,
    phase: d.phase,
    ...(d.file === undefined ? {} : { file: d.file }),
  };
}

function toText(name: string, d: ConfigDiagnostic): string {
  const where = `${d.file ?? name}:${d.line}:${d.column}`;
  const path = d.pathText ? ` [${d.pathText}]` : '';
  const kea = d.keaMessage ? `\n    Kea says: ${d.keaMessage}` : '';
  return `${where}: ${d.severity}: ${d.message}${path}${kea}\n`;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a Kea config file as Kea would (errors and warnings with positions)',
  usage: USAGE,
  run(argv, io) {
    const args = parseArguments(argv);
    const path = resolve(io.cwd, args.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      io.err(`hookscope validate: cannot read ${args.file}: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
    const base = dirname(path);
    const readInclude = (file: string): string | undefined => {
      try {
        return readFileSync(resolve(base, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    const result = createConfigValidator().validate(text, {
      keaVersion: args.keaVersion,
      readInclude,
    });
    if (args.json) {
      io.out(
        `${JSON.stringify({ ok: result.ok, errors: result.errors.map(toJson), warnings: result.warnings.map(toJson) }, null, 2)}\n`,
      );
    } else {
      for (const d of [...result.errors, ...result.warnings].sort((a, b) => a.offset - b.offset)) {
        io.out(toText(args.file, d));
      }
      const unchecked = result.libraries.filter(
        (l) => l.library !== undefined && !l.parametersChecked,
      );
      for (const library of unchecked) {
        io.out(
          `note: parameters of ${library.library} were not checked (no schema known for it)\n`,
        );
      }
      io.out(
        `${args.file}: ${result.ok ? 'valid' : 'invalid'} for Kea ${result.version?.version ?? args.keaVersion} (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})\n`,
      );
    }
    return result.ok ? EXIT_OK : EXIT_FAILURE;
  },
};
