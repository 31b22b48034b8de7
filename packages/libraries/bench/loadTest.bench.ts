// The load-test workspace (10,000 DHCPDISCOVERs, four built-in libraries) on the simulated
// kea-dhcp4, without a recorder and with one: what recording a large run costs, how big its
// trace is, and how long the timeline index takes to build over it.
import { fromHex } from '@hookscope/dhcp';
import { createServer } from '@hookscope/server';
import { buildTraceIndex, createTraceRecorder, writeTrace } from '@hookscope/trace';
import { createBuiltinResolver } from '../src/builtinLibraries';
import { createLoadTestWorkspace } from '../src/examples/createLoadTestWorkspace';
import { parseConfigText } from '../src/examples/parseConfigText';
import { createLibraryEnvironment } from '../src/libraryEnvironment';

const PACKETS = 10_000;

function time<T>(body: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = body();
  return { ms: performance.now() - started, value };
}

const build = time(() => createLoadTestWorkspace({ packets: PACKETS }));
const workspace = build.value;
const packets = workspace.steps.map((step) =>
  step.kind === 'packet' ? fromHex(step.hex) : new Uint8Array(),
);

function run(record: boolean) {
  const recorder = record ? createTraceRecorder({ server: 'dhcp4' }) : undefined;
  const server = createServer('dhcp4', {
    resolveLibrary: createBuiltinResolver(createLibraryEnvironment()),
    ...(recorder ? { observer: recorder } : {}),
    now: () => 1_700_000_000_000,
  });
  server.configure(parseConfigText(workspace.config));
  let replies = 0;
  const elapsed = time(() => {
    for (const packet of packets) replies += server.receive(packet).length;
  });
  server.shutdown();
  return { ms: elapsed.ms, replies, trace: recorder?.getTrace() };
}

run(false);
const bare = run(false);
const recorded = run(true);
const trace = recorded.trace!;
const text = time(() => writeTrace(trace));
const index = time(() => buildTraceIndex(trace));

const figures = {
  bench: 'libraries-load-test',
  packets: PACKETS,
  libraries: 4,
  replies: recorded.replies,
  buildWorkspaceMs: Number(build.ms.toFixed(1)),
  runWithoutRecorderMs: Number(bare.ms.toFixed(1)),
  runRecordedMs: Number(recorded.ms.toFixed(1)),
  events: trace.events.length,
  callouts: index.value.calloutCount,
  traceMB: Number((text.value.length / 1e6).toFixed(1)),
  writeTraceMs: Number(text.ms.toFixed(1)),
  buildIndexMs: Number(index.ms.toFixed(1)),
};
console.log(JSON.stringify(figures));
console.log(
  `load test: ${PACKETS} DHCPDISCOVERs × 4 libraries on kea-dhcp4: ${figures.runWithoutRecorderMs} ms bare, ` +
    `${figures.runRecordedMs} ms recorded (${figures.callouts} callouts, ${figures.events} events, ` +
    `${figures.traceMB} MB of trace), index ${figures.buildIndexMs} ms`,
);
