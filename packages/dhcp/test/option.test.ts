import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv6ToBytes, ipv6ToText, toHex } from '../src/bytes';
import { createOption4, createOption6 } from '../src/createOption';
import { DhcpParseError } from '../src/dhcpParseError';
import { Option } from '../src/option';
import { getOptionDefinition, getOptionDefinitionByName } from '../src/optionDefinitions';

describe('option definitions', () => {
  it("use Kea's names, types and spaces", () => {
    expect(getOptionDefinition('dhcp4', 53)?.name).toBe('dhcp-message-type');
    expect(getOptionDefinition('dhcp4', 6)).toMatchObject({
      name: 'domain-name-servers',
      type: 'ipv4-address',
      array: true,
    });
    expect(getOptionDefinition('dhcp4', 82)?.encapsulate).toBe('dhcp-agent-options-space');
    expect(getOptionDefinition('dhcp-agent-options-space', 2)?.name).toBe('remote-id');
    expect(getOptionDefinition('dhcp6', 3)).toMatchObject({
      name: 'ia-na',
      fields: ['uint32', 'uint32', 'uint32'],
    });
    expect(getOptionDefinitionByName('status-code', 'dhcp6')?.code).toBe(13);
    expect(getOptionDefinition('vendor-4491', 32, 'v6')?.name).toBe('tftp-servers');
  });
});

describe('Option values', () => {
  it('decode and encode each data type', () => {
    const cases: [Option, unknown][] = [
      [createOption4('routers', ['192.0.2.1', '192.0.2.2']), ['192.0.2.1', '192.0.2.2']],
      [createOption4('time-offset', -3600), -3600],
      [createOption4('ip-forwarding', true), true],
      [
        createOption4('domain-search', ['example.com.', 'a.example.org.']),
        ['example.com.', 'a.example.org.'],
      ],
      [
        createOption4('slp-directory-agent', [true, '192.0.2.1', '192.0.2.2']),
        [true, '192.0.2.1', '192.0.2.2'],
      ],
      [createOption6('dns-servers', ['2001:db8::1']), ['2001:db8::1']],
      [createOption6('pd-exclude', '2001:db8:0:1::/64'), '2001:db8:0:1::/64'],
      [createOption6('bootfile-param', ['a', 'bc']), ['a', 'bc']],
      [createOption6('vendor-class', [4491, 'docsis3.0']), [4491, 'docsis3.0']],
      [createOption6('client-fqdn', [1, 'host.example.com.']), [1, 'host.example.com.']],
      [createOption6('client-fqdn', [0, 'host']), [0, 'host']],
      [createOption4(200, '01:02'), '01:02'],
    ];
    for (const [opt, value] of cases) {
      expect(opt.getValue()).toEqual(value);
      const again = new Option(opt.universe, opt.code, opt.getData(), opt.space);
      expect(again.getValue()).toEqual(value);
    }
    expect(createOption4('fqdn', [0, 0, 0, 'host.example']).getValue()).toEqual([
      0,
      0,
      0,
      'host.example',
    ]);
    expect(createOption4('fqdn', [4, 0, 0, 'host.example.']).getValue()).toEqual([
      4,
      0,
      0,
      'host.example.',
    ]);
  });

  it('raise DhcpParseError with the offset for bytes that do not fit', () => {
    const bad = new Option('v4', 51, new Uint8Array([1, 2, 3]));
    expect(() => bad.getValue()).toThrow(DhcpParseError);
    expect(() => bad.getValue()).toThrow(/expected uint32/);
    expect(bad.toText()).toContain('malformed');
    expect(() => createOption4('dhcp-lease-time', 'soon')).toThrow(TypeError);
    expect(() => createOption4('no-such-option', 1)).toThrow(TypeError);
  });

  it('vendor-specific options (125) track their data-len as sub-options change', () => {
    const vivso = createOption4('vivso-suboptions', 4491, [
      createOption4(2, ['192.0.2.1'], [], 'vendor-4491'),
    ]);
    expect(toHex(vivso.toBytes())).toBe('7d:0b:00:00:11:8b:06:02:04:c0:00:02:01');
    vivso.addOption(createOption4(1, [2], [], 'vendor-4491'));
    const again = new Option('v4', 125, vivso.toBytes().subarray(2));
    expect(again.getValue()).toBe(4491);
    expect(again.getOptions().map((s) => [s.getName(), s.getValue()])).toEqual([
      ['tftp-servers', ['192.0.2.1']],
      ['oro', [2]],
    ]);
  });

  it('sub-option edits reach the wire; delOption removes them', () => {
    const ia = createOption6(
      'ia-na',
      [7, 100, 200],
      [createOption6('iaaddr', ['2001:db8::5', 300, 400])],
    );
    ia.getOption(5)!.setValue(['2001:db8::6', 300, 400]);
    ia.addOption(createOption6('status-code', [2, 'NoAddrsAvail']));
    let again = new Option('v6', 3, ia.toBytes().subarray(4));
    expect(again.getOptions().map((o) => o.getName())).toEqual(['iaaddr', 'status-code']);
    expect(again.getOption(5)!.getValue()).toEqual(['2001:db8::6', 300, 400]);
    expect(ia.delOption(5)).toBe(true);
    again = new Option('v6', 3, ia.toBytes().subarray(4));
    expect(again.getOptions().map((o) => o.code)).toEqual([13]);
  });
});

describe('addresses', () => {
  it('print IPv6 as RFC 5952 says and parse it back', () => {
    for (const [text, norm] of [
      ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
      ['::', '::'],
      ['fe80::1:0:0:1', 'fe80::1:0:0:1'],
      ['2001:db8:0:1:0:0:0:0', '2001:db8:0:1::'],
      ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ] as const) {
      expect(ipv6ToText(ipv6ToBytes(text), 0)).toBe(norm);
    }
    for (const bad of [
      '1::2::3',
      ':1::',
      '1:',
      ':::',
      '1:2:3:4:5:6:7',
      '12345::',
      '1:2:3:4:5:6:7::8',
    ]) {
      expect(() => ipv6ToBytes(bad)).toThrow(TypeError);
    }
  });

  it('round-trip any 16 bytes through IPv6 text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean(), (b, sparse) => {
        const bytes = sparse ? b.map((x, i) => (i % 4 < 2 ? 0 : x)) : b;
        expect(toHex(ipv6ToBytes(ipv6ToText(bytes, 0)))).toBe(toHex(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
