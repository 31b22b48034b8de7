import { describe, expect, it } from 'vitest';
import { createSnapshotSerializer } from '../src/createSnapshotSerializer';

class Lease4 {
  constructor(
    public addr: string,
    public validLft: number,
  ) {}
}

describe('createSnapshotSerializer', () => {
  const serialize = createSnapshotSerializer();

  it('shows primitives, bytes as hex, leases as objects, maps and sets', () => {
    expect(serialize(42, 'uint32_t')).toEqual({ tag: 'uint32_t', value: 42 });
    expect(serialize(10n, 'bigint')).toEqual({ tag: 'bigint', value: '10' });
    expect(serialize(undefined, 'undefined')).toEqual({ tag: 'undefined', value: null });
    expect(serialize(Number.NaN, 'number')).toEqual({ tag: 'number', value: 'NaN' });
    expect(serialize(new Uint8Array([0, 12, 255]), 'std::vector<uint8_t>')).toEqual({
      tag: 'std::vector<uint8_t>',
      value: '000cff',
    });
    expect(serialize(new Lease4('192.0.2.10', 3600), 'isc::dhcp::Lease4Ptr')).toEqual({
      tag: 'isc::dhcp::Lease4Ptr',
      value: { addr: '192.0.2.10', validLft: 3600 },
    });
    expect(serialize(new Map([[1, new Set(['a'])]]), 'Map')).toEqual({
      tag: 'Map',
      value: { '1': ['a'] },
    });
  });

  it('shows subnets by id and prefix, alone and in collections', () => {
    const subnet = { id: 7, prefix: '192.0.2.0/24', pools: [{ big: 'thing' }] };
    expect(serialize(subnet, 'isc::dhcp::ConstSubnet4Ptr')).toEqual({
      tag: 'isc::dhcp::ConstSubnet4Ptr',
      value: { id: 7, prefix: '192.0.2.0/24' },
    });
    expect(serialize([subnet], 'const isc::dhcp::Subnet4Collection*')).toEqual({
      tag: 'const isc::dhcp::Subnet4Collection*',
      value: [{ id: 7, prefix: '192.0.2.0/24' }],
    });
  });

  it('uses the packet view for packet tags and toJSON elsewhere', () => {
    const withView = createSnapshotSerializer({ packetView: () => ({ type: 'DHCPDISCOVER' }) });
    expect(withView({}, 'isc::dhcp::Pkt4Ptr')).toEqual({
      tag: 'isc::dhcp::Pkt4Ptr',
      value: { type: 'DHCPDISCOVER' },
    });
    expect(serialize({ toJSON: () => ({ a: 1 }) }, 'Thing')).toEqual({
      tag: 'Thing',
      value: { a: 1 },
    });
  });

  it('never loses a value: cycles, functions, throwing getters and depth are marked', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(serialize(cyclic, 'Object')).toEqual({
      tag: 'Object',
      value: { name: 'loop', self: { $cycle: true } },
    });
    expect(serialize(() => 1, 'Function')).toEqual({ tag: 'Function', opaque: true });
    expect(serialize({ f: () => 1 }, 'Object')).toEqual({
      tag: 'Object',
      value: { f: { $opaque: 'Function' } },
    });
    const throwing = {
      get boom(): number {
        throw new Error('no');
      },
    };
    expect(serialize(throwing, 'Object')).toEqual({ tag: 'Object', opaque: true });
    const shallow = createSnapshotSerializer({ maxDepth: 1 });
    expect(shallow({ a: { b: 1 } }, 'Object')).toEqual({
      tag: 'Object',
      value: { a: { $opaque: 'depth' } },
    });
    const custom = createSnapshotSerializer({ byTag: { Secret: () => undefined } });
    expect(custom('x', 'Secret')).toEqual({ tag: 'Secret', opaque: true });
  });
});

describe('packetJsonView (the default for packet tags)', () => {
  it('shows a DHCPv4 packet flat, options by code', async () => {
    const { buildDiscover } = await import('@hookscope/dhcp');
    const discover = buildDiscover({ hwaddr: '00:0c:01:02:03:05', xid: 0x2265 });
    const snapshot = createSnapshotSerializer()(discover, 'isc::dhcp::Pkt4Ptr');
    expect(snapshot).toMatchObject({
      tag: 'isc::dhcp::Pkt4Ptr',
      value: {
        type: 'DHCPDISCOVER',
        xid: '0x00002265',
        hwaddr: '00:0c:01:02:03:05',
        yiaddr: '0.0.0.0',
        options: {
          '53': { name: 'dhcp-message-type', value: 1 },
          '61': { name: 'dhcp-client-identifier' },
        },
      },
    });
    expect(createSnapshotSerializer()({ not: 'a packet' }, 'isc::dhcp::Pkt4Ptr')).toEqual({
      tag: 'isc::dhcp::Pkt4Ptr',
      opaque: true,
    });
  });

  it('shows a DHCPv6 packet with its options', async () => {
    const { buildSolicit } = await import('@hookscope/dhcp');
    const solicit = buildSolicit({});
    const snapshot = createSnapshotSerializer()(solicit, 'isc::dhcp::Pkt6Ptr');
    expect(snapshot).toMatchObject({ value: { type: 'SOLICIT', relays: [] } });
    expect(
      Object.keys((snapshot as unknown as { value: { options: object } }).value.options),
    ).toContain('1');
  });
});
