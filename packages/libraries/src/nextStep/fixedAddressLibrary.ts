// Registers (standard name) lease4_select. Parameters: "addresses" (hardware address → IPv4
// address) and "skip" (boolean, default false). For a listed client, lease4_select either
// writes its own address into the "lease4" argument (which Kea reads back) and continues, or,
// with "skip": true, sets SKIP — which at lease4_select means "do not hand out this
// candidate", so a DISCOVER gets no offer. Returns 0.
import {
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  Logger,
  NextStep,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

const messages = {
  FIXED_ADDRESS_SET: 'client %1 gets %2 instead of %3',
  FIXED_ADDRESS_SKIP: 'client %1: SKIP, the server is told not to assign %2',
};
const logger = new Logger('fixed-address', messages);

interface LeaseLike {
  addr: string;
  hwaddr?: string;
}

export function createFixedAddressLibrary(env: LibraryEnvironment): LibraryModule {
  let addresses = new Map<string, string>();
  let skip = false;
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load(handle: LibraryHandle) {
      const table = handle.getParameter('addresses');
      if (typeof table !== 'object' || table === null || Array.isArray(table)) return 1;
      addresses = new Map(
        Object.entries(table as Record<string, unknown>)
          .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
          .map(([hw, ip]) => [hw.toLowerCase(), ip]),
      );
      skip = handle.getParameter('skip') === true;
      return 0;
    },
    lease4_select(handle: CalloutHandle) {
      const lease = handle.getArgument<LeaseLike>('lease4');
      const hwaddr = lease.hwaddr?.toLowerCase();
      const fixed = hwaddr === undefined ? undefined : addresses.get(hwaddr);
      if (fixed === undefined) return 0;
      if (skip) {
        handle.setStatus(NextStep.SKIP);
        logger.info('FIXED_ADDRESS_SKIP', hwaddr, lease.addr);
        return 0;
      }
      logger.info('FIXED_ADDRESS_SET', hwaddr, fixed, lease.addr);
      // The server keeps using this lease object, so changing it in place is enough.
      lease.addr = fixed;
      return 0;
    },
  };
}

export const fixedAddressLibrary: BuiltinLibrary = {
  id: 'fixed-address',
  path: '/usr/local/lib/hookscope/libfixed-address.so',
  title: 'Next step: choosing the address yourself, and what SKIP means there',
  explanation:
    'At lease4_select the server has picked an address and built the lease; the "lease4" ' +
    'argument is read back afterwards. This library rewrites the address for the clients in its ' +
    'table, so they get the address it chose. With "skip": true it sets SKIP instead, and shows ' +
    'that SKIP is hook-specific: at lease4_select it tells Kea not to assign the candidate at ' +
    'all, so a DISCOVER goes unanswered and a REQUEST is refused.',
  parametersSchema: {
    type: 'object',
    required: ['addresses'],
    additionalProperties: false,
    properties: {
      addresses: {
        type: 'object',
        additionalProperties: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
        description: 'Hardware address → the IPv4 address that client gets.',
      },
      skip: {
        type: 'boolean',
        default: false,
        description: 'Set SKIP instead of changing the lease.',
      },
    },
  },
  daemons: ['dhcp4'],
  create: createFixedAddressLibrary,
};
