import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One Vite config for the static apps (studio now; docs joins as a second input).
// Everything is bundled: the studio must work offline, with no CDN.
export default defineConfig({
  root: resolve(import.meta.dirname, 'apps/studio'),
  publicDir: resolve(import.meta.dirname, 'public'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4179, strictPort: true },
});
