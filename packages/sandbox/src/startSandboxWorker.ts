import type { FrameToWorker, RunRequest, WorkerToFrame } from './protocol';
import { runWorkspace } from './runWorkspace';
import type { SandboxRuntime } from './sandboxRuntime';

/** The worker side of the channel: the worker's global scope, reduced to what we use. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerToFrame): void;
}

/**
 * Makes `scope` (a worker's `self`) answer run requests: each run gets a fresh runtime from
 * `createRuntime` (its own virtual files and library instances), is played by `runWorkspace`,
 * its results posted as batches, then `sandbox/done` with the summary.
 */
export function startSandboxWorker(
  scope: WorkerScope,
  createRuntime: (request: RunRequest) => SandboxRuntime,
): void {
  scope.onmessage = (event: MessageEvent) => {
    const message = event.data as FrameToWorker;
    if (message?.type !== 'sandbox/run') return;
    const { runId, request } = message;
    let runtime: SandboxRuntime;
    try {
      runtime = createRuntime(request);
    } catch (error) {
      const failure = { kind: 'crash' as const, message: `sandbox runtime: ${String(error)}` };
      scope.postMessage({
        type: 'sandbox/done',
        runId,
        summary: { configure: undefined, files: [], failure, durationMs: 0 },
      });
      return;
    }
    const summary = runWorkspace(request, runtime, {
      onBatch: (batch) => scope.postMessage({ type: 'sandbox/batch', runId, batch }),
    });
    scope.postMessage({ type: 'sandbox/done', runId, summary });
  };
  scope.postMessage({ type: 'sandbox/worker-ready' });
}
