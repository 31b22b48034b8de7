// Registers (standard name) pkt4_receive. load() reads parameter "deny" (an array of hardware
// addresses "aa:bb:cc:dd:ee:ff") and fails (returns 1) when it is not one. pkt4_receive sets
// the status to DROP for a listed client, so Kea sends nothing back. Returns 0.

import type { Pkt4 } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  Logger,
  NextStep,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

const messages = {
  DENY_LIST_LOADED: 'deny list holds %1 hardware address(es)',
  DENY_LIST_BAD_PARAMETER: 'parameter "deny" must be an array of hardware addresses',
  DENY_LIST_DROP: 'dropping packet from denied client %1',
};
const logger = new Logger('deny-list', messages);

export function createDenyListLibrary(env: LibraryEnvironment): LibraryModule {
  let denied = new Set<string>();
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      const deny = handle.getParameter('deny');
      if (!Array.isArray(deny) || !deny.every((item) => typeof item === 'string')) {
        logger.error('DENY_LIST_BAD_PARAMETER');
        return 1;
      }
      denied = new Set(deny.map((item: string) => item.toLowerCase()));
      logger.info('DENY_LIST_LOADED', denied.size);
      return 0;
    },
    pkt4_receive(handle: CalloutHandle) {
      // The guide's advice: look at the status first; another library may have decided already.
      if (handle.getStatus() === NextStep.DROP) return 0;
      const hwaddr = handle.getArgument<Pkt4>('query4').getHWAddr().toString().toLowerCase();
      if (denied.has(hwaddr)) {
        handle.setStatus(NextStep.DROP);
        logger.info('DENY_LIST_DROP', hwaddr);
      }
      return 0;
    },
  };
}

export const denyListLibrary: BuiltinLibrary = {
  id: 'deny-list',
  path: '/usr/local/lib/hookscope/libdeny-list.so',
  title: 'Next step: a deny list that drops',
  explanation:
    'Compares each client\'s hardware address with the "deny" list in its parameters, in ' +
    'pkt4_receive. A listed client gets the status DROP: Kea stops working on the packet and ' +
    'answers nothing. Every callout still runs after a DROP, so a later library could undo it; ' +
    'the server acts on the status left after the last one.',
  parametersSchema: {
    type: 'object',
    required: ['deny'],
    additionalProperties: false,
    properties: {
      deny: {
        type: 'array',
        items: { type: 'string', pattern: '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*$' },
        description: 'Hardware addresses whose packets are dropped.',
      },
    },
  },
  daemons: ['dhcp4'],
  create: createDenyListLibrary,
};
