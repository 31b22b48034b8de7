// Builds a HooksManager over the test libraries for the engine's tests.

import type { HooksLogRecord } from '../src/hooksLog';
import { HooksManager } from '../src/hooksManager';
import type { HooksObserver } from '../src/hooksObserver';
import type { LibraryModule } from '../src/libraryModule';
import { ServerHooks } from '../src/serverHooks';
import * as commandLibrary from './libraries/commandLibrary';
import * as contextLibrary from './libraries/contextLibrary';
import * as failing from './libraries/failingLibraries';
import * as indexDigitLibrary from './libraries/indexDigitLibrary';
import * as loadRegistersLibrary from './libraries/loadRegistersLibrary';
import * as loggingLibrary from './libraries/loggingLibrary';
import * as namedLibrary from './libraries/namedLibrary';
import * as parkingLibrary from './libraries/parkingLibrary';
import * as selfRegisteringLibrary from './libraries/selfRegisteringLibrary';
import * as statusLibrary from './libraries/statusLibrary';
import * as throwingCallouts from './libraries/throwingCallouts';

/** hooks-libraries paths of the test libraries. */
export const LIBRARIES: Readonly<Record<string, LibraryModule>> = {
  '/lib/index-digit.so': indexDigitLibrary,
  '/lib/load-registers.so': loadRegistersLibrary,
  '/lib/named.so': namedLibrary,
  '/lib/context.so': contextLibrary,
  '/lib/throwing-callouts.so': throwingCallouts,
  '/lib/status.so': statusLibrary,
  '/lib/commands.so': commandLibrary,
  '/lib/parking.so': parkingLibrary,
  '/lib/self-registering.so': selfRegisteringLibrary,
  '/lib/logging.so': loggingLibrary,
  ...Object.fromEntries(
    Object.entries(failing).map(([name, module]) => [`/lib/${name}.so`, module]),
  ),
};

export interface TestManagerOptions {
  keaVersion?: string;
  observer?: HooksObserver;
  /** The logger also answers isEnabled with this (default: no isEnabled method). */
  enabled?: (logger: string, severity: string, debuglevel?: number) => boolean;
}

export function createTestManager(options: TestManagerOptions = {}) {
  const serverHooks = new ServerHooks();
  for (const hook of ['alpha', 'beta', 'gamma', 'leases4_committed'])
    serverHooks.registerHook(hook);
  const records: HooksLogRecord[] = [];
  const logger: { log(record: HooksLogRecord): void; isEnabled?: TestManagerOptions['enabled'] } = {
    log: (record) => records.push(record),
  };
  if (options.enabled) logger.isEnabled = options.enabled;
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: (path) => LIBRARIES[path],
    logger,
    keaVersion: options.keaVersion,
    observer: options.observer,
    now: () => 0,
  });
  return {
    manager,
    serverHooks,
    records,
    /** The ids of the records so far. */
    ids: () => records.map((r) => r.id),
    hook: (name: string) => serverHooks.getIndex(name),
    /** Creates a handle, calls one hook with `result` = '' and returns `result`. */
    run(hook: string): string {
      const handle = manager.createCalloutHandle();
      handle.setArgument('result', '');
      manager.callCallouts(serverHooks.getIndex(hook), handle);
      const result = handle.getArgument<string>('result');
      handle.release();
      return result;
    },
  };
}

/** hooks-libraries entries for paths, with optional parameters. */
export function libs(...entries: (string | [string, Record<string, unknown>])[]) {
  return entries.map((entry) =>
    typeof entry === 'string' ? { library: entry } : { library: entry[0], parameters: entry[1] },
  );
}
