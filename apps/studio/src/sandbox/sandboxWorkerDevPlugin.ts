// Build tooling, used by vite.config.ts only (never imported by the app).
//
// In `vite dev`, a worker URL points at a module that imports other modules from the dev
// server. The sandbox starts its worker from a blob inside an opaque-origin iframe, as a
// classic script with no network: such a worker cannot load those imports. So in dev this
// plugin bundles the sandbox worker into one self-contained script (as `vite build` does) and
// serves it at SANDBOX_WORKER_DEV_PATH; main.tsx uses that URL in dev.
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

export const SANDBOX_WORKER_DEV_PATH = '/@hookscope/sandbox-worker.js';

export function sandboxWorkerDevPlugin(): Plugin {
  let bundle: Promise<string> | undefined;
  const bundleWorker = async () => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: resolve(import.meta.dirname, 'sandbox.worker.ts'),
          formats: ['iife'],
          name: 'hookscopeSandboxWorker',
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
    if (chunk?.type !== 'chunk') throw new Error('the sandbox worker bundle is empty');
    return chunk.code;
  };
  return {
    name: 'hookscope-sandbox-worker-dev',
    apply: 'serve',
    configureServer(server) {
      // Rebundle after any source change under packages/ or the worker's folder.
      server.watcher.on('change', () => {
        bundle = undefined;
      });
      server.middlewares.use(SANDBOX_WORKER_DEV_PATH, (_req, res, next) => {
        bundle ??= bundleWorker();
        bundle.then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(code);
          },
          (error: unknown) => {
            bundle = undefined;
            next(error);
          },
        );
      });
    },
  };
}
