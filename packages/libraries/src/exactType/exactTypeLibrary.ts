// Registers (standard names) pkt4_receive and pkt4_send. pkt4_receive reads "query4" twice:
// once as the type the server stored (isc::dhcp::Pkt4Ptr), once as the class Pkt4, which Kea's
// rule refuses; it stores context "count" as "int". pkt4_send reads "count" back as "long"
// (refused) and as "int". Each refusal's message goes to /data/exact-type.log. With parameter
// "rethrow": true the refusal in pkt4_receive is not caught: the engine reports the exception
// (from Kea 2.3.8 on it also sets DROP, so the packet goes unanswered). Callouts return 0.

import { Pkt4 } from '@hookscope/dhcp';
import {
  ArgumentTypeMismatch,
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  Logger,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export const EXACT_TYPE_LOG_PATH = '/data/exact-type.log';

const messages = { EXACT_TYPE_REFUSED: '%1: %2' };
const logger = new Logger('exact-type', messages);

export function createExactTypeLibrary(env: LibraryEnvironment): LibraryModule {
  let rethrow = false;
  const attempt = (what: string, read: () => unknown): void => {
    try {
      read();
      env.files.append(EXACT_TYPE_LOG_PATH, `${what}: accepted\n`);
    } catch (error) {
      if (!(error instanceof ArgumentTypeMismatch)) throw error;
      env.files.append(EXACT_TYPE_LOG_PATH, `${what}: ${error.name}: ${error.message}\n`);
      logger.warn('EXACT_TYPE_REFUSED', what, error.message);
      if (rethrow) throw error;
    }
  };
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      rethrow = handle.getParameter('rethrow') === true;
      return 0;
    },
    pkt4_receive(handle: CalloutHandle) {
      attempt('query4 as isc::dhcp::Pkt4Ptr', () =>
        handle.getArgument('query4', 'isc::dhcp::Pkt4Ptr'),
      );
      handle.setContext('count', 1, 'int');
      attempt('query4 as Pkt4', () => handle.getArgument('query4', Pkt4));
      return 0;
    },
    pkt4_send(handle: CalloutHandle) {
      attempt('count as long', () => handle.getContext('count', 'long'));
      attempt('count as int', () => handle.getContext('count', 'int'));
      return 0;
    },
  };
}

export const exactTypeLibrary: BuiltinLibrary = {
  id: 'exact-type',
  path: '/usr/local/lib/hookscope/libexact-type.so',
  title: 'The exact-type rule',
  explanation:
    'Kea hands an argument or a context item back only as the very type it was stored with. ' +
    'The server stores query4 as isc::dhcp::Pkt4Ptr; asking for it as the class Pkt4 fails ' +
    'with ArgumentTypeMismatch (Kea: bad_any_cast), and so does reading an "int" context item as ' +
    '"long". The library writes each attempt and its outcome to /data/exact-type.log. Set ' +
    '"rethrow" to let the error escape the callout and see how the Kea version you picked ' +
    'reacts.',
  parametersSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      rethrow: { type: 'boolean', default: false, description: 'Let the first refusal escape.' },
    },
  },
  daemons: ['dhcp4'],
  create: createExactTypeLibrary,
};
