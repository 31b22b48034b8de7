// `pnpm bench bundle`: builds the studio and measures what a first visit downloads: the entry
// script and every chunk it imports statically, gzipped. Monaco, the config validator and the
// sandbox worker load later and are reported apart. Budget (issue 6): initial JS < 300 KB gz.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_KB = 300;
const root = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'hookscope-bundle-'));
const started = performance.now();
await build({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'silent',
  build: { outDir, emptyOutDir: true },
});
const buildMs = performance.now() - started;

const assets = join(outDir, 'assets');
const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\.\/assets\/([^"]+\.js)"/g)].map(
  (m) => m[1] ?? '',
);

// Follow static imports only (`import … from "./x.js"`, not `import("./x.js")`).
const initial = new Set<string>();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.pop() ?? '';
  if (initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(join(assets, file), 'utf8');
  for (const m of code.matchAll(/\bimport\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    if (m[1]) queue.push(m[1]);
  }
}
const files = readdirSync(assets);
const initialGz = [...initial].reduce((sum, f) => sum + gz(f), 0);
const sumGz = (pattern: RegExp) =>
  files.filter((f) => pattern.test(f)).reduce((s, f) => s + gz(f), 0);
const sandboxWorker = files.find((f) => f.startsWith('sandbox.worker'));
// The sandbox worker runs as a classic script from a blob: it must be one self-contained file.
// Bundlers hoist imports to the top and put exports at the end (strings inside may say "import").
const workerCode = sandboxWorker ? readFileSync(join(assets, sandboxWorker), 'utf8') : '';
const workerSelfContained =
  sandboxWorker !== undefined &&
  !/^\s*import[\s{*"']/.test(workerCode) &&
  !/export\s*\{[^}]*\}\s*;?\s*$/.test(workerCode);
const kb = (n: number) => Math.round(n / 102.4) / 10;
const figures = {
  bench: 'studio-bundle',
  initialJsGzipKB: kb(initialGz),
  initialFiles: initial.size,
  budgetKB: BUDGET_KB,
  monacoGzipKB: kb(sumGz(/^(MonacoEditor|editor\.api)-/)),
  sandboxWorkerGzipKB: sandboxWorker ? kb(gz(sandboxWorker)) : 0,
  sandboxWorkerSelfContained: workerSelfContained,
  buildMs: Math.round(buildMs),
};
rmSync(outDir, { recursive: true, force: true });
console.log(JSON.stringify(figures));
console.log(
  `studio first load: ${figures.initialJsGzipKB} KB of JS gzipped in ${figures.initialFiles} file(s) ` +
    `(budget ${BUDGET_KB} KB); Monaco ${figures.monacoGzipKB} KB and the sandbox worker ` +
    `${figures.sandboxWorkerGzipKB} KB load later`,
);
if (figures.initialJsGzipKB > BUDGET_KB || !workerSelfContained) process.exit(1);
