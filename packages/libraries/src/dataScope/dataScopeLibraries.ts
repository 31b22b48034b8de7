// The two libraries of the hooks guide's data-scope pictures, for a server with hooks alpha,
// beta and gamma (createDataScopeServer).
// Library 1 registers, in load(): authorize on alpha, check on beta, add_option on gamma.
// Library 2 registers, in load(): logpkt on alpha, validate on beta, putopt on gamma.
// Every callout returns 0 and leaves the status alone.
// - authorize stores context "foo" = 2 (a number); logpkt stores "foo" = "bar" (a string):
//   the same name, two libraries, two separate contexts.
// - check and validate read "foo" back on the next hook and log what they got.
// - add_option adds an option to the "options" argument and leaves a note for later callouts in
//   the argument "$note"; putopt (library 2, after it on the same hook) reads that note. Data
//   can only flow forward this way: putopt cannot answer add_option.
import {
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  Logger,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

const messages = {
  DATA_SCOPE_CONTEXT_SET: '%1 stored context "%2" = %3',
  DATA_SCOPE_CONTEXT_SEEN: '%1 reads context "%2" = %3',
  DATA_SCOPE_NOTE_SEEN: '%1 reads argument "$note" = %2',
};
const logger = new Logger('data-scope', messages);

function show(value: unknown): string {
  return JSON.stringify(value);
}

export function createDataScopeLibrary1(env: LibraryEnvironment): LibraryModule {
  const authorize = (handle: CalloutHandle): number => {
    handle.setContext('foo', 2);
    handle.setContext('client', handle.getArgument<string>('client'));
    logger.info('DATA_SCOPE_CONTEXT_SET', 'authorize', 'foo', show(2));
    return 0;
  };
  const check = (handle: CalloutHandle): number => {
    logger.info('DATA_SCOPE_CONTEXT_SEEN', 'check', 'foo', show(handle.getContext('foo')));
    return 0;
  };
  const add_option = (handle: CalloutHandle): number => {
    const options = handle.getArgument<string[]>('options', Array);
    options.push(`library 1 for ${handle.getContext<string>('client')}`);
    handle.setArgument('$note', 'hello from add_option');
    return 0;
  };
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      handle.registerCallout('alpha', authorize);
      handle.registerCallout('beta', check);
      handle.registerCallout('gamma', add_option);
      return 0;
    },
  };
}

export function createDataScopeLibrary2(env: LibraryEnvironment): LibraryModule {
  const logpkt = (handle: CalloutHandle): number => {
    handle.setContext('foo', 'bar');
    logger.info('DATA_SCOPE_CONTEXT_SET', 'logpkt', 'foo', show('bar'));
    return 0;
  };
  const validate = (handle: CalloutHandle): number => {
    logger.info('DATA_SCOPE_CONTEXT_SEEN', 'validate', 'foo', show(handle.getContext('foo')));
    return 0;
  };
  const putopt = (handle: CalloutHandle): number => {
    const note = handle.getArgument<string>('$note', 'string');
    logger.info('DATA_SCOPE_NOTE_SEEN', 'putopt', show(note));
    handle.getArgument<string[]>('options', Array).push(`library 2 after "${note}"`);
    return 0;
  };
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      handle.registerCallout('alpha', logpkt);
      handle.registerCallout('beta', validate);
      handle.registerCallout('gamma', putopt);
      return 0;
    },
  };
}

const explanationCommon =
  'Runs on the three-hook data-scope server (alpha, beta, gamma), not on kea-dhcp4. ';

export const dataScopeLibrary1: BuiltinLibrary = {
  id: 'data-scope-1',
  path: '/usr/lib/library1.so',
  title: 'Data scope: library 1 (authorize, check, add_option)',
  explanation:
    explanationCommon +
    'Its callouts have their own names, so load() attaches them: authorize to alpha, check to ' +
    "beta, add_option to gamma. authorize keeps foo = 2 in this library's context, and check " +
    'finds exactly that on the next hook, whatever library 2 did. add_option leaves a note in ' +
    'the argument "$note" for whoever runs after it on gamma.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: [],
  create: createDataScopeLibrary1,
};

export const dataScopeLibrary2: BuiltinLibrary = {
  id: 'data-scope-2',
  path: '/opt/library2.so',
  title: 'Data scope: library 2 (logpkt, validate, putopt)',
  explanation:
    explanationCommon +
    'load() attaches logpkt to alpha, validate to beta and putopt to gamma. logpkt keeps ' +
    'foo = "bar" under the same name library 1 used; validate reads back "bar", never 2, because ' +
    'each library has a context of its own. putopt reads the note add_option left in the ' +
    'arguments: arguments are shared along one hook, context is not shared between libraries.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: [],
  create: createDataScopeLibrary2,
};
