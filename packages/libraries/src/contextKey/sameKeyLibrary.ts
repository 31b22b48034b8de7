// Registers (standard names) pkt4_receive and pkt4_send. Meant to be configured twice, with
// parameters { "label": "first" } and { "label": "second" }: each instance has its own library
// index and so its own context, although both use the context name "owner".
// pkt4_receive stores context "owner" = its label; pkt4_send reads "owner" back and appends
// "library <index> reads owner=<value>" to /data/same-key.log. Callouts return 0.
import { type CalloutHandle, type LibraryModule, Logger } from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export const SAME_KEY_LOG_PATH = '/data/same-key.log';

const messages = { SAME_KEY_READ: 'library %1 reads owner=%2' };
const logger = new Logger('same-key', messages);

function labelOf(handle: CalloutHandle): string {
  const label = handle.getLibraryHandle().getParameter('label');
  return typeof label === 'string' ? label : `library ${handle.getCurrentLibrary()}`;
}

export function createSameKeyLibrary(env: LibraryEnvironment): LibraryModule {
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    pkt4_receive(handle: CalloutHandle) {
      handle.setContext('owner', labelOf(handle));
      return 0;
    },
    pkt4_send(handle: CalloutHandle) {
      const owner = handle.getContext<string>('owner', 'string');
      const index = handle.getCurrentLibrary();
      env.files.append(SAME_KEY_LOG_PATH, `library ${index} reads owner=${owner}\n`);
      logger.info('SAME_KEY_READ', index, owner);
      return 0;
    },
  };
}

export const sameKeyLibrary: BuiltinLibrary = {
  id: 'same-key',
  path: '/usr/local/lib/hookscope/libsame-key.so',
  title: 'One context name, two libraries',
  explanation:
    'Load the same library twice with different labels. Both instances keep their label under ' +
    'the context name "owner" in pkt4_receive and read it back in pkt4_send. Each reads its own ' +
    'label: context is kept per library index, so equal names in different libraries never meet.',
  parametersSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { label: { type: 'string', description: 'What this instance stores as "owner".' } },
  },
  daemons: ['dhcp4'],
  create: createSameKeyLibrary,
};
