// Engine benchmark: callouts per second through callCallouts, and the cost of a handle's life.
// Prints one JSON line and one readable line (scripts/bench.ts collects the JSON).
//
// "Engine overhead per callout" = time per callout through callCallouts minus the time of
// calling the same callout functions from a plain loop (the baseline). Medians of several
// samples, each long enough (1M callouts; 100k with the recorder) to dwarf the timer's
// resolution. Times are CPU time of this process, not wall-clock time.
import type { CalloutHandle } from '../src/calloutHandle';
import { HooksManager } from '../src/hooksManager';
import type { HooksObserver } from '../src/hooksObserver';
import { KEA_HOOKS_VERSION } from '../src/keaVersion';
import type { Callout, LibraryModule } from '../src/libraryModule';
import { ServerHooks } from '../src/serverHooks';

const SAMPLES = 11;
const CALLOUTS_PER_SAMPLE = 1_000_000;
/** A recorder keeps what it sees: a trace of 100k callouts per sample, then a fresh one. */
const RECORDED_CALLOUTS_PER_SAMPLE = 100_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * CPU time of this process (all its threads, so garbage collection counts), in ns. This machine
 * is shared: wall-clock time would also count the time other processes held the CPU.
 */
function nowNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** The cheapest real callout: looks at the status and returns 0. */
function makeCallout(): Callout {
  return function benchCallout(handle: CalloutHandle): number {
    return (handle.getStatus() as number) > 3 ? 1 : 0;
  };
}

/** A library whose load() registers `count` callouts on hook `bench`. */
function makeLibrary(count: number): LibraryModule {
  return {
    version: () => KEA_HOOKS_VERSION,
    load: (handle) => {
      for (let i = 0; i < count; i++) handle.registerCallout('bench', makeCallout());
      return 0;
    },
  };
}

interface ArgumentsSnapshot {
  names: string[];
  tags: (string | undefined)[];
}
type ContextSnapshot = [string, string | undefined][];

const CHUNK = 4096;

/** Up to CHUNK callout records, one array per field (a trace viewer reads columns). */
class RecordChunk {
  readonly hook = new Int32Array(CHUNK);
  readonly library = new Int32Array(CHUNK);
  readonly statusBefore = new Int8Array(CHUNK);
  readonly statusAfter = new Int8Array(CHUNK);
  readonly returned = new Int32Array(CHUNK);
  readonly callout: string[] = new Array(CHUNK);
  readonly thrown: unknown[] = new Array(CHUNK);
  readonly argumentsBefore: ArgumentsSnapshot[] = new Array(CHUNK);
  readonly argumentsAfter: ArgumentsSnapshot[] = new Array(CHUNK);
  readonly contextBefore: ContextSnapshot[] = new Array(CHUNK);
  readonly contextAfter: ContextSnapshot[] = new Array(CHUNK);
}

/**
 * A realistic trace recorder: before and after every callout it snapshots the argument names and
 * tags and the running library's context (names and tags), and keeps every record, in columns
 * grown chunk by chunk so appending never copies. Snapshots are memoised on the handle's
 * revision counters, so an unchanged argument set is shared rather than rebuilt.
 */
function createRecordingObserver(): HooksObserver & { clear(): void; size(): number } {
  let chunks: RecordChunk[] = [];
  let chunk = new RecordChunk();
  let offset = CHUNK;
  let recorded = 0;
  // hook-start / hook-end events: the hook index, complemented for an end
  let hookChunks: Int32Array[] = [];
  let hookChunk = new Int32Array(CHUNK);
  let hookOffset = CHUNK;
  const hookEvent = (value: number): void => {
    if (hookOffset === CHUNK) {
      hookChunk = new Int32Array(CHUNK);
      hookChunks.push(hookChunk);
      hookOffset = 0;
    }
    hookChunk[hookOffset++] = value;
  };
  let argumentsHandle: CalloutHandle | undefined;
  let argumentsRevision = -1;
  let argumentsSnapshot: ArgumentsSnapshot = { names: [], tags: [] };
  let contextHandle: CalloutHandle | undefined;
  let contextLibrary = -2;
  let contextRevision = -1;
  let contextSnapshot: ContextSnapshot = [];
  const snapshotArguments = (handle: CalloutHandle): ArgumentsSnapshot => {
    const revision = handle.getArgumentsRevision();
    if (argumentsHandle !== handle || argumentsRevision !== revision) {
      const names = handle.getArgumentNames();
      argumentsSnapshot = { names, tags: names.map((n) => handle.getArgumentTag(n)) };
      argumentsHandle = handle;
      argumentsRevision = revision;
    }
    return argumentsSnapshot;
  };
  const snapshotContext = (handle: CalloutHandle): ContextSnapshot => {
    const library = handle.getCurrentLibrary();
    const revision = handle.getContextRevision();
    if (contextHandle !== handle || contextLibrary !== library || contextRevision !== revision) {
      contextSnapshot = [];
      if (handle.hasContext()) {
        for (const name of handle.getContextNames()) {
          contextSnapshot.push([name, handle.getContextTag(name)]);
        }
      }
      contextHandle = handle;
      contextLibrary = library;
      contextRevision = revision;
    }
    return contextSnapshot;
  };
  return {
    hookStart: (hook) => hookEvent(hook),
    calloutStart: (hook, library, callout, handle) => {
      if (offset === CHUNK) {
        chunk = new RecordChunk();
        chunks.push(chunk);
        offset = 0;
      }
      chunk.hook[offset] = hook;
      chunk.library[offset] = library;
      chunk.callout[offset] = callout.name;
      chunk.statusBefore[offset] = handle.getStatus();
      chunk.argumentsBefore[offset] = snapshotArguments(handle);
      chunk.contextBefore[offset] = snapshotContext(handle);
    },
    calloutEnd: (_hook, _library, _callout, handle, outcome) => {
      chunk.statusAfter[offset] = handle.getStatus();
      chunk.returned[offset] = outcome.returned ?? -1;
      chunk.thrown[offset] = outcome.thrown;
      chunk.argumentsAfter[offset] = snapshotArguments(handle);
      chunk.contextAfter[offset] = snapshotContext(handle);
      offset++;
      recorded++;
    },
    hookEnd: (hook) => hookEvent(~hook),
    clear() {
      chunks = [];
      offset = CHUNK;
      recorded = 0;
      hookChunks = [];
      hookOffset = CHUNK;
    },
    size: () => recorded,
  };
}

function setUp(callouts: number, libraries: number, observer?: HooksObserver) {
  const serverHooks = new ServerHooks();
  const hook = serverHooks.registerHook('bench');
  const perLibrary = callouts / libraries;
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: () => makeLibrary(perLibrary),
    observer,
  });
  const list = Array.from({ length: libraries }, (_, i) => ({ library: `/bench/${i}.so` }));
  if (!manager.loadLibraries(list)) throw new Error('bench libraries failed to load');
  const handle = manager.createCalloutHandle();
  handle.setArgument('query4', { xid: 1 }, 'isc::dhcp::Pkt4Ptr');
  handle.setArgument('fake_allocation', false, 'bool');
  handle.setContext('seen', 1);
  return { manager, hook, handle };
}

function timeCallCallouts(callouts: number, libraries: number, recorder: boolean): number {
  const observer = recorder ? createRecordingObserver() : undefined;
  const { manager, hook, handle } = setUp(callouts, libraries, observer);
  const perSample = recorder ? RECORDED_CALLOUTS_PER_SAMPLE : CALLOUTS_PER_SAMPLE;
  const calls = Math.max(1, Math.floor(perSample / callouts));
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES + 2; s++) {
    observer?.clear();
    const start = nowNs();
    for (let i = 0; i < calls; i++) manager.callCallouts(hook, handle);
    const elapsed = nowNs() - start;
    if (s >= 2) samples.push(elapsed / (calls * callouts));
  }
  if (observer && observer.size() !== calls * callouts) throw new Error('recorder missed callouts');
  return median(samples);
}

/** The same callouts called from a plain loop: what any dispatcher would pay. */
function timeBaseline(callouts: number): number {
  const functions = Array.from({ length: callouts }, makeCallout);
  const { handle } = setUp(1, 1);
  const calls = Math.floor(CALLOUTS_PER_SAMPLE / callouts);
  const samples: number[] = [];
  let failures = 0;
  for (let s = 0; s < SAMPLES + 2; s++) {
    const start = nowNs();
    for (let i = 0; i < calls; i++) {
      for (let j = 0; j < functions.length; j++) {
        if ((functions[j] as Callout)(handle) !== 0) failures++;
      }
    }
    const elapsed = nowNs() - start;
    if (s >= 2) samples.push(elapsed / (calls * callouts));
  }
  if (failures) throw new Error('baseline callouts failed');
  return median(samples);
}

function timeHandleLife(withContextCallouts: boolean): number {
  const serverHooks = new ServerHooks();
  const library: LibraryModule = {
    version: () => KEA_HOOKS_VERSION,
    ...(withContextCallouts
      ? {
          context_create: (h: CalloutHandle) => {
            h.setContext('client', 'x');
            return 0;
          },
          context_destroy: (h: CalloutHandle) => (h.getContext('client') === 'x' ? 0 : 1),
        }
      : {}),
  };
  const manager = new HooksManager({ serverHooks, resolveLibrary: () => library });
  manager.loadLibraries([{ library: '/bench/context.so' }]);
  const handles = 200_000;
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES + 2; s++) {
    const start = nowNs();
    for (let i = 0; i < handles; i++) manager.createCalloutHandle().release();
    const elapsed = nowNs() - start;
    if (s >= 2) samples.push(elapsed / handles);
  }
  return median(samples);
}

const round = (x: number) => Math.round(x * 10) / 10;
const configs: [number, number][] = [
  [1, 1],
  [4, 1],
  [4, 4],
  [16, 1],
  [16, 4],
];
const results = [];
for (const [callouts, libraries] of configs) {
  const baseline = timeBaseline(callouts);
  for (const recorder of [false, true]) {
    const perCallout = timeCallCallouts(callouts, libraries, recorder);
    results.push({
      callouts,
      libraries,
      observer: recorder ? 'recorder' : 'none',
      nsPerCallout: round(perCallout),
      baselineNsPerCallout: round(baseline),
      overheadNsPerCallout: round(Math.max(0, perCallout - baseline)),
      calloutsPerSecond: Math.round(1e9 / perCallout),
    });
  }
}
const handleLife = {
  nsPerHandleWithContextCallouts: round(timeHandleLife(true)),
  nsPerHandleWithoutContextCallouts: round(timeHandleLife(false)),
};
const none = results.filter((r) => r.observer === 'none');
const recorded = results.filter((r) => r.observer === 'recorder');
const medianOverheadNone = median(none.map((r) => r.overheadNsPerCallout));
const medianOverheadRecorder = median(recorded.map((r) => r.overheadNsPerCallout));
const summary = {
  bench: 'engine',
  unit: 'ns',
  results,
  handleLife,
  medianOverheadNsPerCallout: { none: medianOverheadNone, recorder: medianOverheadRecorder },
  targets: {
    noObserverUnder50ns: medianOverheadNone < 50,
    recorderWithin5x: medianOverheadRecorder <= 5 * 50,
  },
};
console.log(JSON.stringify(summary));
console.log(
  `engine: median overhead ${medianOverheadNone} ns/callout without observer (target < 50), ` +
    `${medianOverheadRecorder} ns with a recorder (target <= 250); ` +
    `${none.map((r) => `${r.callouts}x${r.libraries}: ${(r.calloutsPerSecond / 1e6).toFixed(1)}M/s`).join(', ')}; ` +
    `handle + context_create + context_destroy ${handleLife.nsPerHandleWithContextCallouts} ns`,
);
