import { buildRelease6, buildRequest6, buildSolicit, Pkt6, RELAY_REPL } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { makeServer } from './helpers';

const SERVER_ID = '00:02:00:00:09:bf:01:23:45:67:89';

function config6(libraries: { library: string }[] = [], subnet: Record<string, unknown> = {}) {
  return {
    Dhcp6: {
      'interfaces-config': { interfaces: ['eth1'] },
      'server-id': { type: 'EN', 'enterprise-id': 2495, identifier: '0123456789' },
      'preferred-lifetime': 3000,
      'valid-lifetime': 4000,
      subnet6: [
        {
          id: 1,
          subnet: '2001:db8:1::/64',
          pools: [{ pool: '2001:db8:1::100 - 2001:db8:1::1ff' }],
          'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 48, 'delegated-len': 56 }],
          relay: { 'ip-addresses': ['2001:db8:1::1'] },
          ...subnet,
        },
      ],
      'hooks-libraries': libraries,
    },
  };
}

/** Appends every hook it sees (and fake_allocation at lease6_select) to `seen`; returns 0. */
function tracer(seen: string[]): LibraryModule {
  const module: LibraryModule = { version: () => 20200 };
  for (const hook of [
    'subnet6_select',
    'lease6_select',
    'leases6_committed',
    'lease6_release',
    'pkt6_send',
  ]) {
    module[hook] = (handle: CalloutHandle) => {
      seen.push(
        hook === 'lease6_select' ? `${hook}(${handle.getArgument('fake_allocation')})` : hook,
      );
      return 0;
    };
  }
  return module;
}

function iaAddresses(pkt: Pkt6): string[] {
  return pkt.options
    .filter((o) => o.code === 3 || o.code === 25)
    .flatMap((ia) =>
      ia
        .getOptions()
        .filter((s) => s.code === 5 || s.code === 26)
        .map((s) => s.toText()),
    );
}

describe('DHCPv6', () => {
  it('SOLICIT with rapid commit on the subnet gets a REPLY and leases6_committed', () => {
    const seen: string[] = [];
    const { server } = makeServer('dhcp6', { '/lib/t.so': tracer(seen) }, { keaVersion: '2.2.0' });
    expect(
      server.configure(config6([{ library: '/lib/t.so' }], { 'rapid-commit': true })).result,
    ).toBe(0);
    const reply = Pkt6.unpack(
      server.receive(buildSolicit({ hwaddr: '02:00:00:00:10:01', rapidCommit: true }).pack())[0] ??
        new Uint8Array(),
    );
    expect(reply.getName()).toBe('REPLY');
    expect(seen).toEqual([
      'subnet6_select',
      'lease6_select(false)',
      'leases6_committed',
      'pkt6_send',
    ]);
    expect(server.leases()).toHaveLength(1);
  });

  it('answers a relayed SOLICIT with a RELAY-REPL carrying the interface-id back', () => {
    const { server } = makeServer('dhcp6', {});
    server.configure(config6());
    const solicit = buildSolicit({
      hwaddr: '02:00:00:00:10:02',
      relays: [{ linkAddr: '2001:db8:1::1', peerAddr: 'fe80::2', interfaceId: '65746830' }],
    });
    const [bytes] = server.receive(solicit.pack());
    expect(bytes?.[0]).toBe(RELAY_REPL);
    const answer = Pkt6.unpack(bytes ?? new Uint8Array());
    expect(answer.getName()).toBe('ADVERTISE');
    expect(answer.relayInfo[0]?.options.map((o) => o.code)).toEqual([18]);
    expect(iaAddresses(answer)[0]).toContain('2001:db8:1::100');
  });

  it('delegates prefixes and releases both IAs, one lease6_release each', () => {
    const seen: string[] = [];
    const { server } = makeServer('dhcp6', { '/lib/t.so': tracer(seen) }, { keaVersion: '2.2.0' });
    server.configure(config6([{ library: '/lib/t.so' }]));
    const base = { hwaddr: '02:00:00:00:10:03', ias: ['na', 'pd'] as const };
    const advertise = Pkt6.unpack(server.receive(buildSolicit(base).pack())[0] ?? new Uint8Array());
    expect(iaAddresses(advertise).join(' ')).toContain('2001:db8:8000::');
    server.receive(
      buildRequest6({
        ...base,
        serverId: SERVER_ID,
        addresses: ['2001:db8:1::100'],
        prefixes: ['2001:db8:8000::/56'],
      }).pack(),
    );
    expect(
      server
        .leases()
        .map((l) => `${l.type} ${l.address}/${l.prefixLength}`)
        .sort(),
    ).toEqual(['IA_NA 2001:db8:1::100/128', 'IA_PD 2001:db8:8000::/56']);
    seen.length = 0;
    server.receive(
      buildRelease6({
        ...base,
        serverId: SERVER_ID,
        addresses: ['2001:db8:1::100'],
        prefixes: ['2001:db8:8000::/56'],
      }).pack(),
    );
    expect(seen).toEqual([
      'subnet6_select',
      'lease6_release',
      'lease6_release',
      'leases6_committed',
      'pkt6_send',
    ]);
    expect(server.leases()).toEqual([]);
  });

  it('drops a REQUEST for another server', () => {
    const { server } = makeServer('dhcp6', {});
    server.configure(config6());
    const other = buildRequest6({
      hwaddr: '02:00:00:00:10:04',
      serverId: '00:02:00:00:09:bf:ff',
    }).pack();
    expect(server.receive(other)).toEqual([]);
  });

  it('the buffer log names the addresses and interface the packet is given, not other defaults', () => {
    const seen: string[] = [];
    const lib: LibraryModule = {
      version: () => 30301,
      multi_threading_compatible: () => 1,
      pkt6_receive(handle: CalloutHandle) {
        const q = handle.getArgument<Pkt6>('query6');
        seen.push(`${q.remoteAddr} ${q.localAddr} ${q.iface}`);
        return 0;
      },
    };
    const { server, log } = makeServer('dhcp6', { '/lib/t.so': lib });
    server.configure({
      Dhcp6: {
        ...config6([{ library: '/lib/t.so' }]).Dhcp6,
        loggers: [{ name: 'kea-dhcp6', severity: 'DEBUG', debuglevel: 99 }],
      },
    });
    server.receive(buildSolicit({ hwaddr: '02:00:00:00:10:05' }).pack());
    const record = log.find((r) => r.id === 'DHCP6_BUFFER_RECEIVED');
    expect(seen).toEqual(['fe80::1 ff02::1:2 eth1']);
    expect(record?.args).toEqual(['fe80::1', 'ff02::1:2', 'eth1']);
  });
});
