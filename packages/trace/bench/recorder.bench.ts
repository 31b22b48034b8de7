// What recording costs: 10,000 requests through four hook points with 4 libraries (one callout
// each per hook, reading the packet and writing context), on the engine alone, without an
// observer and with the trace recorder (snapshots of a real DHCPv4 packet before and after
// every callout).
import { buildDiscover } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  HooksManager,
  type HooksObserver,
  KEA_HOOKS_VERSION,
  type LibraryModule,
  ServerHooks,
} from '@hookscope/engine';
import { createTraceRecorder } from '../src/createTraceRecorder';

const REQUESTS = 10_000;
const LIBRARIES = 4;
const HOOKS = ['pkt4_receive', 'subnet4_select', 'lease4_select', 'pkt4_send'];

function library(n: number): LibraryModule {
  const module: LibraryModule = { version: () => KEA_HOOKS_VERSION };
  for (const hook of HOOKS) {
    module[hook] = (handle: CalloutHandle) => {
      const query = handle.getArgument<{ getTransid(): number }>('query4');
      handle.setContext(`seen_${hook}`, query.getTransid() + n);
      return 0;
    };
  }
  return module;
}

function run(observer: HooksObserver | undefined, begin?: (i: number) => void, end?: () => void) {
  const serverHooks = new ServerHooks();
  for (const hook of HOOKS) serverHooks.registerHook(hook);
  const modules = Array.from({ length: LIBRARIES }, (_, n) => library(n));
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: (path) => modules[Number(path.slice(5))],
    ...(observer ? { observer } : {}),
  });
  manager.loadLibraries(modules.map((_, n) => ({ library: `/lib/${n}` })));
  const indexes = HOOKS.map((hook) => serverHooks.getIndex(hook));
  const packets = Array.from({ length: 64 }, (_, i) =>
    buildDiscover({ xid: i, hwaddr: `00:0c:01:02:03:${(i % 256).toString(16).padStart(2, '0')}` }),
  );
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    begin?.(i);
    const handle = manager.createCalloutHandle();
    for (const index of indexes) {
      handle.deleteAllArguments();
      handle.setArgument('query4', packets[i % packets.length], 'isc::dhcp::Pkt4Ptr');
      manager.callCallouts(index, handle);
    }
    handle.release();
    end?.();
  }
  return performance.now() - started;
}

run(undefined);
const bare = run(undefined);
const recorder = createTraceRecorder({ server: 'dhcp4' });
const recorded = run(
  recorder,
  (i) => recorder.beginRequest('packet', `request ${i}`),
  () => recorder.endRequest(),
);
const events = recorder.getTrace().events.length;
const callouts = REQUESTS * HOOKS.length * LIBRARIES;
const figures = {
  bench: 'trace-recorder',
  requests: REQUESTS,
  libraries: LIBRARIES,
  callouts,
  events,
  withoutObserverMs: Number(bare.toFixed(1)),
  recordingMs: Number(recorded.toFixed(1)),
  recordedCalloutUs: Number(((recorded * 1000) / callouts).toFixed(2)),
};
console.log(JSON.stringify(figures));
console.log(
  `trace recorder: ${callouts} callouts in ${REQUESTS} requests: ${figures.withoutObserverMs} ms without an observer, ` +
    `${figures.recordingMs} ms recorded (${figures.recordedCalloutUs} µs per recorded callout, packet snapshots included)`,
);
