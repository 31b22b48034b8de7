import { describe, expect, it } from 'vitest';
import { buildDiscover } from '../src/build4';
import { allocBytes } from '../src/bytes';
import { unpack4 } from '../src/packet';

describe('allocBytes (packed packets share blocks)', () => {
  it('hands out zeroed, disjoint ranges, also across a new block', () => {
    const seen: Uint8Array[] = [];
    for (let i = 0; i < 400; i++) {
      const b = allocBytes(300);
      expect(b.length).toBe(300);
      expect(b.every((x) => x === 0)).toBe(true);
      b.fill(i & 255);
      seen.push(b);
    }
    seen.forEach((b, i) => {
      expect(b.every((x) => x === (i & 255))).toBe(true);
    });
    expect(allocBytes(10_000).byteOffset).toBe(0); // large ones get their own buffer
  });

  it('a packed packet stays as it was when others are packed after it', () => {
    const first = buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 1 }).pack();
    const copy = first.slice();
    for (let i = 2; i < 500; i++) buildDiscover({ hwaddr: '02:00:00:00:00:02', xid: i }).pack();
    expect(first).toEqual(copy);
    expect(unpack4(first).getHWAddr().toString()).toBe('02:00:00:00:00:01');
  });
});
