import type { Breakpoint, CalloutDetail, TraceDifference } from '@hookscope/trace';
import { createTraceHost } from './createTraceHost';
import type {
  LoadProgress,
  OpenResult,
  TraceCall,
  TraceCallResults,
  TraceInput,
  TraceReplyMessage,
  TraceRequestMessage,
} from './traceProtocol';

/** The page's side of the trace host: every call is a message, every answer a promise. */
export interface TraceService {
  open(input: TraceInput, onProgress?: (progress: LoadProgress) => void): Promise<OpenResult>;
  /** A callout's detail (snapshots, diffs, logs); recent answers are kept. */
  detail(trace: number, position: number): Promise<CalloutDetail>;
  runToBreakpoint(
    trace: number,
    position: number,
    breakpoints: readonly Breakpoint[],
    direction: 'forward' | 'backward',
  ): Promise<number | undefined>;
  compare(a: number, b: number): Promise<TraceDifference | undefined>;
  exportBlob(trace: number): Promise<Blob>;
  /** Frees the trace in the host; answers still on their way for it are dropped. */
  close(trace: number): void;
}

/** Where the messages go: a worker, or the host in this thread. */
export interface TracePort {
  post(message: TraceRequestMessage): void;
}
export type PortFactory = (onReply: (message: TraceReplyMessage) => void) => TracePort;

/** The host in this thread (unit tests, Node, a page where the worker cannot start). */
export const inPagePort: PortFactory = (onReply) => {
  const host = createTraceHost(onReply);
  return { post: (message) => void host.handle(message) };
};

/** The host in trace.worker.ts; when the worker cannot start, the host in the page. */
export const workerPort: PortFactory = (onReply) => {
  if (typeof Worker === 'undefined') return inPagePort(onReply);
  let fallback: TracePort | undefined;
  const unanswered = new Map<number, TraceRequestMessage>();
  const worker = new Worker(new URL('./trace.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hookscope-trace',
  });
  worker.addEventListener('message', (event: MessageEvent<TraceReplyMessage>) => {
    if (!('progress' in event.data)) unanswered.delete(event.data.id);
    onReply(event.data);
  });
  // A worker that fails to load (a page opened from a strange place): the same host in the
  // page answers instead, and what was asked is asked again.
  worker.addEventListener('error', () => {
    if (fallback) return;
    fallback = inPagePort(onReply);
    worker.terminate();
    for (const message of unanswered.values()) fallback.post(message);
  });
  return {
    post(message) {
      if (fallback) return fallback.post(message);
      unanswered.set(message.id, message);
      worker.postMessage(message);
    },
  };
};

const DETAILS_KEPT = 64;

export function createTraceService(makePort: PortFactory = workerPort): TraceService {
  type Pending = {
    resolve: (value: TraceCallResults[TraceCall['kind']]) => void;
    reject: (error: Error) => void;
    onProgress: ((progress: LoadProgress) => void) | undefined;
  };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const port = makePort((message) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if ('progress' in message) {
      waiting.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  });
  function call<K extends TraceCall['kind']>(
    request: Extract<TraceCall, { kind: K }>,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<TraceCallResults[K]> {
    const id = nextId++;
    return new Promise<TraceCallResults[K]>((resolve, reject) => {
      pending.set(id, {
        resolve: resolve as (value: TraceCallResults[TraceCall['kind']]) => void,
        reject,
        onProgress,
      });
      port.post({ id, call: request });
    });
  }
  const details = new Map<string, Promise<CalloutDetail>>();
  return {
    open: (input, onProgress) => call({ kind: 'open', input }, onProgress),
    detail(trace, position) {
      const key = `${trace}:${position}`;
      let answer = details.get(key);
      if (answer) {
        // Most recently used last: the oldest goes first.
        details.delete(key);
      } else {
        answer = call({ kind: 'detail', trace, position });
        answer.catch(() => details.delete(key));
      }
      details.set(key, answer);
      if (details.size > DETAILS_KEPT) details.delete(details.keys().next().value as string);
      return answer;
    },
    runToBreakpoint: (trace, position, breakpoints, direction) =>
      call({ kind: 'run-to-breakpoint', trace, position, breakpoints, direction }),
    compare: (a, b) => call({ kind: 'compare', a, b }),
    exportBlob: (trace) => call({ kind: 'export', trace }),
    close(trace) {
      for (const key of [...details.keys()]) {
        if (key.startsWith(`${trace}:`)) details.delete(key);
      }
      void call({ kind: 'close', trace });
    },
  };
}

let shared: TraceService | undefined;

/** One host for every debugger on the page (a docs page may hold several). */
export function getTraceService(): TraceService {
  shared ??= createTraceService();
  return shared;
}
