import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { generateHookPointPage } from '../hookPoints/generateHookPointPages';

export interface PageSource {
  slug: string;
  title: string;
  order: number;
  markdown: string;
}

/** The docs' hand-written pages folder (apps/docs/pages). */
export const PAGES_DIR = resolve(import.meta.dirname, '../../pages');

/**
 * Every page: the Markdown files of `dir` (front matter `title:` and `order:` between `---`
 * lines) and the generated hook point pages, sorted by order. Reads the disk.
 * @throws Error when a page has no title.
 */
export function loadPages(dir = PAGES_DIR): PageSource[] {
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readPage(basename(f, '.md'), readFileSync(resolve(dir, f), 'utf8')));
  pages.push(readPage('hooks-dhcp4', generateHookPointPage('dhcp4')));
  pages.push(readPage('hooks-dhcp6', generateHookPointPage('dhcp6')));
  return pages.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

export function readPage(slug: string, text: string): PageSource {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text.replace(/\r\n?/g, '\n'));
  const meta = new Map<string, string>();
  for (const line of (match?.[1] ?? '').split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) meta.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  const title = meta.get('title');
  if (!title) throw new Error(`docs page ${slug} has no "title:" in its front matter`);
  return {
    slug,
    title,
    order: Number(meta.get('order') ?? 50),
    markdown: match ? text.replace(/\r\n?/g, '\n').slice(match[0].length) : text,
  };
}
