// pnpm bench config: parse + validate a generated ~5 MB Dhcp4 config (10,000 subnets, 20
// hooks libraries), then re-validate after one-character edits through the incremental path.
// Anchor: kea-dhcp4 -t checks a 6 MB config with 10,000 subnets in about 1.5 s here.
import { loadavg } from 'node:os';
import { createConfigDocument } from '../src/createConfigDocument';
import { createConfigValidator } from '../src/createConfigValidator';
import { generateDhcp4Config } from './generateDhcp4Config';

const SUBNETS = 10_000;
const LIBRARIES = 20;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const text = generateDhcp4Config(SUBNETS, LIBRARIES);
const validator = createConfigValidator();
validator.validate(text); // compile the schemas and warm the JIT

const full: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const result = validator.validate(text);
  full.push(performance.now() - start);
  if (!result.ok) throw new Error(`generated config rejected: ${result.errors[0]?.message}`);
}

const document = createConfigDocument(validator, text);
const incremental: number[] = [];
let fellBack = 0;
for (let i = 0; i < RUNS * 3; i++) {
  // Change one digit of a renew-timer somewhere in the middle (1000 → 1001 → 1002 …).
  const at = document.text.indexOf('"renew-timer": 100', Math.floor(document.text.length / 2)) + 18;
  const start = performance.now();
  const result = document.update({ offset: at, length: 1, text: String(i % 10) });
  incremental.push(performance.now() - start);
  if (document.lastUpdate !== 'incremental') fellBack++;
  if (!result.ok) throw new Error(`edit broke the config: ${result.errors[0]?.message}`);
}

const figures = {
  bench: 'config-validate',
  bytes: text.length,
  subnets: SUBNETS,
  libraries: LIBRARIES,
  fullMedianMs: Number(median(full).toFixed(1)),
  fullMinMs: Number(Math.min(...full).toFixed(1)),
  incrementalMedianMs: Number(median(incremental).toFixed(1)),
  incrementalMinMs: Number(Math.min(...incremental).toFixed(1)),
  incrementalFallbacks: fellBack,
  targetFullMs: 300,
  targetIncrementalMs: 50,
  loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
};
console.log(JSON.stringify(figures));
console.log(
  `config validate: ${(text.length / 1e6).toFixed(1)} MB, ${SUBNETS} subnets: full ${figures.fullMedianMs} ms (target < 300), one-character edit ${figures.incrementalMedianMs} ms (target < 50); load average ${figures.loadAverage}`,
);
