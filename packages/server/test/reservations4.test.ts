import { buildDiscover, buildRequest } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config4, decode4, makeServer } from './helpers';

/** Registers host4_identifier; supplies the flex-id "gold" for every query; returns 0. */
const flexId: LibraryModule = {
  version: () => 20200,
  host4_identifier(handle: CalloutHandle) {
    handle.setArgument('id_value', new TextEncoder().encode('gold'), 'std::vector<uint8_t>');
    return 0;
  },
};

describe('DHCPv4 reservations and the allocator', () => {
  it('gives a reserved address to its client and skips it for others', () => {
    const { server } = makeServer('dhcp4', {});
    const config = config4();
    (config.Dhcp4.subnet4[0] as Record<string, unknown>).reservations = [
      { 'hw-address': '02:00:00:00:40:01', 'ip-address': '192.0.2.150' },
      { 'hw-address': '02:00:00:00:40:09', 'ip-address': '192.0.2.100' },
    ];
    server.configure(config);
    const mine = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:01', xid: 1 }).pack())[0],
    );
    expect(mine.getYiaddr()).toBe('192.0.2.150');
    expect(mine.getOption(54)?.getValue()).toBe('192.0.2.1');
    // 192.0.2.100 is reserved for someone else: a new client gets the next free one
    const other = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:02', xid: 2 }).pack())[0],
    );
    expect(other.getYiaddr()).toBe('192.0.2.101');
  });

  it('uses a flex-id a host4_identifier callout supplies', () => {
    const { server } = makeServer('dhcp4', { '/lib/flex.so': flexId }, { keaVersion: '2.2.0' });
    server.configure(
      config4([{ library: '/lib/flex.so' }], {
        'host-reservation-identifiers': ['flex-id', 'hw-address'],
        reservations: [{ 'flex-id': "'gold'", 'ip-address': '192.0.2.77' }],
      }),
    );
    const offer = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:03', xid: 3 }).pack())[0],
    );
    expect(offer.getYiaddr()).toBe('192.0.2.77');
  });

  it('walks the pool from where it stopped, as the iterative allocator does', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    const first = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:04', xid: 4 }).pack())[0],
    );
    const second = decode4(
      server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:05', xid: 5 }).pack())[0],
    );
    expect([first.getYiaddr(), second.getYiaddr()]).toEqual(['192.0.2.100', '192.0.2.101']);
  });

  it('NAKs a REQUEST for an address held by another client', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    server.receive(buildDiscover({ hwaddr: '02:00:00:00:40:06', xid: 6 }).pack());
    const ack = server.receive(
      buildRequest('selecting', {
        hwaddr: '02:00:00:00:40:06',
        xid: 7,
        address: '192.0.2.100',
        serverId: '192.0.2.1',
      }).pack(),
    );
    expect(decode4(ack[0]).getName()).toBe('DHCPACK');
    const thief = server.receive(
      buildRequest('selecting', {
        hwaddr: '02:00:00:00:40:07',
        xid: 8,
        address: '192.0.2.100',
        serverId: '192.0.2.1',
      }).pack(),
    );
    expect(decode4(thief[0]).getName()).toBe('DHCPNAK');
  });
});
