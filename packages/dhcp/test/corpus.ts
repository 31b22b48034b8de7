// Finding ../shared/corpora from the repository root (where pnpm-workspace.yaml is).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('pnpm-workspace.yaml not found above the tests');
    dir = up;
  }
  return dir;
}

export const ROOT = repoRoot();
export const CORPUS_PCAP = resolve(ROOT, '../shared/corpora/pcap');
export const corpusExists = existsSync(CORPUS_PCAP);
if (!corpusExists) console.warn(`corpus not found at ${CORPUS_PCAP}: corpus tests are skipped`);

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Every capture under the corpus, as paths relative to CORPUS_PCAP, sorted. */
export function corpusCaptures(): string[] {
  if (!corpusExists) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.pcap(ng)?$/.test(name)) out.push(p.slice(CORPUS_PCAP.length + 1));
    }
  };
  walk(CORPUS_PCAP);
  return out;
}
