#!/usr/bin/env node
// Runs every suite (lint, types, unit, e2e), then prints one closing line
// "N passed, M failed" that sums them, as CI reads it. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
mkdirSync('test-results', { recursive: true });

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name, ok) {
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

check('lint and format (biome)', run('pnpm', ['exec', 'biome', 'check', '.']) === 0);
check('types (tsc)', run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.json', '--noEmit']) === 0);

const unitStatus = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  lines.push(`unit (vitest): ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  if (unitStatus !== 0 && unit.numFailedTests === 0) check('unit (vitest) run', false);
} else {
  check('unit (vitest) report', false);
}

const haveE2e =
  existsSync('e2e') && spawnSync('sh', ['-c', 'ls e2e/*.spec.ts >/dev/null 2>&1']).status === 0;
if (haveE2e) {
  const browser = run('bash', ['scripts/ensure-chromium.sh']);
  const build = browser === 0 ? run('pnpm', ['run', 'build']) : 1;
  if (build !== 0) {
    check('e2e prerequisites (chromium, build)', false);
  } else {
    const e2eStatus = run('pnpm', ['exec', 'playwright', 'test']);
    const report = readJson('test-results/e2e-report.json');
    if (report?.stats) {
      const s = report.stats;
      const failed = s.unexpected + (s.flaky ?? 0);
      totals.passed += s.expected;
      totals.failed += failed;
      totals.skipped += s.skipped ?? 0;
      lines.push(`e2e (playwright): ${s.expected} passed, ${failed} failed`);
      if (e2eStatus !== 0 && failed === 0) check('e2e (playwright) run', false);
    } else {
      check('e2e (playwright) report', false);
    }
  }
}

console.log(`\n${lines.join('\n')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
