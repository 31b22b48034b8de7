// The docs site's Vite plugin: pre-renders every Markdown page to HTML next to the studio's
// build (dist/docs/*.html), and serves the same pages from the dev server. The renderer is
// TypeScript that imports our workspace packages (the server's hook point list), which Node
// cannot load from Vite's bundled config, so it is loaded through tsx.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { buildSite as BuildSite, SiteAssets } from '../src/build/buildSite';

/** The docs' client script: a second entry of the root Vite build. */
export const DOCS_ENTRY = resolve(import.meta.dirname, '../src/client/main.tsx');
const DOCS_STYLE = resolve(import.meta.dirname, '../src/client/docs.css');
const DOCS_SOURCES = resolve(import.meta.dirname, '..');

async function loadBuildSite(): Promise<typeof BuildSite> {
  const { tsImport } = await import('tsx/esm/api');
  const module = (await tsImport(
    resolve(import.meta.dirname, '../src/build/buildSite.ts'),
    import.meta.url,
  )) as { buildSite: typeof BuildSite };
  return module.buildSite;
}

export function docsPlugin(): Plugin {
  return {
    name: 'hookscope-docs',
    async generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === DOCS_ENTRY,
      );
      if (!entry) this.error('the docs entry (apps/docs/src/client/main.tsx) is not in the build');
      this.emitFile({
        type: 'asset',
        fileName: 'docs/docs.css',
        source: readFileSync(DOCS_STYLE, 'utf8'),
      });
      const assets: SiteAssets = { script: `../${entry.fileName}`, style: 'docs.css' };
      const buildSite = await loadBuildSite();
      for (const file of buildSite(assets).files) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
      }
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '').split(/[?#]/)[0] ?? '';
        const match = /^\/docs\/(?:([\w-]+)\.(html|json)|)$/.exec(url);
        if (!match) return next();
        try {
          const assets: SiteAssets = {
            script: `/@fs${DOCS_ENTRY}`,
            style: `/@fs${DOCS_STYLE}`,
          };
          const buildSite = await loadBuildSite();
          const name = match[1] ? `docs/${match[1]}.${match[2]}` : 'docs/index.html';
          const file = buildSite(assets).files.find((f) => f.fileName === name);
          if (!file) return next();
          const isHtml = name.endsWith('.html');
          res.setHeader('Content-Type', isHtml ? 'text/html' : 'application/json');
          res.end(isHtml ? await server.transformIndexHtml(url, file.source) : file.source);
        } catch (error) {
          next(error);
        }
      });
      // Editing a page reloads the browser; the renderer reads the pages on every request.
      server.watcher.add(resolve(DOCS_SOURCES, 'pages'));
    },
  };
}
