// The docs' client: live examples, the search box, and the iframe route (embed.html).
import builtWorkerUrl from '../../../studio/src/sandbox/sandbox.worker?worker&url';
import { decodeExample } from '../example/shareExample';
import { mountEmbed, mountExamples } from './mountExamples';
import { setupSearch } from './setupSearch';

// In dev the worker module cannot run from a blob: the studio's dev plugin serves it bundled.
const workerUrl = import.meta.env.DEV ? '/@hookscope/sandbox-worker.js' : builtWorkerUrl;

const urls = {
  workerUrl,
  studioUrl: new URL('../index.html', location.href).href,
  embedUrl: new URL('embed.html', location.href).href,
};

if (document.body.dataset.page === 'embed') {
  const host = document.querySelector<HTMLElement>('main');
  const payload = new URLSearchParams(location.hash.slice(1)).get('example');
  const example = payload ? decodeExample(payload) : undefined;
  if (host && example) mountEmbed(host, example, urls);
  else if (host) host.textContent = 'This link does not hold a hookscope example.';
} else {
  mountExamples(document, urls);
  const input = document.querySelector<HTMLInputElement>('#docs-search');
  const list = document.querySelector<HTMLUListElement>('.search-results');
  if (input && list) setupSearch(input, list, new URL('search-index.json', location.href).href);
}
