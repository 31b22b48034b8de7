import { describe, expect, it } from 'vitest';
import { readText } from './createTraceHost';
import type { LoadProgress } from './traceProtocol';

describe('readText', () => {
  it('reads a file in slices, a character cut between two slices whole, telling progress', async () => {
    // 'a' first: every two-byte 'é' after it straddles the 8 MiB slice boundaries.
    const text = `a${'é'.repeat(5_000_000)}`;
    const file = new Blob([text]);
    const told: LoadProgress[] = [];
    expect(await readText(file, (p) => told.push(p))).toBe(text);
    expect(told.map((p) => p.loaded)).toEqual([0, 8 * 1024 * 1024]);
    expect(told.every((p) => p.stage === 'reading' && p.total === file.size)).toBe(true);
  });
});
