import { encodeTraceV2 } from './traceFileV2';
import type { TraceDocument } from './types';

export interface WriteTraceOptions {
  /** Spaces of indentation; default 0 (one line, the smallest file). */
  indent?: number;
  /**
   * File version: 2 (default) writes each snapshot once in a `snapshots` table; 1 writes every
   * snapshot in place, for readers that only know version 1.
   */
  version?: 1 | 2;
}

/**
 * Writes a trace as JSON text that `readTrace` turns back into an equal document. `undefined`
 * fields are left out, as JSON has no such value; no other change is made.
 */
export function writeTrace(trace: TraceDocument, options: WriteTraceOptions = {}): string {
  const value = options.version === 1 ? trace : encodeTraceV2(trace);
  return `${JSON.stringify(value, undefined, options.indent ?? 0)}\n`;
}
