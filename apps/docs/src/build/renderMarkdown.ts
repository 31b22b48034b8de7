import { Marked, type Tokens } from 'marked';
import type { Example } from '../example/example';
import { parseExample } from '../example/parseExample';
import { escapeHtml, slugify } from './escapeHtml';

export interface RenderedMarkdown {
  html: string;
  headings: { depth: number; id: string; text: string }[];
  examples: Example[];
  /** The page's text without markup, for the search index. */
  text: string;
}

/**
 * Markdown to HTML with marked. A fenced block with the info string `example` becomes a live
 * example: a `<figure class="live-example">` holding the example as JSON (for the embed) and
 * its config, libraries and packets as plain code (readable without JavaScript).
 * @throws ExampleSyntaxError or Error (a duplicate example id) from a bad example block.
 */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const headings: RenderedMarkdown['headings'] = [];
  const examples: Example[] = [];
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(
        this: { parser: { parseInline(tokens: Tokens.Generic[]): string } },
        token: Tokens.Heading,
      ) {
        const inner = this.parser.parseInline(token.tokens);
        const id = slugify(token.text);
        headings.push({ depth: token.depth, id, text: token.text.replace(/`/g, '') });
        return `<h${token.depth} id="${id}"><a class="anchor" href="#${id}">${inner}</a></h${token.depth}>\n`;
      },
      code(token: Tokens.Code) {
        if (token.lang !== 'example') return false;
        const example = parseExample(token.text);
        if (examples.some((e) => e.id === example.id)) {
          throw new Error(`two examples have the id ${example.id}`);
        }
        examples.push(example);
        return renderExampleFigure(example);
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  const text = html
    .replace(/<figure class="live-example"[\s\S]*?<\/figure>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { html, headings, examples, text };
}

/** The example's static form: what a reader without JavaScript sees, and what the embed replaces. */
export function renderExampleFigure(example: Example): string {
  const code = (label: string, body: string, open = false) =>
    `<details${open ? ' open' : ''}><summary>${escapeHtml(label)}</summary><pre><code>${escapeHtml(body)}</code></pre></details>`;
  const expect = example.expect
    ? `<p class="expect">Expected timeline: hooks <code>${escapeHtml(example.expect.hooks.join(' → ') || '(none)')}</code>; libraries <code>${escapeHtml(example.expect.libraries.join(', ') || '(none)')}</code>.</p>`
    : '';
  return [
    `<figure class="live-example" id="example-${escapeHtml(example.id)}" data-example-id="${escapeHtml(example.id)}" data-example="${escapeHtml(JSON.stringify(example))}">`,
    `<figcaption>${escapeHtml(example.title)}</figcaption>`,
    '<div class="example-static">',
    code('Config', example.config, true),
    ...example.libraries.map((l) => code(`Library ${l.path}`, l.source)),
    code('Packets', example.packets),
    expect,
    '<p class="needs-js">Running this example needs JavaScript.</p>',
    '</div>',
    '</figure>\n',
  ].join('');
}
