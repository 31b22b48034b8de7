import type { Example } from '../example/example';
import { encodeExample } from '../example/shareExample';

/** The iframe route's URL for an example: `embed.html#example=…`. Pure. */
export function getEmbedUrl(example: Example, embedPage: string): string {
  return `${embedPage}#example=${encodeExample(example)}`;
}

/** Copy-paste HTML that shows the example on another site. Pure. */
export function getEmbedSnippet(example: Example, embedPage: string): string {
  const title = example.title.replaceAll('"', '&quot;');
  return `<iframe src="${getEmbedUrl(example, embedPage)}" title="hookscope example: ${title}" width="100%" height="640" style="border:1px solid #ccc;border-radius:6px" loading="lazy"></iframe>`;
}
