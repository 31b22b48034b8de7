import {
  createSandboxSrcdoc,
  type FrameToPage,
  isFrameToPage,
  type PageToFrame,
  type RunBatch,
  type RunRequest,
  type RunSummary,
} from '@hookscope/sandbox';

/** How long past its budget the page waits for the iframe before removing it. */
const WATCHDOG_GRACE_MS = 5000;

export interface SandboxClient {
  /**
   * Runs `request` in the sandbox. Batches arrive through `onBatch` as the worker produces them.
   * Resolves with the summary; a run over budget, crashed or superseded resolves with a failure
   * in the summary. Rejects only when `signal` aborts.
   */
  run(
    request: RunRequest,
    onBatch: (batch: RunBatch) => void,
    signal?: AbortSignal,
  ): Promise<RunSummary>;
  /** Removes the iframe and its listener; a later `run` sets them up again. */
  dispose(): void;
}

/**
 * The page's end of the sandbox: a hidden `sandbox="allow-scripts"` iframe (opaque origin) that
 * starts the worker from source the page fetched. If the iframe itself stops answering, a
 * watchdog removes it and the next run makes a new one, so the page never waits forever.
 */
export function createSandboxClient(options: {
  workerUrl: string;
  host?: HTMLElement;
}): SandboxClient {
  const channel = crypto.randomUUID();
  let frame: HTMLIFrameElement | undefined;
  let ready: Promise<void> | undefined;
  let workerSource: Promise<string> | undefined;
  let nextRunId = 1;
  const listeners = new Map<number, (message: FrameToPage) => void>();

  const onMessage = (event: MessageEvent) => {
    if (!frame || event.source !== frame.contentWindow) return;
    if (!isFrameToPage(event.data, channel)) return;
    const m = event.data;
    if (m.type === 'sandbox/ready') return;
    listeners.get(m.runId)?.(m);
  };
  let listening = false;

  const removeFrame = () => {
    frame?.remove();
    frame = undefined;
    ready = undefined;
  };
  const ensureFrame = (): Promise<void> => {
    if (!listening) {
      window.addEventListener('message', onMessage);
      listening = true;
    }
    if (ready) return ready;
    workerSource ??= fetch(options.workerUrl).then((r) => {
      if (!r.ok) throw new Error(`cannot load the sandbox worker (${r.status})`);
      return r.text();
    });
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-scripts');
    f.setAttribute('aria-hidden', 'true');
    f.tabIndex = -1;
    f.title = 'hookscope sandbox';
    f.style.display = 'none';
    f.srcdoc = createSandboxSrcdoc();
    frame = f;
    const source = workerSource;
    ready = new Promise<void>((resolve, reject) => {
      const onReady = (event: MessageEvent) => {
        if (event.source !== f.contentWindow || !isFrameToPage(event.data, channel)) return;
        if (event.data.type !== 'sandbox/ready') return;
        window.removeEventListener('message', onReady);
        resolve();
      };
      window.addEventListener('message', onReady);
      f.addEventListener('load', () => {
        source.then(
          (text) => post({ type: 'sandbox/init', channel, workerSource: text }),
          (error: unknown) => reject(error),
        );
      });
    });
    (options.host ?? document.body).append(f);
    return ready;
  };
  const post = (message: PageToFrame) => frame?.contentWindow?.postMessage(message, '*');

  return {
    async run(request, onBatch, signal) {
      await ensureFrame();
      const runId = nextRunId++;
      return new Promise<RunSummary>((resolve, reject) => {
        const finish = () => {
          listeners.delete(runId);
          clearTimeout(watchdog);
          signal?.removeEventListener('abort', onAbort);
        };
        const watchdog = setTimeout(() => {
          finish();
          removeFrame();
          resolve({
            configure: undefined,
            files: [],
            durationMs: request.budgetMs + WATCHDOG_GRACE_MS,
            failure: { kind: 'budget', message: 'the sandbox stopped answering and was restarted' },
          });
        }, request.budgetMs + WATCHDOG_GRACE_MS);
        const onAbort = () => {
          finish();
          reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
        };
        signal?.addEventListener('abort', onAbort);
        listeners.set(runId, (m) => {
          if (m.type === 'sandbox/batch') onBatch(m.batch);
          else if (m.type === 'sandbox/done') {
            finish();
            resolve(m.summary);
          } else if (m.type === 'sandbox/failed') {
            finish();
            resolve({ configure: undefined, files: [], durationMs: 0, failure: m.failure });
          }
        });
        post({ type: 'sandbox/run', channel, runId, request });
      });
    },
    // Not final: a later run starts afresh (React's StrictMode and HMR unmount and remount).
    dispose() {
      window.removeEventListener('message', onMessage);
      listening = false;
      removeFrame();
    },
  };
}
