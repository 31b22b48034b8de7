import { escapeHtml } from './escapeHtml';
import { loadPages, type PageSource } from './loadPages';
import { type RenderedMarkdown, renderMarkdown } from './renderMarkdown';

/** Where the page's script and style live, relative to a page in docs/. */
export interface SiteAssets {
  script: string;
  style: string;
  /** Extra tags for <head> (the dev server's client). */
  head?: string;
}

export interface SearchEntry {
  slug: string;
  title: string;
  headings: { id: string; text: string }[];
  text: string;
}

export interface SiteFile {
  /** Relative to the output folder, e.g. "docs/tutorial.html". */
  fileName: string;
  source: string;
}

export interface Site {
  files: SiteFile[];
  pages: { slug: string; title: string; examples: string[] }[];
}

/**
 * Renders every docs page to a complete HTML document (navigation, search box, content with
 * live examples in their static form), plus `docs/search-index.json` and `docs/embed.html`
 * (the iframe route). Reads the pages from disk; otherwise pure.
 */
export function buildSite(assets: SiteAssets, pages: PageSource[] = loadPages()): Site {
  const rendered = pages.map((p) => ({ page: p, out: renderMarkdown(p.markdown) }));
  const files: SiteFile[] = rendered.map(({ page, out }) => ({
    fileName: `docs/${page.slug}.html`,
    source: renderDocument(page, out, pages, assets),
  }));
  const search: SearchEntry[] = rendered.map(({ page, out }) => ({
    slug: page.slug,
    title: page.title,
    headings: out.headings.filter((h) => h.depth > 1).map(({ id, text }) => ({ id, text })),
    text: out.text,
  }));
  files.push({ fileName: 'docs/search-index.json', source: JSON.stringify(search) });
  files.push({ fileName: 'docs/embed.html', source: renderEmbedDocument(assets) });
  return {
    files,
    pages: rendered.map(({ page, out }) => ({
      slug: page.slug,
      title: page.title,
      examples: out.examples.map((e) => e.id),
    })),
  };
}

function renderDocument(
  page: PageSource,
  out: RenderedMarkdown,
  pages: PageSource[],
  assets: SiteAssets,
): string {
  const nav = pages
    .map((p) => {
      const current = p.slug === page.slug ? ' aria-current="page"' : '';
      return `<li><a href="${p.slug}.html"${current}>${escapeHtml(p.title)}</a></li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${escapeHtml(page.title)} · hookscope docs</title>
<link rel="icon" type="image/svg+xml" href="../favicon.svg" />
<link rel="stylesheet" href="${assets.style}" />
${assets.head ?? ''}<script type="module" src="${assets.script}"></script>
</head>
<body data-page="${escapeHtml(page.slug)}">
<header class="site-header">
<a class="brand" href="index.html">hookscope <span>docs</span></a>
<div class="search" role="search"><label for="docs-search">Search the docs</label><input id="docs-search" type="search" placeholder="Search the docs" autocomplete="off" /><ul class="search-results" aria-label="Search results" hidden></ul></div>
<a class="studio-link" href="../index.html">Open the studio</a>
</header>
<div class="layout">
<nav class="site-nav" aria-label="Docs pages"><ul>${nav}</ul></nav>
<main class="content">
${out.html}
</main>
</div>
</body>
</html>
`;
}

function renderEmbedDocument(assets: SiteAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>hookscope example</title>
<link rel="icon" type="image/svg+xml" href="../favicon.svg" />
<link rel="stylesheet" href="${assets.style}" />
${assets.head ?? ''}<script type="module" src="${assets.script}"></script>
</head>
<body class="embed" data-page="embed">
<main class="content embed-content"><p class="needs-js">This hookscope example needs JavaScript.</p></main>
</body>
</html>
`;
}
