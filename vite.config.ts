import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { DOCS_ENTRY, docsPlugin } from './apps/docs/vite/docsPlugin';
import { sandboxWorkerDevPlugin } from './apps/studio/src/sandbox/sandboxWorkerDevPlugin';

// One Vite config for the static apps: the studio at /, the docs (apps/docs) at /docs/.
// Everything is bundled: the studio must work offline, with no CDN.
export default defineConfig({
  root: resolve(import.meta.dirname, 'apps/studio'),
  publicDir: resolve(import.meta.dirname, 'public'),
  base: './',
  plugins: [react(), sandboxWorkerDevPlugin(), docsPlugin()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The docs (apps/docs) build next to the studio: its pages are emitted as dist/docs/*.html.
    rolldownOptions: {
      input: { main: resolve(import.meta.dirname, 'apps/studio/index.html'), docs: DOCS_ENTRY },
      // Callout names come from Function.name (a callout registered in load() has no other
      // name), and so do error names: the minifier must not rename them.
      output: { keepNames: true },
    },
  },
  worker: { format: 'es', rolldownOptions: { output: { keepNames: true } } },
  server: { port: 5173 },
  preview: { port: 4179, strictPort: true },
});
