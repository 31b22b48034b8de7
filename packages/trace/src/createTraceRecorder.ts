import {
  type Callout,
  type CalloutHandle,
  type HookLibraryInfo,
  type HooksLogRecord,
  type HooksObserver,
  NEWEST_KEA_VERSION,
} from '@hookscope/engine';
import { createSnapshotSerializer, type SnapshotSerializer } from './createSnapshotSerializer';
import { toHex } from './hex';
import { packetJsonView } from './packetJsonView';
import { createPacketViewCache } from './packetViewCache';
import { createRequestTracker } from './requestTracker';
import {
  type ArgumentNames,
  type ContextMemo,
  snapshotArguments,
  snapshotContext,
  snapshotLibraryContext,
} from './snapshotHandle';
import {
  type BeforeAfter,
  type CalloutEvent,
  type JsonObject,
  type JsonValue,
  type RequestKind,
  type SnapshotMap,
  TRACE_FORMAT,
  TRACE_VERSION,
  type TraceDocument,
  type TraceEvent,
  type TraceSource,
} from './types';

export interface TraceRecorderOptions {
  server: 'dhcp4' | 'dhcp6';
  /** Default `{ kind: 'simulation', keaVersion: NEWEST_KEA_VERSION }` (the engine's newest). */
  source?: TraceSource;
  /** Default: `createSnapshotSerializer()`. */
  serializer?: SnapshotSerializer;
  /** Names hook indexes; default: the bound ServerHooks (see `bindServerHooks`), else `#<index>`. */
  hookName?: (hookIndex: number) => string;
  /** Monotonic clock in milliseconds for callout durations. Default `performance.now`. */
  now?: () => number;
  /**
   * Default true: snapshots are reused while what they show cannot have changed (packets by
   * their epoch and a stamp of their fields, arguments by the handle's revision). False makes
   * every snapshot from scratch: slower, the same trace; for checking the reuse.
   */
  reuseSnapshots?: boolean;
}

/**
 * A HooksObserver that writes the trace format. Strategy: every callout gets its `seq` when it
 * starts (a slot in the event list is reserved), so logs and other events it causes come after
 * it and point back to it; the slot is filled when the callout ends. Requests group events by
 * callout handle: a handle first seen while a request is open (`beginRequest`) joins it, any
 * other handle gets a request of its own, its kind guessed from the hook.
 */
export interface TraceRecorder extends HooksObserver {
  /** Lets the recorder name hook indexes. Call once the hooks manager exists. */
  bindServerHooks(serverHooks: { getName(index: number): string }): void;
  /** The configured libraries, in order (index 1 first). */
  setLibraries(libraries: readonly HookLibraryInfo[]): void;
  /**
   * Opens a request; handles created until `endRequest` belong to it. Returns its id. Opening a
   * request of the same kind inside an open one joins it (the outer summary stays), so a host
   * and the server may both announce the same packet; each begin needs its end.
   */
  beginRequest(kind: RequestKind, summary: string): number;
  setRequestSummary(id: number, summary: string): void;
  /** Closes the innermost open request. */
  endRequest(): void;
  /** Records a hook the server reached but skipped because it had no callouts (Kea's
   * `calloutsPresent` guard), so the timeline can show it faintly. */
  hookWithoutCallouts(hook: string, handle?: CalloutHandle): void;
  /** A HooksLogger: attaches the record to the running callout, if any. */
  log(record: HooksLogRecord): void;
  park(hook: string, handle?: CalloutHandle): void;
  unpark(hook: string, handle?: CalloutHandle): void;
  /** A control command as received (its arguments are copied as JSON). */
  command(command: string, commandArguments?: unknown): void;
  /** What the server answered: a command answer (copied as JSON), or a packet sent back (a
   * `@hookscope/dhcp` packet, shown by `packetJsonView`, or its bytes, shown as hex). */
  response(response: unknown): void;
  fileWrite(path: string, mode: 'append' | 'write', data: string): void;
  /** The server tells of a drop that no callout asked for (or one it reports itself). */
  drop(reason: string): void;
  /** The events completed since the last call (streaming in batches). */
  takeEvents(): TraceEvent[];
  /** The whole trace so far. Callouts still running are left out. */
  getTrace(): TraceDocument;
}

/** What the recorder keeps per callout handle. */
interface HandleMemo {
  /** Which recorder made it (its memo map stands for it). */
  owner: object;
  /** The request the handle belongs to, once known (a handle keeps it for life). */
  request: number | undefined;
  /** Hooks started and not yet ended, innermost last (hookEnd comes after the engine has
   * reset the handle's hook). */
  openHooks: string[] | undefined;
  /** The last argument snapshots, and whether they are still current for `hook`. */
  arguments: SnapshotMap | undefined;
  argumentsFresh: boolean;
  hook: number;
  names: ArgumentNames | undefined;
  /** The last arguments before/after pair, shared by the next event when unchanged. */
  argumentsPair: BeforeAfter<SnapshotMap> | undefined;
  /** Each library's last context snapshot. */
  contexts: Map<number, ContextMemo> | undefined;
}

interface RunningCallout {
  slot: number;
  seq: number;
  request: number;
  hook: string;
  library: number;
  callout: string;
  statusBefore: number;
  argumentsBefore: SnapshotMap;
  contextBefore: SnapshotMap;
  startedMs: number;
}

function toJsonObject(value: unknown): JsonObject | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    return JSON.parse(
      JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'bigint' ? item.toString() : item,
      ),
    ) as JsonValue;
  } catch {
    return { $opaque: typeof value };
  }
}

const STATUS_PAIRS = Array.from({ length: 4 }, (_, before) =>
  Array.from({ length: 4 }, (_, after) => ({ before, after })),
);

/** The status pair, shared for Kea's four next-step values. */
function statusPair(before: number, after: number): BeforeAfter<number> {
  return STATUS_PAIRS[before]?.[after] ?? { before, after };
}

/** `kept` again when it holds exactly these two maps, else a new pair. */
function samePair(
  kept: BeforeAfter<SnapshotMap> | undefined,
  before: SnapshotMap,
  after: SnapshotMap,
): BeforeAfter<SnapshotMap> {
  return kept !== undefined && kept.before === before && kept.after === after
    ? kept
    : { before, after };
}

/** Made on first use: a handle whose hooks have no callouts (most, without libraries) needs
 * only its request. */
function namesOf(memo: HandleMemo): ArgumentNames {
  memo.names ??= { revision: -1, names: [], tags: [] };
  return memo.names;
}

function thrownOf(thrown: unknown): { name: string; message: string; stack?: string } {
  if (thrown instanceof Error) {
    return thrown.stack
      ? { name: thrown.name, message: thrown.message, stack: thrown.stack }
      : { name: thrown.name, message: thrown.message };
  }
  return { name: typeof thrown, message: String(thrown) };
}

export function createTraceRecorder(options: TraceRecorderOptions): TraceRecorder {
  const reuse = options.reuseSnapshots ?? true;
  // One packet view cache for snapshots and responses: the response sent is the packet the last
  // pkt4_send / pkt6_send callouts saw, so its view is usually ready.
  const packetViews = reuse ? createPacketViewCache() : undefined;
  const serialize =
    options.serializer ?? createSnapshotSerializer({ packetView: packetViews ?? packetJsonView });
  const now = options.now ?? (() => performance.now());
  const source = options.source ?? { kind: 'simulation', keaVersion: NEWEST_KEA_VERSION };
  let names: ((index: number) => string) | undefined = options.hookName;
  let libraries: TraceDocument['libraries'] = [];
  const events: (TraceEvent | undefined)[] = [];
  let taken = 0;
  let seq = 0;
  const running: RunningCallout[] = [];
  // Per handle, the last snapshots taken, so work is not repeated: the arguments after one
  // callout are the arguments before the next on the same hook (nothing runs in between), and
  // each snapshot is refreshed from the last one, reusing the objects of unchanged items (less
  // memory, equality by identity). Events come in runs on one handle: the last one is at hand.
  // Kept in the engine handle's `_observed` slot (a WeakMap entry per handle costs far more to
  // collect); a handle that has no such slot, or whose slot another recorder took, uses the map.
  const memos = new WeakMap<object, HandleMemo>();
  let lastHandle: object | undefined;
  let lastMemo: HandleMemo | undefined;
  const memoOf = (handle: CalloutHandle): HandleMemo => {
    if (handle === lastHandle && lastMemo !== undefined) return lastMemo;
    const slot = handle as unknown as { _observed?: unknown };
    const own = slot._observed;
    let memo =
      own instanceof Object && (own as HandleMemo).owner === memos
        ? (own as HandleMemo)
        : memos.get(handle);
    if (!memo) {
      memo = {
        owner: memos,
        request: undefined,
        openHooks: undefined,
        arguments: undefined,
        argumentsFresh: false,
        hook: -1,
        names: undefined,
        argumentsPair: undefined,
        contexts: undefined,
      };
      if ('_observed' in slot && slot._observed === undefined) slot._observed = memo;
      else memos.set(handle, memo);
    }
    lastHandle = handle;
    lastMemo = memo;
    return memo;
  };
  const contextOf = (handle: CalloutHandle, memo: HandleMemo, library: number): SnapshotMap => {
    memo.contexts ??= new Map();
    const kept = memo.contexts.get(library);
    const now = snapshotLibraryContext(handle, serialize, kept);
    if (now !== kept) memo.contexts.set(library, now);
    return now.snapshot;
  };
  const requests = createRequestTracker();
  const requestOf = (handle: CalloutHandle, hook: string, memo = memoOf(handle)): number => {
    memo.request ??= requests.assign(hook);
    return memo.request;
  };

  // Hook names: the caller's function, else the bound ServerHooks, else the handle (which
  // knows the running hook), else "#<index>".
  const hookName = (index: number, handle?: CalloutHandle): string => {
    try {
      if (names) return names(index);
      const fromHandle = handle?.getHookName?.();
      if (fromHandle) return fromHandle;
    } catch {
      // fall through to the placeholder
    }
    return `#${index}`;
  };
  const push = (event: TraceEvent): void => {
    events.push(event);
  };
  // A callout that threw: the engine reports the end before it reacts (logs the exception and,
  // from Kea 2.3.8, sets DROP), so its final status is read at the handle's next event, and
  // what is logged meanwhile belongs to it.
  let threw: { event: CalloutEvent; handle: CalloutHandle } | undefined;
  const settleThrown = (): void => {
    if (!threw) return;
    threw.event.status.after = threw.handle.getStatus();
    threw = undefined;
  };
  // Where an event that is not a callout belongs: the running callout (or the one that just
  // threw), else the open request.
  const attach = (): { request?: number; callout?: number } => {
    const top = running[running.length - 1];
    if (top) return { request: top.request, callout: top.seq };
    if (threw) return { request: threw.event.request, callout: threw.event.seq };
    const open = requests.current();
    return open === undefined ? {} : { request: open };
  };

  return {
    bindServerHooks(serverHooks) {
      if (!options.hookName) names = (index) => serverHooks.getName(index);
    },
    setLibraries(list) {
      libraries = list.map((info, i) => {
        const parameters = toJsonObject(info.parameters);
        return parameters
          ? { index: i + 1, library: info.library, parameters }
          : { index: i + 1, library: info.library };
      });
    },
    beginRequest: (kind, summary) => requests.begin(kind, summary),
    setRequestSummary: (id, summary) => requests.setSummary(id, summary),
    endRequest: () => requests.end(),

    hookStart(hookIndex, handle) {
      settleThrown();
      const hook = hookName(hookIndex, handle);
      const memo = memoOf(handle);
      memo.argumentsFresh = false;
      memo.openHooks ??= [];
      memo.openHooks.push(hook);
      push({ type: 'hook-start', seq: ++seq, request: requestOf(handle, hook, memo), hook });
    },
    calloutStart(hookIndex, libraryIndex, callout: Callout, handle) {
      settleThrown();
      const hook = hookName(hookIndex, handle);
      const memo = memoOf(handle);
      const entry: RunningCallout = {
        slot: events.length,
        seq: ++seq,
        request: requestOf(handle, hook, memo),
        hook,
        library: libraryIndex,
        callout: callout.name || '(anonymous)',
        statusBefore: handle.getStatus(),
        argumentsBefore: !reuse
          ? snapshotArguments(handle, serialize)
          : memo.argumentsFresh && memo.hook === hookIndex && memo.arguments
            ? memo.arguments
            : snapshotArguments(handle, serialize, memo.arguments, namesOf(memo)),
        // Not simply the library's last "after": an object kept in context may have changed
        // since (snapshotLibraryContext looks again unless every value is a primitive).
        contextBefore: reuse
          ? contextOf(handle, memo, libraryIndex)
          : snapshotContext(handle, serialize),
        startedMs: now(),
      };
      events.push(undefined);
      running.push(entry);
    },
    calloutEnd(hookIndex, libraryIndex, _callout, handle, outcome) {
      const endedMs = now();
      settleThrown();
      const entry = running.pop();
      if (!entry) return;
      const memo = memoOf(handle);
      const argumentsAfter = reuse
        ? snapshotArguments(handle, serialize, entry.argumentsBefore, namesOf(memo))
        : snapshotArguments(handle, serialize);
      const contextAfter = reuse
        ? contextOf(handle, memo, libraryIndex)
        : snapshotContext(handle, serialize);
      memo.arguments = argumentsAfter;
      memo.argumentsFresh = true;
      memo.hook = hookIndex;
      const statusAfter = handle.getStatus();
      const thrown = 'thrown' in outcome && outcome.thrown !== undefined;
      // unchanged pairs are shared between events (a trace holds thousands): read-only
      const status = thrown
        ? { before: entry.statusBefore, after: statusAfter }
        : statusPair(entry.statusBefore, statusAfter);
      const args = samePair(memo.argumentsPair, entry.argumentsBefore, argumentsAfter);
      memo.argumentsPair = args;
      const contexts = memo.contexts?.get(libraryIndex);
      const context = samePair(contexts?.pair, entry.contextBefore, contextAfter);
      if (contexts !== undefined) contexts.pair = context;
      const durationNs = Math.max(0, Math.round((endedMs - entry.startedMs) * 1e6));
      // `returned` always present (undefined when none), so every event has one shape; `thrown`
      // is rare and added after
      const event: CalloutEvent = {
        type: 'callout',
        seq: entry.seq,
        request: entry.request,
        hook: entry.hook,
        library: entry.library,
        callout: entry.callout,
        status,
        arguments: args,
        context,
        durationNs,
        returned: thrown ? undefined : outcome.returned,
      };
      if (thrown) {
        event.thrown = thrownOf((outcome as { thrown: unknown }).thrown);
        threw = { event, handle };
      }
      events[entry.slot] = event;
    },
    hookEnd(hookIndex, handle) {
      settleThrown();
      const memo = memoOf(handle);
      const hook = memo.openHooks?.pop() ?? hookName(hookIndex, handle);
      memo.argumentsFresh = false;
      push({
        type: 'hook-end',
        seq: ++seq,
        request: requestOf(handle, hook, memo),
        hook,
        status: handle.getStatus(),
      });
    },
    hookWithoutCallouts(hook, handle) {
      const request = handle
        ? requestOf(handle, hook)
        : (attach().request ?? requests.implicit(hook));
      push({ type: 'hook-start', seq: ++seq, request, hook });
      push({ type: 'hook-end', seq: ++seq, request, hook, status: 0 });
    },

    log(record) {
      const event: TraceEvent = {
        type: 'log',
        seq: ++seq,
        ...attach(),
        severity: record.severity,
        logger: record.logger,
        id: record.id,
        args: [...record.args],
        text: record.text,
      };
      if (record.debuglevel !== undefined) event.debuglevel = record.debuglevel;
      push(event);
    },
    park(hook, handle) {
      const where = attach();
      if (handle && where.callout === undefined) where.request = requestOf(handle, hook);
      push({ type: 'park', seq: ++seq, ...where, hook });
    },
    unpark(hook, handle) {
      const where = attach();
      if (handle && where.callout === undefined) where.request = requestOf(handle, hook);
      push({ type: 'unpark', seq: ++seq, ...where, hook });
    },
    command(command, commandArguments) {
      const event: TraceEvent = { type: 'command', seq: ++seq, ...attach(), command };
      if (commandArguments !== undefined) event.arguments = toJsonValue(commandArguments);
      push(event);
    },
    response(response) {
      let view: JsonValue;
      if (response instanceof Uint8Array) view = { hex: toHex(response) };
      else {
        view =
          (packetViews ? packetViews.peek(response) : packetJsonView(response)) ??
          toJsonValue(response);
      }
      push({ type: 'response', seq: ++seq, ...attach(), response: view });
    },
    fileWrite(path, mode, data) {
      push({ type: 'file-write', seq: ++seq, ...attach(), path, mode, data });
    },
    drop(reason) {
      push({ type: 'drop', seq: ++seq, ...attach(), reason });
    },
    takeEvents() {
      settleThrown();
      const out: TraceEvent[] = [];
      while (taken < events.length) {
        const event = events[taken];
        if (event === undefined) break;
        out.push(event);
        taken += 1;
      }
      return out;
    },
    getTrace() {
      settleThrown();
      return {
        format: TRACE_FORMAT,
        version: TRACE_VERSION,
        source: { ...source },
        server: options.server,
        libraries: libraries.map((library) => ({ ...library })),
        requests: requests.list(),
        events: events.filter((event): event is TraceEvent => event !== undefined),
      };
    },
  };
}
