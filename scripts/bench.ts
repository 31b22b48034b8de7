// `pnpm bench`: runs every benchmark file (packages/*/bench/*.bench.ts, apps/*/bench/*.bench.ts)
// in its own process, so one benchmark's JIT state and garbage never skew the next.
// Each benchmark prints its figures as one JSON line and one line a person can read;
// this runner also writes them all to bench-results/latest.json.
// `pnpm bench engine` runs only the files whose path contains "engine".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2];
const files: string[] = [];
for (const top of ['packages', 'apps']) {
  for (const name of readdirSync(top)) {
    const dir = join(top, name, 'bench');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.bench.ts')) files.push(join(dir, f));
    }
  }
}
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
const results: unknown[] = [];
let failures = 0;
for (const file of chosen) {
  console.log(`\n# ${file}`);
  const r = spawnSync('pnpm', ['exec', 'tsx', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) failures += 1;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('{')) {
      try {
        results.push(JSON.parse(line));
      } catch {
        // a readable line that happens to start with a brace
      }
    }
  }
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${chosen.length} benchmark files, ${failures} failed; figures in bench-results/latest.json`,
);
process.exit(failures ? 1 : 0);
