// No callouts. load() reads the parameters of the guide's example — "mail" (string, required),
// "floor" (integer), "debug" (boolean), "users" (list of strings), "languages" (map of strings)
// — checks each one's type, returns 1 when one is missing or has the wrong type, else writes a
// summary to /data/parameters.txt and returns 0.
import { type LibraryHandle, type LibraryModule, Logger } from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export const PARAMETERS_SUMMARY_PATH = '/data/parameters.txt';

const messages = {
  PARAMETERS_BAD: 'parameter "%1" %2',
  PARAMETERS_READ: 'read %1 parameter(s): %2',
};
const logger = new Logger('parameters', messages);

type Check = (value: unknown) => boolean;
const CHECKS: Record<string, [Check, string]> = {
  mail: [(v) => typeof v === 'string', 'must be a string'],
  floor: [(v) => Number.isInteger(v), 'must be an integer'],
  debug: [(v) => typeof v === 'boolean', 'must be a boolean'],
  users: [
    (v) => Array.isArray(v) && v.every((u) => typeof u === 'string'),
    'must be a list of strings',
  ],
  languages: [
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.values(v).every((g) => typeof g === 'string'),
    'must be a map of strings',
  ],
};

export function createParametersLibrary(env: LibraryEnvironment): LibraryModule {
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      // As the guide insists: check presence and type before using a parameter.
      if (handle.getParameter('mail') === undefined) {
        logger.error('PARAMETERS_BAD', 'mail', 'is missing');
        return 1;
      }
      for (const [name, [check, rule]] of Object.entries(CHECKS)) {
        const value = handle.getParameter(name);
        if (value !== undefined && !check(value)) {
          logger.error('PARAMETERS_BAD', name, rule);
          return 1;
        }
      }
      const users = (handle.getParameter('users') as string[] | undefined) ?? [];
      const languages =
        (handle.getParameter('languages') as Record<string, string> | undefined) ?? {};
      const lines = [
        `mail: ${handle.getParameter('mail') as string}`,
        `floor: ${String(handle.getParameter('floor') ?? '(not set)')}`,
        `debug: ${String(handle.getParameter('debug') ?? '(not set)')}`,
        `There are ${users.length} users defined.`,
        ...users.map((user) => `User ${user}`),
        `There are ${Object.keys(languages).length} languages defined.`,
        ...(Object.hasOwn(languages, 'french') ? ['One of them is French!'] : []),
        ...(languages['klingon'] ? [`Lt. Worf says ${languages['klingon']}`] : []),
      ];
      env.files.write(PARAMETERS_SUMMARY_PATH, `${lines.join('\n')}\n`);
      const names = handle.getParameterNames();
      logger.info('PARAMETERS_READ', names.length, names.join(', '));
      return 0;
    },
  };
}

export const parametersLibrary: BuiltinLibrary = {
  id: 'parameters',
  path: '/opt/third.so',
  title: 'Library parameters',
  explanation:
    'Whatever JSON sits under "parameters" in the hooks-libraries entry reaches load() through ' +
    "getParameter: a string, a number, a boolean, a list and a map in the guide's example. The " +
    'library checks that each one has the expected type before using it and refuses to load ' +
    'otherwise, which makes the whole configuration fail. What it read goes to ' +
    '/data/parameters.txt.',
  parametersSchema: {
    type: 'object',
    required: ['mail'],
    properties: {
      mail: { type: 'string' },
      floor: { type: 'integer' },
      debug: { type: 'boolean' },
      users: { type: 'array', items: { type: 'string' } },
      languages: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  daemons: ['dhcp4'],
  create: createParametersLibrary,
};
