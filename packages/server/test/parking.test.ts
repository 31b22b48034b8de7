import { buildSolicit, Pkt6 } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule, ParkingLotHandle } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config4, decode4, discover, makeServer, request } from './helpers';

const TWO_SUBNETS = {
  subnet4: [
    { id: 1, subnet: '192.0.2.0/24', pools: [{ pool: '192.0.2.100 - 192.0.2.199' }] },
    { id: 2, subnet: '198.51.100.0/24', pools: [{ pool: '198.51.100.10 - 198.51.100.20' }] },
  ],
};

const DEBUG_LOG = { loggers: [{ name: 'kea-dhcp4', severity: 'DEBUG', debuglevel: 99 }] };

interface Parked {
  lot: ParkingLotHandle;
  query: unknown;
  handle: CalloutHandle;
  /** the subnet collection argument, at subnet*_select */
  subnets: { id: number }[];
}

/**
 * Parks every query at `hook` (takes a reference, sets PARK) and remembers it in `parked`;
 * records the hooks it sees in `seen` (its callouts on `alsoOn` only record).
 */
function parkingLibrary(
  hook: string,
  queryArg: string,
  parked: Parked[],
  seen: string[],
  version: number,
  alsoOn: string[] = [],
): LibraryModule {
  const module: LibraryModule = { version: () => version, multi_threading_compatible: () => 1 };
  module[hook] = (handle: CalloutHandle) => {
    seen.push(hook);
    const lot = handle.getParkingLotHandle();
    const query = handle.getArgument(queryArg);
    lot.reference(query);
    const names = handle.getArgumentNames();
    const collection = names.find((n) => n.endsWith('collection'));
    const subnets = collection ? handle.getArgument<{ id: number }[]>(collection) : [];
    parked.push({ lot, query, handle, subnets: [...subnets] });
    handle.setStatus(3);
    return 0;
  };
  for (const other of alsoOn) {
    module[other] = () => {
      seen.push(other);
      return 0;
    };
  }
  return module;
}

describe('PARK at subnet4_select (Kea 2.5.6 and later)', () => {
  it('R96 R70: the query waits; the unpark resumes with the subnet left in the context', () => {
    const parked: Parked[] = [];
    const seen: string[] = [];
    const lib = parkingLibrary('subnet4_select', 'query4', parked, seen, 30301, [
      'lease4_select',
      'pkt4_send',
      'context_destroy',
    ]);
    const { server } = makeServer('dhcp4', { '/lib/p.so': lib });
    expect(server.configure(config4([{ library: '/lib/p.so' }], TWO_SUBNETS)).result).toBe(0);
    expect(server.receive(discover())).toEqual([]);
    expect(seen).toEqual(['subnet4_select']);
    const [entry] = parked;
    if (!entry) throw new Error('not parked');
    // a library resuming later picks the second subnet: outside a callout the context item lands
    // in the server's own slot, which the resumed processing reads
    entry.handle.setContext('subnet4', pickSubnet(entry, 2));
    expect(entry.lot.unpark(entry.query)).toBe(true);
    expect(seen).toEqual(['subnet4_select', 'lease4_select', 'pkt4_send', 'context_destroy']);
    const [offer] = server.drainUnparked();
    expect(decode4(offer?.bytes).getName()).toBe('DHCPOFFER');
    expect(decode4(offer?.bytes).getYiaddr()).toBe('198.51.100.10');
  });

  it('R96: unparked without a subnet in the context, the DISCOVER gets no answer', () => {
    const parked: Parked[] = [];
    const seen: string[] = [];
    const lib = parkingLibrary('subnet4_select', 'query4', parked, seen, 30301, ['pkt4_send']);
    const { server } = makeServer('dhcp4', { '/lib/p.so': lib });
    server.configure(config4([{ library: '/lib/p.so' }]));
    server.receive(discover());
    parked[0]?.lot.unpark(parked[0].query);
    expect(server.drainUnparked()).toEqual([]);
    expect(seen).toEqual(['subnet4_select']);
  });

  it('R101: Kea 2.2.0 ignores PARK at subnet4_select (the OFFER goes out at once)', () => {
    const parked: Parked[] = [];
    const lib = parkingLibrary('subnet4_select', 'query4', parked, [], 20200);
    const { server } = makeServer('dhcp4', { '/lib/p.so': lib }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/p.so' }]));
    const answers = server.receive(discover());
    expect(decode4(answers[0]).getName()).toBe('DHCPOFFER');
    // the query was never parked, so the library's reference failed and nothing is held
    expect(parked).toEqual([]);
  });

  it('R29 R95: a reconfiguration throws parked queries away; context_destroy runs, no answer', () => {
    const parked: Parked[] = [];
    const seen: string[] = [];
    const lib = parkingLibrary('subnet4_select', 'query4', parked, seen, 30301, [
      'context_destroy',
    ]);
    const { server } = makeServer('dhcp4', { '/lib/p.so': lib });
    const config = config4([{ library: '/lib/p.so' }]);
    server.configure(config);
    server.receive(discover());
    expect(seen).toEqual(['subnet4_select']);
    server.configure(config);
    expect(seen).toEqual(['subnet4_select', 'context_destroy']);
    expect(parked[0]?.lot.unpark(parked[0].query)).toBe(false);
    expect(server.drainUnparked()).toEqual([]);
  });
});

describe('parked-packet-limit', () => {
  function fillLot(version: string, limit: number) {
    const parked: Parked[] = [];
    const seen: string[] = [];
    const lib = parkingLibrary(
      'leases4_committed',
      'query4',
      parked,
      seen,
      version === '2.2.0' ? 20200 : 30301,
    );
    const t = makeServer('dhcp4', { '/lib/p.so': lib }, { keaVersion: version });
    expect(
      t.server.configure(
        config4([{ library: '/lib/p.so' }], { 'parked-packet-limit': limit, ...DEBUG_LOG }),
      ).result,
    ).toBe(0);
    const clients = ['02:00:00:00:10:01', '02:00:00:00:10:02', '02:00:00:00:10:03'];
    clients.forEach((hw, i) => {
      const offer = decode4(t.server.receive(discover(10 + i, hw))[0]);
      expect(t.server.receive(request(offer.getYiaddr(), 20 + i, hw))).toEqual([]);
    });
    return { ...t, parked, seen };
  }

  it('R96: with the lot full the query is dropped before the callouts (newest: pkt4-queue-full too)', () => {
    const { server, parked, seen, log } = fillLot('3.3.1', 2);
    // the third REQUEST found two queries parked: its callouts never ran
    expect(seen).toEqual(['leases4_committed', 'leases4_committed']);
    expect(parked).toHaveLength(2);
    expect(server.statistic('pkt4-receive-drop')).toBe(1);
    expect(server.statistic('pkt4-queue-full')).toBe(1);
    const full = log.find((r) => r.id === 'DHCP4_HOOK_LEASES4_PARKING_LOT_FULL');
    expect(full?.text).toContain('2');
    // unparking one makes room again
    parked[0]?.lot.unpark(parked[0].query);
    expect(decode4(server.drainUnparked()[0]?.bytes).getName()).toBe('DHCPACK');
  });

  it('R96: Kea 2.2.0 counts the drop in pkt4-receive-drop only', () => {
    const { server, seen } = fillLot('2.2.0', 1);
    expect(seen).toEqual(['leases4_committed']);
    expect(server.statistic('pkt4-receive-drop')).toBe(2);
    expect(server.statistic('pkt4-queue-full')).toBe(0);
  });

  it('R96: 0 means no limit; the default (256) holds three queries easily', () => {
    expect(fillLot('3.3.1', 0).parked).toHaveLength(3);
    const parked: Parked[] = [];
    const lib = parkingLibrary('leases4_committed', 'query4', parked, [], 30301);
    const { server } = makeServer('dhcp4', { '/lib/p.so': lib });
    server.configure(config4([{ library: '/lib/p.so' }]));
    for (let i = 0; i < 3; i++) {
      const hw = `02:00:00:00:20:0${i}`;
      const offer = decode4(server.receive(discover(30 + i, hw))[0]);
      server.receive(request(offer.getYiaddr(), 40 + i, hw));
    }
    expect(parked).toHaveLength(3);
    expect(server.statistic('pkt4-receive-drop')).toBe(0);
  });

  it('rejects a negative limit as Kea does', () => {
    const { server } = makeServer('dhcp4', {});
    const answer = server.configure(config4([], { 'parked-packet-limit': -1 }));
    expect(answer.result).toBe(1);
    expect(answer.text).toContain('parked-packet-limit');
  });
});

describe('PARK at subnet6_select (Kea 2.5.6 and later)', () => {
  it('R96 R70: the SOLICIT waits; unparked with a subnet6 context item it is advertised', () => {
    const parked: Parked[] = [];
    const seen: string[] = [];
    const lib = parkingLibrary('subnet6_select', 'query6', parked, seen, 30301, [
      'lease6_select',
      'pkt6_send',
    ]);
    const { server } = makeServer('dhcp6', { '/lib/p.so': lib });
    const answer = server.configure({
      Dhcp6: {
        'interfaces-config': { interfaces: ['eth1'] },
        subnet6: [
          {
            id: 1,
            subnet: '2001:db8:1::/64',
            pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }],
          },
          {
            id: 2,
            subnet: '2001:db8:2::/64',
            pools: [{ pool: '2001:db8:2::100-2001:db8:2::1ff' }],
          },
        ],
        'hooks-libraries': [{ library: '/lib/p.so' }],
      },
    });
    expect(answer.result).toBe(0);
    expect(server.receive(buildSolicit({ hwaddr: '02:00:00:00:10:01' }).pack())).toEqual([]);
    const [entry] = parked;
    if (!entry) throw new Error('not parked');
    entry.handle.setContext('subnet6', pickSubnet(entry, 2));
    entry.lot.unpark(entry.query);
    expect(seen).toEqual(['subnet6_select', 'lease6_select', 'pkt6_send']);
    const advertise = Pkt6.unpack(server.drainUnparked()[0]?.bytes ?? new Uint8Array());
    expect(advertise.getName()).toBe('ADVERTISE');
    expect(server.leases()).toEqual([]);
    const ia = advertise.getOption(3)?.getOption(5);
    expect(ia?.toText()).toContain('2001:db8:2::100');
  });
});

/** The configured subnet with `id`, from the collection the hook point passed. */
function pickSubnet(entry: Parked, id: number): unknown {
  return entry.subnets.find((s) => s.id === id);
}

describe('DROP at a parkable hook point', () => {
  for (const [hook, packet, message] of [
    ['subnet4_select', 'discover', 'DHCP4_HOOK_SUBNET4_SELECT_DROP'],
    ['lease4_offer', 'discover', 'DHCP4_HOOK_LEASE4_OFFER_DROP'],
    ['leases4_committed', 'request', 'DHCP4_HOOK_LEASES4_COMMITTED_DROP'],
  ] as const) {
    it(`${hook}: nothing is sent and ${message} is logged`, () => {
      const lib: LibraryModule = { version: () => 30000, multi_threading_compatible: () => 1 };
      lib[hook] = (handle: CalloutHandle) => {
        handle.setStatus(2);
        return 0;
      };
      const { server, log } = makeServer('dhcp4', { '/lib/drop.so': lib }, { keaVersion: '3.0.0' });
      server.configure(config4([{ library: '/lib/drop.so' }], DEBUG_LOG));
      const bytes = packet === 'discover' ? discover() : request('192.0.2.100');
      expect(server.receive(bytes)).toEqual([]);
      expect(log.filter((r) => r.id === message)).toHaveLength(1);
    });
  }
});
