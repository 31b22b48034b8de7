import {
  buildTraceIndex,
  compareTraces,
  getCalloutDetail,
  getTraceColumns,
  readTrace,
  runToBreakpoint,
  type TraceDocument,
  type TraceIndex,
  writeTrace,
} from '@hookscope/trace';
import type {
  LoadProgress,
  TraceCall,
  TraceCallResults,
  TraceInput,
  TraceReplyMessage,
  TraceRequestMessage,
} from './traceProtocol';

export type TraceReply = (message: TraceReplyMessage, transfer?: Transferable[]) => void;

// Progress while reading is told every this many bytes (a 60 MB file: about 30 messages).
const PROGRESS_BYTES = 2 * 1024 * 1024;

/** Reads a file's text chunk by chunk, telling how many bytes are in. */
async function readText(file: Blob, tell: (progress: LoadProgress) => void): Promise<string> {
  const total = file.size;
  tell({ stage: 'reading', loaded: 0, total });
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let loaded = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    loaded += value.byteLength;
    if (loaded - told >= PROGRESS_BYTES) {
      told = loaded;
      tell({ stage: 'reading', loaded, total });
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function isDocument(input: TraceInput): input is TraceDocument {
  return !('file' in input) && !('text' in input);
}

/**
 * The trace host: parses, checks and indexes traces, keeps them by id, and answers what the
 * debugger asks (columns, a callout's detail, run to a breakpoint, compare, export). It runs in
 * trace.worker.ts, so a 60 MB trace never blocks the page; where no worker can start (unit
 * tests, Node) the same host runs in the page.
 */
export function createTraceHost(reply: TraceReply) {
  const traces = new Map<number, TraceIndex>();
  let nextId = 1;
  const indexOf = (id: number): TraceIndex => {
    const index = traces.get(id);
    if (!index) throw new Error(`no open trace ${id}`);
    return index;
  };

  async function open(
    input: TraceInput,
    tell: (progress: LoadProgress) => void,
  ): Promise<{ value: TraceCallResults['open']; transfer?: Transferable[] }> {
    let trace: TraceDocument;
    if (isDocument(input)) {
      trace = input;
    } else {
      const text = 'file' in input ? await readText(input.file, tell) : input.text;
      tell({ stage: 'parsing' });
      const result = readTrace(text);
      if (!result.ok) return { value: { ok: false, error: result.error } };
      trace = result.trace;
      tell({ stage: 'indexing' });
    }
    const index = buildTraceIndex(trace);
    const id = nextId++;
    traces.set(id, index);
    const { columns, transfer } = getTraceColumns(index);
    return { value: { ok: true, trace: { id, columns } }, transfer };
  }

  async function answer(
    call: TraceCall,
    tell: (progress: LoadProgress) => void,
  ): Promise<{ value: TraceCallResults[TraceCall['kind']]; transfer?: Transferable[] }> {
    switch (call.kind) {
      case 'open':
        return open(call.input, tell);
      case 'detail':
        return { value: getCalloutDetail(indexOf(call.trace), call.position) };
      case 'run-to-breakpoint':
        return {
          value: runToBreakpoint(
            indexOf(call.trace),
            call.position,
            call.breakpoints,
            call.direction,
          ),
        };
      case 'compare':
        return { value: compareTraces(indexOf(call.a), indexOf(call.b)) };
      case 'export': {
        const text = writeTrace(indexOf(call.trace).trace, { indent: 2 });
        return { value: new Blob([text], { type: 'application/json' }) };
      }
      case 'close':
        traces.delete(call.trace);
        return { value: undefined };
    }
  }

  return {
    async handle({ id, call }: TraceRequestMessage): Promise<void> {
      try {
        const { value, transfer } = await answer(call, (progress) => reply({ id, progress }));
        reply({ id, ok: true, value }, transfer);
      } catch (error) {
        reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
