// Copies the fields the docs show from the project's hook point reference
// (../shared/reference/hook-points.json beside the repository) into
// src/hookPoints/hookPoints.json, so the docs build needs nothing outside the repository.
// Run: pnpm exec tsx apps/docs/scripts/extractHookPoints.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Argument {
  name: string;
  type: string;
  mode: string;
}
interface HookPoint {
  name: string;
  when: string;
  order: number | null;
  arguments: Argument[];
  skip: string | null;
  drop: string | null;
  park: string | null;
  since: string;
  messageTypes?: string[];
}

const root = resolve(import.meta.dirname, '../../..');
const source = resolve(root, '../shared/reference/hook-points.json');
const reference = JSON.parse(readFileSync(source, 'utf8')) as {
  keaVersion: string;
  servers: Record<string, HookPoint[]>;
};
const out: Record<string, HookPoint[]> = {};
for (const [family, points] of Object.entries(reference.servers)) {
  out[family] = points.map((p) => ({
    name: p.name,
    when: p.when,
    order: p.order,
    arguments: p.arguments.map((a) => ({ name: a.name, type: a.type, mode: a.mode })),
    skip: p.skip,
    drop: p.drop,
    park: p.park,
    since: p.since,
    messageTypes: p.messageTypes ?? [],
  }));
}
const target = resolve(import.meta.dirname, '../src/hookPoints/hookPoints.json');
writeFileSync(
  target,
  `${JSON.stringify({ keaVersion: reference.keaVersion, servers: out }, null, 2)}\n`,
);
// In the repository's format, so `biome check .` stays clean.
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', target], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`wrote ${target}`);
