// The hooks guide's tutorial library. Registers (by standard name) pkt4_receive and pkt4_send;
// load() "opens" /data/clients/interesting.log, unload() "closes" it; version() returns the
// hooks version it was built for; multi_threading_compatible() returns 1. Callouts return 0.

import type { Pkt4 } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  type LibraryModule,
  Logger,
  NoSuchCalloutContext,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export const TUTORIAL_LOG_PATH = '/data/clients/interesting.log';

const messages = {
  TUTORIAL_INTERESTING: 'client %1 is interesting (hardware address bytes sum to %2)',
  TUTORIAL_WRITTEN: 'wrote "%1" to %2',
};
const logger = new Logger('tutorial', messages);

/** The tutorial's rule: a client is interesting when its hardware address bytes sum to a multiple of 4. */
export function hardwareAddressSum(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum += byte;
  return sum;
}

export function createTutorialLibrary(env: LibraryEnvironment): LibraryModule {
  // Stands for the guide's std::fstream: the path while "open", undefined when closed.
  let interesting: string | undefined;
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    load() {
      interesting = TUTORIAL_LOG_PATH;
      return 0;
    },
    unload() {
      interesting = undefined;
      return 0;
    },
    pkt4_receive(handle: CalloutHandle) {
      const query4 = handle.getArgument<Pkt4>('query4');
      const hwaddr = query4.getHWAddr();
      const sum = hardwareAddressSum(hwaddr.bytes);
      if (sum % 4 === 0) {
        // Kea's HWAddr::toText() includes the type: "hwtype=1 00:0c:01:02:03:04".
        const text = hwaddr.toText();
        handle.setContext('hwaddr', text);
        logger.debug(40, 'TUTORIAL_INTERESTING', text, sum);
      }
      return 0;
    },
    pkt4_send(handle: CalloutHandle) {
      let hwaddr: string;
      try {
        hwaddr = handle.getContext<string>('hwaddr');
      } catch (error) {
        // No "hwaddr" in this library's context: the client was not interesting.
        if (error instanceof NoSuchCalloutContext) return 0;
        throw error;
      }
      const response4 = handle.getArgument<Pkt4>('response4');
      const line = `${hwaddr} ${response4.getYiaddr()}`;
      if (interesting !== undefined) {
        env.files.append(interesting, `${line}\n`);
        logger.info('TUTORIAL_WRITTEN', line, interesting);
      }
      return 0;
    },
  };
}

export const tutorialLibrary: BuiltinLibrary = {
  id: 'tutorial',
  path: '/usr/local/lib/hookscope/libtutorial.so',
  title: 'The hooks guide tutorial',
  explanation:
    'Sorts DHCPv4 clients by adding up the bytes of their hardware address: when the total ' +
    'divides by 4 the client counts as interesting. pkt4_receive makes that decision and keeps ' +
    'the address in the per-request context; pkt4_send, reached later for the same request, ' +
    'finds it there and appends the address and the IP address offered to ' +
    `${TUTORIAL_LOG_PATH}. A client that was not interesting leaves no context item, so ` +
    'pkt4_send catches NoSuchCalloutContext and writes nothing.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: ['dhcp4'],
  create: createTutorialLibrary,
};
