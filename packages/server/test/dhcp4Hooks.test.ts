import type { CalloutHandle, LibraryModule, ParkingLotHandle } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config4, decode4, discover, makeServer, request } from './helpers';

/** Registers pkt4_send only; rewrites the response's yiaddr in place and returns 0. */
const rewriteYiaddr: LibraryModule = {
  version: () => 20200,
  pkt4_send(handle: CalloutHandle) {
    handle.getArgument<{ setYiaddr(a: string): void }>('response4').setYiaddr('192.0.2.250');
    return 0;
  },
};

/** Appends each hook's name to `seen`; returns 0. */
function sequenceLibrary(seen: string[], hooks: string[]): LibraryModule {
  const module: LibraryModule = { version: () => 20200 };
  for (const hook of hooks) {
    module[hook] = () => {
      seen.push(hook);
      return 0;
    };
  }
  return module;
}

describe('DHCPv4 hook points', () => {
  it('a yiaddr changed in pkt4_send goes out on the wire', () => {
    const { server } = makeServer(
      'dhcp4',
      { '/lib/rw.so': rewriteYiaddr },
      { keaVersion: '2.2.0' },
    );
    expect(server.configure(config4([{ library: '/lib/rw.so' }])).result).toBe(0);
    const offer = decode4(server.receive(discover())[0]);
    expect(offer.getName()).toBe('DHCPOFFER');
    expect(offer.getYiaddr()).toBe('192.0.2.250');
  });

  it('DROP at pkt4_receive: no answer, and no hooks after it', () => {
    const seen: string[] = [];
    const lib = sequenceLibrary(seen, ['subnet4_select', 'pkt4_send', 'context_destroy']);
    lib.pkt4_receive = (handle: CalloutHandle) => {
      seen.push('pkt4_receive');
      handle.setStatus(2);
      return 0;
    };
    const { server } = makeServer('dhcp4', { '/lib/drop.so': lib }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/drop.so' }]));
    expect(server.receive(discover())).toEqual([]);
    expect(seen).toEqual(['pkt4_receive', 'context_destroy']);
    // a drop decided by a callout is not counted by the server (the library is expected to)
    expect(server.statistic('pkt4-receive-drop')).toBe(0);
    expect(server.statistic('pkt4-received')).toBe(1);
  });

  it('SKIP at lease4_select on a REQUEST gives a NAK', () => {
    const lib: LibraryModule = {
      version: () => 20200,
      lease4_select(handle: CalloutHandle) {
        if (!handle.getArgument<boolean>('fake_allocation')) handle.setStatus(1);
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/skip.so': lib }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/skip.so' }]));
    expect(decode4(server.receive(discover())[0]).getName()).toBe('DHCPOFFER');
    expect(decode4(server.receive(request('192.0.2.100'))[0]).getName()).toBe('DHCPNAK');
    expect(server.leases()).toEqual([]);
  });

  it('SKIP at lease4_renew: the stored lease and the answer keep the previous values', () => {
    let skip = false;
    const lib: LibraryModule = {
      version: () => 20200,
      lease4_renew(handle: CalloutHandle) {
        handle.getArgument<{ validLft: number }>('lease4').validLft = 999;
        if (skip) handle.setStatus(1);
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/r.so': lib }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/r.so' }]));
    server.receive(discover());
    server.receive(request('192.0.2.100'));
    const lifetime = (bytes: Uint8Array | undefined) =>
      decode4(bytes)
        .getOption(51)
        ?.getData()
        .reduce((a, b) => a * 256 + b, 0);
    skip = true;
    expect(lifetime(server.receive(request('192.0.2.100', 3))[0])).toBe(4000);
    expect(server.leases()[0]?.validLifetime).toBe(4000);
    skip = false;
    expect(lifetime(server.receive(request('192.0.2.100', 4))[0])).toBe(999);
    expect(server.leases()[0]?.validLifetime).toBe(999);
  });

  it('DROP at dhcp4_srv_configured without an error argument fails with "unknown error"', () => {
    const lib: LibraryModule = {
      version: () => 20200,
      dhcp4_srv_configured(handle: CalloutHandle) {
        handle.setStatus(2);
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/c.so': lib }, { keaVersion: '2.2.0' });
    const answer = server.configure(config4([{ library: '/lib/c.so' }]));
    expect(answer.result).toBe(1);
    expect(answer.text).toContain('unknown error');
  });

  it('PARK at leases4_committed holds the ACK until the callout unparks it', () => {
    const order: string[] = [];
    let lot: ParkingLotHandle | undefined;
    let parked: unknown;
    const lib: LibraryModule = {
      version: () => 20200,
      leases4_committed(handle: CalloutHandle) {
        lot = handle.getParkingLotHandle();
        parked = handle.getArgument('query4');
        lot.reference(parked);
        handle.setStatus(3);
        order.push('committed');
        return 0;
      },
      pkt4_send() {
        order.push('pkt4_send');
        return 0;
      },
      context_destroy() {
        order.push('destroy');
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/park.so': lib }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/park.so' }]));
    server.receive(discover());
    order.length = 0;
    expect(server.receive(request('192.0.2.100'))).toEqual([]);
    expect(order).toEqual(['committed']);
    expect(server.drainUnparked()).toEqual([]);
    lot?.unpark(parked);
    expect(order).toEqual(['committed', 'pkt4_send', 'destroy']);
    const released = server.drainUnparked();
    expect(released).toHaveLength(1);
    expect(decode4(released[0]?.bytes).getName()).toBe('DHCPACK');
  });

  it('arguments follow the Kea release: 2.2.0 versus the newest', () => {
    const names: Record<string, Record<string, string[]>> = {};
    const record = (version: string) => {
      names[version] = {};
      const lib: LibraryModule = {
        version: () => (version === '2.2.0' ? 20200 : 30301),
        multi_threading_compatible: () => 1,
      };
      for (const hook of ['lease4_select', 'leases4_committed', 'pkt4_send', 'subnet4_select']) {
        lib[hook] = (handle: CalloutHandle) => {
          const tags = handle
            .getArgumentNames()
            .map(
              (n) =>
                `${n}:${(handle as unknown as { getArgumentTag(n: string): string }).getArgumentTag(n)}`,
            );
          (names[version] as Record<string, string[]>)[hook] = tags;
          return 0;
        };
      }
      const { server } = makeServer('dhcp4', { '/lib/a.so': lib }, { keaVersion: version });
      expect(server.configure(config4([{ library: '/lib/a.so' }])).result).toBe(0);
      server.receive(discover());
      server.receive(request('192.0.2.100'));
    };
    record('2.2.0');
    record('3.3.1');
    expect(names['2.2.0']?.pkt4_send).toEqual([
      'query4:isc::dhcp::Pkt4Ptr',
      'response4:isc::dhcp::Pkt4Ptr',
    ]);
    expect(names['3.3.1']?.pkt4_send).toEqual([
      'query4:isc::dhcp::Pkt4Ptr',
      'response4:isc::dhcp::Pkt4Ptr',
      'subnet4:isc::dhcp::ConstSubnet4Ptr',
    ]);
    expect(names['2.2.0']?.lease4_select).not.toContain('offer_lft:uint32_t');
    expect(names['3.3.1']?.lease4_select).toContain('offer_lft:uint32_t');
    expect(names['2.2.0']?.subnet4_select).toContain('subnet4:isc::dhcp::Subnet4Ptr');
    expect(names['3.3.1']?.leases4_committed).toContain('response4:isc::dhcp::Pkt4Ptr');
    expect(names['2.2.0']?.leases4_committed).not.toContain('response4:isc::dhcp::Pkt4Ptr');
  });

  it('tells an observer of hook points reached without callouts', () => {
    const reached: string[] = [];
    const { server } = makeServer(
      'dhcp4',
      {},
      { keaVersion: '2.2.0', observer: { hookWithoutCallouts: (hook) => reached.push(hook) } },
    );
    server.configure(config4());
    reached.length = 0;
    server.receive(discover());
    expect(reached).toEqual([
      'buffer4_receive',
      'pkt4_receive',
      'subnet4_select',
      'ddns4_update',
      'lease4_select',
      'pkt4_send',
      'buffer4_send',
    ]);
  });
});

describe('lease4_offer (Kea 2.5.2 and later)', () => {
  it('runs for a DISCOVER with its arguments; an address found in use is declined, no OFFER', () => {
    const seen: string[] = [];
    /** lease4_offer: records its arguments and says the address is in use; lease4_server_decline: records. */
    const pingCheck: LibraryModule = {
      version: () => 30301,
      multi_threading_compatible: () => 1,
      lease4_offer(handle: CalloutHandle) {
        seen.push(`lease4_offer(${handle.getArgumentNames().join(',')})`);
        handle.setArgument('offer_address_in_use', true, 'bool');
        return 0;
      },
      lease4_server_decline(handle: CalloutHandle) {
        seen.push(`lease4_server_decline(${handle.getArgument<{ addr: string }>('lease4').addr})`);
        return 0;
      },
      pkt4_send() {
        seen.push('pkt4_send');
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/ping.so': pingCheck });
    server.configure(config4([{ library: '/lib/ping.so' }]));
    expect(server.receive(discover())).toEqual([]);
    expect(seen).toEqual([
      'lease4_offer(host,leases4,offer_lifetime,old_lease,query4,response4)',
      'lease4_server_decline(192.0.2.100)',
    ]);
    expect(server.leases()[0]?.stateName).toBe('declined');
  });

  it('does not exist under 2.2.0: a DISCOVER goes from allocation to pkt4_send', () => {
    const seen: string[] = [];
    const { server } = makeServer(
      'dhcp4',
      {},
      { keaVersion: '2.2.0', observer: { hookWithoutCallouts: (hook) => seen.push(hook) } },
    );
    server.configure(config4());
    seen.length = 0;
    server.receive(discover());
    expect(seen).not.toContain('lease4_offer');
    const newest = makeServer(
      'dhcp4',
      {},
      { observer: { hookWithoutCallouts: (hook) => seen.push(hook) } },
    );
    newest.server.configure(config4());
    seen.length = 0;
    newest.server.receive(discover());
    expect(seen.slice(4, 7)).toEqual(['lease4_select', 'lease4_offer', 'pkt4_send']);
  });
});

describe('exceptions escaping callouts', () => {
  it('2.2.0: a non-standard exception ends the packet; the server logs it and still runs context_destroy', () => {
    const seen: string[] = [];
    /** pkt4_receive throws a string (not an Error); context_destroy records that it ran. */
    const thrower: LibraryModule = {
      version: () => 20200,
      pkt4_receive() {
        throw 'not an exception object';
      },
      pkt4_send() {
        seen.push('pkt4_send');
        return 0;
      },
      context_destroy() {
        seen.push('context_destroy');
        return 0;
      },
    };
    const { server, log } = makeServer(
      'dhcp4',
      { '/lib/throw.so': thrower },
      { keaVersion: '2.2.0' },
    );
    server.configure(config4([{ library: '/lib/throw.so' }]));
    expect(server.receive(discover())).toEqual([]);
    expect(seen).toEqual(['context_destroy']);
    expect(
      log.some((r) => r.id === 'DHCP4_PACKET_PROCESS_EXCEPTION' && r.severity === 'ERROR'),
    ).toBe(true);
  });

  it('newest: the same exception is caught by the engine, the status becomes DROP', () => {
    const thrower: LibraryModule = {
      version: () => 30301,
      multi_threading_compatible: () => 1,
      pkt4_receive() {
        throw 'not an exception object';
      },
    };
    const { server, log } = makeServer('dhcp4', { '/lib/throw.so': thrower });
    server.configure(config4([{ library: '/lib/throw.so' }]));
    expect(server.receive(discover())).toEqual([]);
    expect(log.some((r) => r.id === 'DHCP4_PACKET_PROCESS_EXCEPTION')).toBe(false);
  });
});
