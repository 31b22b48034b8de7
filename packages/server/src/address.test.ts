import { describe, expect, it } from 'vitest';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './address';

describe('addresses', () => {
  it('parses and formats IPv4', () => {
    expect(parseIpv4('192.0.2.100')).toBe(0xc0000264);
    expect(parseIpv4(' 10.0.1.0 ')).toBe(0x0a000100);
    expect(formatIpv4(0xc0000264)).toBe('192.0.2.100');
    for (const bad of [
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1..2.3',
      'a.b.c.d',
      '',
      '1.2.3.4x',
      '1 2.3.4.5',
    ]) {
      expect(parseIpv4(bad), bad).toBeUndefined();
    }
  });

  it('parses and formats IPv6 as RFC 5952 text', () => {
    const v = parseIpv6('2001:0db8:0000:0000:0000:0000:0000:0100');
    expect(v).toBe(parseIpv6('2001:db8::100'));
    expect(formatIpv6(v ?? 0n)).toBe('2001:db8::100');
    expect(formatIpv6(parseIpv6('2001:db8:8000::') ?? 0n)).toBe('2001:db8:8000::');
    expect(formatIpv6(parseIpv6('::ffff:192.0.2.1') ?? 0n)).toBe('::ffff:c000:201');
    expect(parseIpv6('1::2::3')).toBeUndefined();
  });

  it('reads every place of the :: gap and rejects what is not an address', () => {
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('1::')).toBe(1n << 112n);
    expect(parseIpv6('1:2:3:4:5:6:7::')).toBe(parseIpv6('1:2:3:4:5:6:7:0'));
    expect(parseIpv6('::2:3:4:5:6:7:8')).toBe(parseIpv6('0:2:3:4:5:6:7:8'));
    expect(parseIpv6('FFFF::ABCD')).toBe((0xffffn << 112n) | 0xabcdn);
    expect(parseIpv6(' 2001:db8::1 ')).toBe(parseIpv6('2001:db8::1'));
    for (const bad of [
      '',
      ':',
      ':::',
      ':1::',
      '1:',
      '1::2:',
      '12345::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '::1:2:3:4:5:6:7:8',
      'g::1',
    ]) {
      expect(parseIpv6(bad), bad).toBeUndefined();
    }
  });
});
