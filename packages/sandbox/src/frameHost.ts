/**
 * The script of the sandboxed iframe, and the iframe's document.
 *
 * Why an iframe: a worker shares its creator's origin, so a worker started by the page could
 * read the studio's IndexedDB and call home. The iframe has `sandbox="allow-scripts"` (an opaque
 * origin: no storage of ours) and a CSP with no network; it creates the worker from a blob URL,
 * which inherits that CSP. The iframe's own thread stays free while the worker runs, so it
 * enforces the time budget by terminating the worker.
 */

/** The Content-Security-Policy of the iframe and so of its worker. */
export const SANDBOX_CSP = [
  "default-src 'none'",
  // inline: this host script; eval: the worker evaluates compiled libraries; blob: the worker
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  "connect-src 'none'",
  "img-src 'none'",
  "style-src 'none'",
  "font-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Runs inside the iframe. It is serialised with `toString()`, so it must not refer to anything
 * outside its own body (no imports, no module constants).
 */
export function frameHostMain(): void {
  type Run = { runId: number; request: { budgetMs?: number } };
  type Current = Run & { timer: ReturnType<typeof setTimeout> | undefined };
  let channel = '';
  let workerUrl: string | undefined;
  let worker: Worker | undefined;
  // The budget starts when the worker has booted, not when it was created: a cold start on a
  // busy machine must not eat a library's time.
  let workerReady = false;
  let current: Current | undefined;
  const post = (message: object) => window.parent.postMessage({ ...message, channel }, '*');
  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
    workerReady = false;
  };
  const fail = (kind: string, message: string) => {
    if (!current) return;
    clearTimeout(current.timer);
    post({ type: 'sandbox/failed', runId: current.runId, failure: { kind, message } });
    current = undefined;
  };
  const dispatch = () => {
    if (!current || !worker || !workerReady || current.timer !== undefined) return;
    const budget = Number(current.request.budgetMs) > 0 ? Number(current.request.budgetMs) : 2000;
    current.timer = setTimeout(() => {
      stopWorker();
      fail(
        'budget',
        `the run took longer than its budget of ${budget} ms and was stopped (an endless loop in a callout?)`,
      );
    }, budget);
    worker.postMessage({ type: 'sandbox/run', runId: current.runId, request: current.request });
  };
  const startWorker = (url: string) => {
    // Classic, not module: Chromium refuses module workers from a blob in an opaque origin.
    // The worker bundle is one self-contained script, so nothing needs `import`.
    const w = new Worker(url, { name: 'hookscope-sandbox' });
    w.onmessage = (event: MessageEvent) => {
      const m = event.data as { type: string; runId: number };
      if (m.type === 'sandbox/worker-ready') {
        workerReady = true;
        dispatch();
        return;
      }
      if (!current || m.runId !== current.runId) return;
      if (m.type === 'sandbox/done') {
        clearTimeout(current.timer);
        current = undefined;
      }
      post(m);
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stopWorker();
      fail('crash', event.message || 'the sandbox worker crashed (out of memory?)');
    };
    return w;
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const m = event.data as {
      type?: string;
      channel?: string;
      workerSource?: string;
      runId?: number;
      request?: { budgetMs?: number };
    };
    if (m.type === 'sandbox/init' && typeof m.workerSource === 'string') {
      channel = String(m.channel);
      workerUrl = URL.createObjectURL(new Blob([m.workerSource], { type: 'text/javascript' }));
      post({ type: 'sandbox/ready' });
      return;
    }
    if (m.type !== 'sandbox/run' || m.channel !== channel || !workerUrl) return;
    if (current) {
      // A new run supersedes the old one; the old one may be a runaway, so start afresh.
      if (current.timer !== undefined) stopWorker();
      fail('cancelled', 'superseded by a newer run');
    }
    worker ??= startWorker(workerUrl);
    current = { runId: Number(m.runId), request: m.request ?? {}, timer: undefined };
    dispatch();
  });
}

/** The iframe's whole document (for `srcdoc`). */
export function createSandboxSrcdoc(): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    `<script>(${frameHostMain.toString()})();</script>`,
    '</head><body></body></html>',
  ].join('');
}
