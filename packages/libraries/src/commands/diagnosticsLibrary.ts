// load() registers command handlers for "diagnostics-enable" and "diagnostics-dump"; the
// standard-named pkt4_receive counts packets while diagnostics are on. Parameter "label" names
// the instance. Meant to be loaded twice: both instances answer "diagnostics-dump", each adding
// its part to the response the previous one left ("arguments.libraries"). Handlers return 0
// and report trouble in the response, as the guide asks.
import {
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  Logger,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

const ELEMENT = 'isc::data::ConstElementPtr';
const messages = { DIAGNOSTICS_ENABLED: 'diagnostics %1 for %2' };
const logger = new Logger('diagnostics', messages);

interface Answer {
  result: number;
  text?: string;
  arguments?: { libraries?: unknown[] } & Record<string, unknown>;
}

function commandArguments(handle: CalloutHandle): Record<string, unknown> {
  const command = handle.getArgument<{ arguments?: unknown } | undefined>('command');
  const args = command?.arguments;
  return typeof args === 'object' && args !== null && !Array.isArray(args)
    ? (args as Record<string, unknown>)
    : {};
}

interface Diagnostics {
  enabled: boolean;
  packets: number;
}

export function createDiagnosticsLibrary(env: LibraryEnvironment): LibraryModule {
  // Loaded twice from one file, both instances share this module's variables (as two entries
  // of one .so share its globals in Kea), so the state is kept per library index.
  const state = new Map<number, Diagnostics>();
  const stateOf = (index: number): Diagnostics => {
    let entry = state.get(index);
    if (!entry) {
      entry = { enabled: false, packets: 0 };
      state.set(index, entry);
    }
    return entry;
  };
  const labelOf = (handle: CalloutHandle): string => {
    const label = handle.getLibraryHandle().getParameter('label');
    return typeof label === 'string' ? label : `library ${handle.getCurrentLibrary()}`;
  };
  const diagnosticsEnable = (handle: CalloutHandle): number => {
    const on = commandArguments(handle)['enable'];
    if (on !== undefined && typeof on !== 'boolean') {
      handle.setArgument('response', { result: 1, text: "'enable' must be a boolean" }, ELEMENT);
      return 0;
    }
    const diagnostics = stateOf(handle.getCurrentLibrary());
    diagnostics.enabled = on ?? true;
    const word = diagnostics.enabled ? 'enabled' : 'disabled';
    logger.info('DIAGNOSTICS_ENABLED', word, labelOf(handle));
    handle.setArgument('response', { result: 0, text: `diagnostics ${word}` }, ELEMENT);
    return 0;
  };
  const diagnosticsDump = (handle: CalloutHandle): number => {
    // Another library may have answered first: build on its response rather than replace it.
    const previous = handle.getArgument<Answer | undefined>('response');
    const libraries = [...(previous?.arguments?.libraries ?? [])];
    const index = handle.getCurrentLibrary();
    const { enabled, packets } = stateOf(index);
    libraries.push({ library: labelOf(handle), index, enabled, packets });
    handle.setArgument(
      'response',
      {
        result: 0,
        text: `diagnostics from ${libraries.length} libraries`,
        arguments: { libraries },
      },
      ELEMENT,
    );
    return 0;
  };
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      handle.registerCommandCallout('diagnostics-enable', diagnosticsEnable);
      handle.registerCommandCallout('diagnostics-dump', diagnosticsDump);
      return 0;
    },
    pkt4_receive(handle: CalloutHandle) {
      const diagnostics = stateOf(handle.getCurrentLibrary());
      if (diagnostics.enabled) diagnostics.packets += 1;
      return 0;
    },
  };
}

export const diagnosticsLibrary: BuiltinLibrary = {
  id: 'diagnostics',
  path: '/usr/local/lib/hookscope/libdiagnostics.so',
  title: 'Command handlers: diagnostics-enable and diagnostics-dump',
  explanation:
    'A library can teach the server new control commands: load() registers a handler per ' +
    'command name, and the server then sends those commands to the library. Loaded twice, both ' +
    'instances handle diagnostics-dump in library order, and the second extends the answer the ' +
    'first left in "response" instead of replacing it. diagnostics-enable takes ' +
    '{ "enable": true | false }; while on, each instance counts the packets it sees.',
  parametersSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { label: { type: 'string', description: 'Name shown in the dump.' } },
  },
  daemons: ['dhcp4'],
  create: createDiagnosticsLibrary,
};
