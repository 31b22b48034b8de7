import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOOKS_MESSAGES } from '../src/hooksMessages';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, '..', 'src');
const catalogueText = readFileSync(join(srcDir, 'hooksMessages.ts'), 'utf8');
const otherSources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && f !== 'hooksMessages.ts' && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(srcDir, f), 'utf8'))
  .join('\n');
const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
const ids = Object.keys(HOOKS_MESSAGES);

describe('log message catalogue', () => {
  it('every id is unique and a Kea HOOKS_ id', () => {
    const declared = [...catalogueText.matchAll(/^ {2}(HOOKS_[A-Z_]+):/gm)].map((m) => m[1]);
    expect(declared).toEqual(ids);
    expect(new Set(declared).size).toBe(declared.length);
    for (const id of ids) expect(id).toMatch(/^HOOKS_[A-Z_]+$/);
  });

  it('every id is used by the engine', () => {
    const unused = ids.filter((id) => !otherSources.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('every id is documented in the README with its text and meaning', () => {
    for (const [id, message] of Object.entries(HOOKS_MESSAGES)) {
      expect(readme).toContain(`| \`${id}\` | ${message.logger} |`);
      expect(readme).toContain(message.text);
      expect(message.explanation.length).toBeGreaterThan(10);
    }
  });

  it('templates number their arguments from %1 without gaps', () => {
    for (const message of Object.values(HOOKS_MESSAGES)) {
      const numbers = [...message.text.matchAll(/%(\d+)/g)].map((m) => Number(m[1]));
      const highest = Math.max(0, ...numbers);
      for (let n = 1; n <= highest; n++) expect(numbers).toContain(n);
    }
  });

  it('debug messages carry a level, others none', () => {
    for (const message of Object.values(HOOKS_MESSAGES)) {
      expect('debuglevel' in message).toBe(message.severity === 'DEBUG');
    }
  });
});
