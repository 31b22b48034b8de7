import type { SearchEntry } from '../build/buildSite';

export interface SearchHit {
  href: string;
  title: string;
  section: string | undefined;
  score: number;
}

/**
 * Ranks pages for a query: every word must occur in the page; words in the title or a heading
 * weigh more than words in the text. The best heading match gives the hit's anchor. Pure.
 */
export function searchDocs(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    const title = entry.title.toLowerCase();
    const text = entry.text.toLowerCase();
    let score = 0;
    let missing = false;
    let best: { id: string; text: string; score: number } | undefined;
    for (const word of words) {
      const inTitle = title.includes(word);
      const inText = text.includes(word);
      const headings = entry.headings.filter((h) => h.text.toLowerCase().includes(word));
      if (!inTitle && !inText && headings.length === 0) {
        missing = true;
        break;
      }
      score += (inTitle ? 10 : 0) + (headings.length ? 5 : 0) + (inText ? 1 : 0);
      for (const h of headings) {
        const s = (best?.id === h.id ? best.score : 0) + 1;
        if (!best || s >= best.score) best = { id: h.id, text: h.text, score: s };
      }
    }
    if (missing) continue;
    hits.push({
      href: `${entry.slug}.html${best ? `#${best.id}` : ''}`,
      title: entry.title,
      section: best?.text,
      score,
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}

/** Wires the header's search box to the prebuilt index (fetched on first focus). */
export function setupSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  indexUrl: string,
): void {
  let index: Promise<SearchEntry[]> | undefined;
  const load = () => {
    index ??= fetch(indexUrl).then((r) => r.json() as Promise<SearchEntry[]>);
    return index;
  };
  input.addEventListener('focus', () => void load());
  input.addEventListener('input', async () => {
    const hits = searchDocs(await load(), input.value);
    list.replaceChildren(
      ...hits.map((hit) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = hit.href;
        a.textContent = hit.section ? `${hit.title} › ${hit.section}` : hit.title;
        li.append(a);
        return li;
      }),
    );
    if (hits.length === 0 && input.value.trim() !== '') {
      const li = document.createElement('li');
      li.textContent = 'No page matches.';
      list.append(li);
    }
    list.hidden = input.value.trim() === '';
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      list.hidden = true;
    }
  });
}
