import { describe, expect, it } from 'vitest';
import { ExampleSyntaxError, parseExample } from './parseExample';

const TEXT = `id: two
title: Two libraries
family: dhcp6
expect-hooks: pkt6_receive, pkt6_send
expect-libraries: /a.so, /b.so
--- config
{ "Dhcp6": {} }

--- library /a.so
export const a = 1;
--- library /b.so
export const b = 2;
--- packets
solicit 02:00:00:00:00:01
`;

describe('parseExample', () => {
  it('reads headers and sections, trimming blank ends', () => {
    const example = parseExample(TEXT);
    expect(example).toMatchObject({
      id: 'two',
      title: 'Two libraries',
      family: 'dhcp6',
      keaVersion: '3.3.1',
      config: '{ "Dhcp6": {} }\n',
      packets: 'solicit 02:00:00:00:00:01\n',
      expect: { hooks: ['pkt6_receive', 'pkt6_send'], libraries: ['/a.so', '/b.so'] },
    });
    expect(example.libraries).toEqual([
      { path: '/a.so', source: 'export const a = 1;\n' },
      { path: '/b.so', source: 'export const b = 2;\n' },
    ]);
  });

  it('reads "(none)" as an empty expectation and no expectation as undefined', () => {
    const none = parseExample('id: x\nexpect-hooks: (none)\n--- config\n{}\n--- packets\n');
    expect(none.expect).toEqual({ hooks: [], libraries: [] });
    expect(parseExample('id: x\n--- config\n{}\n--- packets\n').expect).toBeUndefined();
  });

  it('refuses an example without id, config or packets, or with a bad header', () => {
    expect(() => parseExample('--- config\n{}\n--- packets\n')).toThrow(ExampleSyntaxError);
    expect(() => parseExample('id: x\n--- packets\n')).toThrow(/no "--- config"/);
    expect(() => parseExample('id: x\n--- config\n{}\n')).toThrow(/no "--- packets"/);
    expect(() => parseExample('id x\n--- config\n{}\n--- packets\n')).toThrow(/key: value/);
    expect(() => parseExample('id: x\nfamily: dhcp5\n--- config\n{}\n--- packets\n')).toThrow(
      /family/,
    );
  });
});
