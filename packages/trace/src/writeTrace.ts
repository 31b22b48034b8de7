import type { TraceDocument } from './types';

export interface WriteTraceOptions {
  /** Spaces of indentation; default 0 (one line, the smallest file). */
  indent?: number;
}

/**
 * Writes a trace as JSON text that `readTrace` turns back into an equal document. `undefined`
 * fields are left out, as JSON has no such value; no other change is made.
 */
export function writeTrace(trace: TraceDocument, options: WriteTraceOptions = {}): string {
  return `${JSON.stringify(trace, undefined, options.indent ?? 0)}\n`;
}
