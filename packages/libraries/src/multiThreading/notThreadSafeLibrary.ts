// Registers (standard name) pkt4_receive, which counts packets in a variable shared by all
// calls with no locking. multi_threading_compatible() returns 0 on purpose, for that reason:
// with "enable-multi-threading": true Kea refuses to load the library.
import type { LibraryModule } from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export function createNotThreadSafeLibrary(env: LibraryEnvironment): LibraryModule {
  let packets = 0;
  return {
    version: () => env.hooksVersion,
    // 0: not compatible. The counter below is updated without a lock; under Kea's thread pool
    // two packets could update it at once.
    multi_threading_compatible: () => 0,
    pkt4_receive() {
      packets += 1;
      env.files.write('/data/not-thread-safe.txt', `${packets}\n`);
      return 0;
    },
  };
}

export const notThreadSafeLibrary: BuiltinLibrary = {
  id: 'not-thread-safe',
  path: '/usr/local/lib/hookscope/libnot-thread-safe.so',
  title: 'Multi-threading compatibility refused',
  explanation:
    'A library says whether its callouts may run on several packet threads at once through ' +
    'multi_threading_compatible. This one answers 0, because its packet counter has no lock. ' +
    'With multi-threading on, the server refuses to load it and the configuration fails. Kea ' +
    '2.2.0 is the exception worth seeing: it checks the threading mode the server is already ' +
    'in, so the first configuration (started single-threaded) loads the library, and only the ' +
    'next one refuses it.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: ['dhcp4'],
  create: createNotThreadSafeLibrary,
};
