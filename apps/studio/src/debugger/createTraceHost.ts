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

// A file is read in slices of this size, progress told after each (a 60 MB file: 8 slices).
// Bigger slices read faster; smaller ones move the bar more often.
const SLICE_BYTES = 8 * 1024 * 1024;

/** Reads a file's text slice by slice, telling how many bytes are in. */
export async function readText(
  file: Blob,
  tell: (progress: LoadProgress) => void,
): Promise<string> {
  const total = file.size;
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let loaded = 0; loaded < total; ) {
    tell({ stage: 'reading', loaded, total });
    const end = Math.min(total, loaded + SLICE_BYTES);
    // `stream: true`: a character cut at the slice's end is finished by the next slice.
    parts.push(decoder.decode(await file.slice(loaded, end).arrayBuffer(), { stream: true }));
    loaded = end;
  }
  parts.push(decoder.decode());
  return parts.join('');
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
    if ('file' in input) {
      const text = await readText(input.file, tell);
      tell({ stage: 'parsing' });
      const result = readTrace(text);
      if (!result.ok) return { value: { ok: false, error: result.error } };
      trace = result.trace;
      tell({ stage: 'indexing' });
    } else {
      trace = input;
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
