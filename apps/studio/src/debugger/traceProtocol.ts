import type {
  Breakpoint,
  CalloutDetail,
  TraceColumns,
  TraceDifference,
  TraceDocument,
} from '@hookscope/trace';

// The messages between the page and the trace host (trace.worker.ts, or the same host in the
// page where no worker can start). The host keeps each trace and its index; the page gets only
// what it draws: the columns once, a callout's detail when the inspector asks.

/** A trace to open: one recorded on the page, or a file to read (and check) first. */
export type TraceInput = TraceDocument | { file: Blob };

/** How far opening has come; `loaded`/`total` are bytes while reading a file. */
export interface LoadProgress {
  stage: 'reading' | 'parsing' | 'indexing';
  loaded?: number;
  total?: number;
}

/** A trace the host holds: its id there, and the columns the page draws and steps with. */
export interface OpenedTrace {
  id: number;
  columns: TraceColumns;
}

export type OpenResult = { ok: true; trace: OpenedTrace } | { ok: false; error: string };

export type TraceCall =
  | { kind: 'open'; input: TraceInput }
  | { kind: 'detail'; trace: number; position: number }
  | {
      kind: 'run-to-breakpoint';
      trace: number;
      position: number;
      breakpoints: readonly Breakpoint[];
      direction: 'forward' | 'backward';
    }
  | { kind: 'compare'; a: number; b: number }
  | { kind: 'export'; trace: number }
  | { kind: 'close'; trace: number };

/** What each call answers. */
export interface TraceCallResults {
  open: OpenResult;
  detail: CalloutDetail;
  'run-to-breakpoint': number | undefined;
  compare: TraceDifference | undefined;
  /** The trace's JSON text (`writeTrace`, indented), as a Blob: posted without a copy. */
  export: Blob;
  close: undefined;
}

export interface TraceRequestMessage {
  id: number;
  call: TraceCall;
}

export type TraceReplyMessage =
  | { id: number; progress: LoadProgress }
  | { id: number; ok: true; value: TraceCallResults[TraceCall['kind']] }
  | { id: number; ok: false; error: string };
