import { useId } from 'react';
import type { LoadProgress } from './traceProtocol';
import { useDebugger } from './useDebugger';

const STAGES: Record<LoadProgress['stage'], string> = {
  reading: 'Reading the trace',
  parsing: 'Checking the trace',
  indexing: 'Indexing the trace',
};

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** What opening a trace is doing (the worker reads, checks and indexes it), and a way out. */
export function TraceLoading() {
  const loading = useDebugger((s) => s.loading);
  const actions = useDebugger((s) => s.actions);
  const labelId = useId();
  if (!loading) return undefined;
  const { stage, loaded, total } = loading;
  const bytes =
    loaded !== undefined && total !== undefined
      ? ` (${megabytes(loaded)} of ${megabytes(total)} MB)`
      : '';
  const label = `${STAGES[stage]}…${bytes}`;
  return (
    <div className="trace-loading" data-testid="trace-loading">
      <span id={labelId}>{label}</span>
      {/* Reading has a measure; checking and indexing are one step each (no value). */}
      <progress
        aria-labelledby={labelId}
        max={stage === 'reading' ? (total ?? 1) : undefined}
        value={stage === 'reading' ? (loaded ?? 0) : undefined}
      />
      <button type="button" onClick={actions.cancelLoad}>
        Cancel opening
      </button>
    </div>
  );
}
