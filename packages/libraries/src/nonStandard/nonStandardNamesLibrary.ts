// The tutorial again, with callouts named classify and write_data instead of the hook names.
// Nothing is registered automatically (no export is named after a hook); load() registers
// classify on pkt4_receive and write_data on pkt4_send, then "opens" the log file.
// Same outcome as the tutorial: "hwaddr ipaddr" lines in /data/clients/interesting.log.

import type { Pkt4 } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  type LibraryHandle,
  type LibraryModule,
  NoSuchCalloutContext,
} from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';
import { hardwareAddressSum, TUTORIAL_LOG_PATH } from '../tutorial/tutorialLibrary';

export function createNonStandardNamesLibrary(env: LibraryEnvironment): LibraryModule {
  let interesting: string | undefined;
  function classify(handle: CalloutHandle): number {
    const hwaddr = handle.getArgument<Pkt4>('query4').getHWAddr();
    if (hardwareAddressSum(hwaddr.bytes) % 4 === 0) handle.setContext('hwaddr', hwaddr.toText());
    return 0;
  }
  function write_data(handle: CalloutHandle): number {
    try {
      const hwaddr = handle.getContext<string>('hwaddr');
      const response4 = handle.getArgument<Pkt4>('response4');
      if (interesting !== undefined)
        env.files.append(interesting, `${hwaddr} ${response4.getYiaddr()}\n`);
    } catch (error) {
      if (!(error instanceof NoSuchCalloutContext)) throw error;
    }
    return 0;
  }
  return {
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    classify,
    write_data,
    load(handle: LibraryHandle) {
      handle.registerCallout('pkt4_receive', classify);
      handle.registerCallout('pkt4_send', write_data);
      interesting = TUTORIAL_LOG_PATH;
      return 0;
    },
    unload() {
      interesting = undefined;
      return 0;
    },
  };
}

export const nonStandardNamesLibrary: BuiltinLibrary = {
  id: 'non-standard-names',
  path: '/usr/local/lib/hookscope/libclassify.so',
  title: 'Callouts with their own names',
  explanation:
    'Only functions named exactly after a hook are attached by themselves. This version of the ' +
    'tutorial calls its callouts classify and write_data, so load() attaches them with ' +
    'registerCallout. The timeline shows the callout names next to the hooks they run on.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: ['dhcp4'],
  create: createNonStandardNamesLibrary,
};
