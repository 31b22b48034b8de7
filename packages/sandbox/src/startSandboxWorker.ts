import type { FrameToWorker, WorkerToFrame } from './protocol';
import { runWorkspace } from './runWorkspace';
import type { SandboxRuntime } from './sandboxRuntime';

/** The worker side of the channel: the worker's global scope, reduced to what we use. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerToFrame): void;
}

/**
 * Makes `scope` (a worker's `self`) answer run requests: each run is played by `runWorkspace`,
 * its results posted as batches, then `sandbox/done` with the summary. The runtime is created
 * lazily on the first run so a bad runtime import shows as a run failure, not a dead worker.
 */
export function startSandboxWorker(scope: WorkerScope, createRuntime: () => SandboxRuntime): void {
  let runtime: SandboxRuntime | undefined;
  scope.onmessage = (event: MessageEvent) => {
    const message = event.data as FrameToWorker;
    if (message?.type !== 'sandbox/run') return;
    const { runId, request } = message;
    runtime ??= createRuntime();
    const summary = runWorkspace(request, runtime, {
      onBatch: (batch) => scope.postMessage({ type: 'sandbox/batch', runId, batch }),
    });
    scope.postMessage({ type: 'sandbox/done', runId, summary });
  };
}
