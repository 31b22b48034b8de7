import { describe, expect, it } from 'vitest';
import { parseAddress, parsePool, parsePrefix } from '../src/ipAddress';
import { LineIndex } from '../src/lineIndex';

describe('address parsing for the subnet checks', () => {
  it('reads IPv4 addresses, prefixes and pools', () => {
    expect(parseAddress('192.0.2.1', 4)).toBe(0xc0000201);
    for (const bad of ['192.0.2', '192.0.2.256', '1.2.3.4.5', '1..2.3', 'a.b.c.d', '1234.0.0.1']) {
      expect(parseAddress(bad, 4), bad).toBeUndefined();
    }
    expect(parsePrefix('192.0.2.77/24', 4)).toEqual({ first: 0xc0000200, last: 0xc00002ff });
    expect(parsePrefix('10.0.0.0/0', 4)).toEqual({ first: 0, last: 2 ** 32 - 1 });
    expect(parsePrefix('10.0.0.0/33', 4)).toBeUndefined();
    expect(parsePool(' 192.0.2.10 - 192.0.2.20 ', 4)).toEqual({
      first: 0xc000020a,
      last: 0xc0000214,
    });
  });

  it('reads IPv6 in every short form', () => {
    expect(parseAddress('::', 6)).toBe(0n);
    expect(parseAddress('::1', 6)).toBe(1n);
    expect(parseAddress('2001:db8::', 6)).toBe(0x20010db8n << 96n);
    expect(parseAddress('2001:DB8:0:0:0:0:0:1', 6)).toBe((0x20010db8n << 96n) | 1n);
    expect(parseAddress('::ffff:192.0.2.1', 6)).toBe((0xffffn << 32n) | 0xc0000201n);
    for (const bad of [
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      '2001:db8:::1',
      'g::1',
      '1:2:3:4:5:6:7',
    ]) {
      expect(parseAddress(bad, 6), bad).toBeUndefined();
    }
    const prefix = parsePrefix('2001:db8:1::/64', 6);
    expect(prefix?.last).toBe((0x20010db80001n << 80n) | ((1n << 64n) - 1n));
    expect(parsePool('2001:db8:1::10 - 2001:db8:1::ff', 6)).toEqual({
      first: (0x20010db80001n << 80n) | 0x10n,
      last: (0x20010db80001n << 80n) | 0xffn,
    });
  });

  it('turns offsets into 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2, offset: 4 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1, offset: 7 });
    expect(lines.offset(4, 2)).toBe(8);
    expect(lines.lineCount).toBe(4);
  });
});
