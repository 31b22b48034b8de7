// `pnpm bench trace-view`: the trace debugger in headless Chromium on a synthetic trace of
// 10,000 requests × 4 libraries (packages/trace's generator). Builds the studio into a temp
// folder, serves it with a tiny static server, imports the trace through the debugger's file
// input, and measures: the time to open it (file read, parse, index, first draw), and frame
// times (requestAnimationFrame deltas collected in the page) while scrolling the request list
// and while stepping (callouts and requests) from the keyboard. While the trace opens it also
// records the main thread's long tasks (PerformanceObserver 'longtask', > 50 ms), the frame
// deltas, whether progress was shown, and the main thread's busy time (CDP TaskDuration).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { createSyntheticTrace, writeTrace } from '@hookscope/trace';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const REQUESTS = Number(process.env.TRACE_VIEW_REQUESTS ?? 10_000);
const LIBRARIES = 4;
const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'hookscope-trace-view-'));
const outDir = join(work, 'dist');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent((request.url ?? '/').split(/[?#]/)[0] ?? '/'));
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = readFileSync(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const port = (server.address() as AddressInfo).port;

const tracePath = join(work, 'trace.json');
const traceText = writeTrace(createSyntheticTrace({ requests: REQUESTS, libraries: LIBRARIES }));
writeFileSync(tracePath, traceText);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
type Frames = {
  count: number;
  p50: number;
  p95: number;
  max: number;
  over50ms: number;
  /** Frames later than 1.5 × 16.7 ms: at least one frame was dropped. */
  dropped: number;
};
/** A long animation frame (> 50 ms), the script time in it, and the script that took most. */
type LongFrame = { duration: number; script: number; where: string };
const longestOf = (frames: LongFrame[]): LongFrame | undefined =>
  [...frames].sort((a, b) => b.duration - a.duration)[0];
// Long tasks and frame deltas from the page's start, kept in window.__bench (text: see below).
const PAGE_PROBES = `(() => {
  const bench = { longTasks: [], longFrames: [], frames: [], framing: false, progressSeen: false };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (> 50 ms) with the time scripts took in them: a long frame with
  // little script time was the machine (another process), not the page.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const scripts = e.scripts || [];
      const script = scripts.reduce((sum, s) => sum + s.duration, 0);
      const top = [...scripts].sort((a, b) => b.duration - a.duration)[0];
      const where = top ? top.invoker + ' (forced layout ' + Math.round(top.forcedStyleAndLayoutDuration) + ' ms)' : '';
      bench.longFrames.push({ duration: e.duration, script, where });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  let last = 0;
  const tick = (now) => {
    if (bench.framing) {
      if (last) bench.frames.push(now - last);
      last = now;
      if (document.querySelector('progress, [role="progressbar"]')) bench.progressSeen = true;
    } else last = 0;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PAGE_PROBES);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busySeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('button', { name: 'Open trace debugger' }).click();
  await page.getByLabel('Import a trace', { exact: true }).waitFor();
  await page.evaluate('new Promise((done) => setTimeout(done, 500))');

  const busyBefore = await busySeconds();
  const started = performance.now();
  await page.evaluate(
    'window.__bench.framing = true; window.__bench.openStart = performance.now(); window.__bench.longTasks.length = 0; window.__bench.longFrames.length = 0',
  );
  await page.getByLabel('Import a trace', { exact: true }).setInputFiles(tracePath);
  await page.getByText(`Requests (${REQUESTS})`).waitFor({ timeout: 60_000 });
  await page.getByTestId('debugger-position').getByText('callout 1 of').waitFor();
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => done(0)))');
  const openWallMs = performance.now() - started;
  const busyOpenMs = ((await busySeconds()) - busyBefore) * 1000;
  const inPageOpenMs = (await page.evaluate(
    "performance.measure('open', 'hookscope:trace-import', 'hookscope:trace-shown').duration",
  )) as number;
  // Long tasks are reported after they end: give the observer a moment.
  await page.evaluate('new Promise((done) => setTimeout(done, 200))');
  const during = (await page.evaluate(
    '(() => { const b = window.__bench; b.framing = false; return { longTasks: b.longTasks.map((t) => t.duration), longFrames: b.longFrames, frames: b.frames, progressSeen: b.progressSeen }; })()',
  )) as {
    longTasks: number[];
    longFrames: LongFrame[];
    frames: number[];
    progressSeen: boolean;
  };
  const openLongestFrame = longestOf(during.longFrames);

  // In-page code is passed as text: tsx would wrap functions in helpers the page lacks.
  const FRAME_LOOP = `(({ kind, frames }) => new Promise((done) => {
    const scroller = document.querySelector('[data-testid="request-scroller"]');
    const deltas = [];
    let last = performance.now();
    let i = 0;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (kind === 'scroll' && scroller) scroller.scrollTop += 400;
      if (kind === 'step') {
        const key = i % 5 === 4 ? 'r' : 'n';
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      if (++i < frames) requestAnimationFrame(tick);
      else done(deltas.slice(1));
    };
    requestAnimationFrame(tick);
  }))`;
  /** Runs `frames` animation frames, scrolling or stepping in each; returns the frame deltas. */
  const measure = (kind: 'scroll' | 'step', frames: number) =>
    page.evaluate(`${FRAME_LOOP}(${JSON.stringify({ kind, frames })})`) as Promise<number[]>;
  const summarise = (deltas: number[]): Frames => {
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) => Number((sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(2));
    return {
      count: deltas.length,
      p50: at(0.5),
      p95: at(0.95),
      max: at(1),
      over50ms: deltas.filter((d) => d > 50).length,
      dropped: deltas.filter((d) => d > 1.5 * 16.7).length,
    };
  };
  const openFrames = summarise(during.frames);
  await page.evaluate('document.activeElement?.blur()');
  // Frame deltas are wall time (other processes on the machine stretch them); the main
  // thread's busy time per frame (CDP TaskDuration) is the work this page did, per CPU.
  const measureBusy = async (kind: 'scroll' | 'step') => {
    await page.evaluate('window.__bench.longFrames.length = 0');
    const before = await busySeconds();
    const frames = summarise(await measure(kind, 240));
    const busyPerFrameMs = Number(((((await busySeconds()) - before) * 1000) / 240).toFixed(2));
    const longFrames = (await page.evaluate('window.__bench.longFrames')) as LongFrame[];
    /** Script time in the longest long animation frame (ms), or 0 when none was long. */
    const longest = longestOf(longFrames);
    return {
      ...frames,
      busyPerFrameMs,
      longAnimationFrames: longFrames.length,
      longestFrameScriptMs: Math.round(longest?.script ?? 0),
      longestFrameScript: longest?.where ?? '',
    };
  };
  const scroll = await measureBusy('scroll');
  const step = await measureBusy('step');
  const position = await page.getByTestId('debugger-position').textContent();

  const result = {
    bench: 'studio/trace-view',
    requests: REQUESTS,
    libraries: LIBRARIES,
    traceBytes: traceText.length,
    openWallMs: Math.round(openWallMs),
    openInPageMs: Math.round(inPageOpenMs),
    /** Main-thread busy time while opening (CDP TaskDuration), ms of one CPU. */
    openMainThreadBusyMs: Math.round(busyOpenMs),
    openLongTasks: during.longTasks.length,
    openLongestTaskMs: Math.round(Math.max(0, ...during.longTasks)),
    /** Script time inside the longest long animation frame while opening (0: none was long). */
    openLongestFrameScriptMs: Math.round(openLongestFrame?.script ?? 0),
    openLongestFrameScript: openLongestFrame?.where ?? '',
    openFrames,
    progressShown: during.progressSeen,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
    scrollFrames: scroll,
    stepFrames: step,
  };
  console.log(JSON.stringify(result));
  console.log(
    `trace view (${REQUESTS} requests × ${LIBRARIES} libraries, ${(traceText.length / 1e6).toFixed(1)} MB): ` +
      `open ${result.openWallMs} ms (${result.openInPageMs} ms in page, main thread busy ${result.openMainThreadBusyMs} ms, ` +
      `${result.openLongTasks} long tasks, longest ${result.openLongestTaskMs} ms, frame max ${openFrames.max} ms ` +
      `(script in it ${result.openLongestFrameScriptMs} ms), ` +
      `progress ${result.progressShown ? 'shown' : 'not shown'}); ` +
      `scroll frames p50 ${scroll.p50} ms, p95 ${scroll.p95} ms, max ${scroll.max} ms, ${scroll.dropped} dropped, ` +
      `main thread ${scroll.busyPerFrameMs} ms/frame, longest frame's script ${scroll.longestFrameScriptMs} ms; ` +
      `step frames p50 ${step.p50} ms, p95 ${step.p95} ms, max ${step.max} ms, ${step.dropped} dropped, ` +
      `main thread ${step.busyPerFrameMs} ms/frame, longest frame's script ${step.longestFrameScriptMs} ms ` +
      `(ended at ${position}; load average ${result.loadAverage})`,
  );
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
