import { createRoot } from 'react-dom/client';
import type { Example } from '../example/example';
import { LiveExample } from './LiveExample';

export interface EmbedUrls {
  workerUrl: string;
  studioUrl: string;
  embedUrl: string;
}

/**
 * Turns every `figure.live-example` of the page into a live embed. Each is rendered at once
 * (so its sources are editable) but runs only once it comes near the viewport: a page with
 * thirty examples starts thirty sandboxes only if the reader scrolls through all of them.
 */
export function mountExamples(root: ParentNode, urls: EmbedUrls): void {
  const figures = [...root.querySelectorAll<HTMLElement>('figure.live-example')];
  const starters = new Map<Element, () => void>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        starters.get(entry.target)?.();
        starters.delete(entry.target);
        observer.unobserve(entry.target);
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const figure of figures) {
    const example = JSON.parse(figure.dataset.example ?? 'null') as Example | null;
    if (!example) continue;
    const host = document.createElement('div');
    host.className = 'live-host';
    figure.querySelector('.example-static')?.replaceWith(host);
    const reactRoot = createRoot(host);
    const render = (active: boolean) =>
      reactRoot.render(<LiveExample example={example} active={active} {...urls} />);
    render(false);
    starters.set(figure, () => render(true));
    observer.observe(figure);
  }
}

/** The iframe route: one example, from the page's `#example=…`, running at once. */
export function mountEmbed(host: HTMLElement, example: Example, urls: EmbedUrls): void {
  const figure = document.createElement('figure');
  figure.className = 'live-example';
  figure.innerHTML = '<figcaption></figcaption><div></div>';
  const caption = figure.querySelector('figcaption');
  if (caption) caption.textContent = example.title;
  host.replaceChildren(figure);
  const target = figure.querySelector('div');
  if (target) createRoot(target).render(<LiveExample example={example} active {...urls} />);
}
