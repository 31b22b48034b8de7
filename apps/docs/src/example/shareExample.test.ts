import { describe, expect, it } from 'vitest';
import type { Example } from './example';
import { decodeExample, encodeExample } from './shareExample';

const EXAMPLE: Example = {
  id: 'e',
  title: 'An example with ünïcode',
  family: 'dhcp6',
  keaVersion: '2.6.1',
  config: '{ "Dhcp6": {} }\n',
  libraries: [{ path: '/a.so', source: 'export const x = "+/=";\n' }],
  packets: 'solicit 02:00:00:00:00:01\n',
  expect: { hooks: ['pkt6_receive'], libraries: ['/a.so'] },
};

describe('encodeExample / decodeExample', () => {
  it('round-trips an example through URL-safe text', () => {
    const text = encodeExample(EXAMPLE);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeExample(text)).toEqual(EXAMPLE);
  });

  it('gives undefined for damaged or foreign text', () => {
    expect(decodeExample('not-an-example')).toBeUndefined();
    expect(decodeExample(encodeExample(EXAMPLE).slice(0, 20))).toBeUndefined();
  });
});
