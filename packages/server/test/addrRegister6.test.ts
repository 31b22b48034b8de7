import { buildRebind, Pkt6 } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config6, makeServer } from './helpers';

/** An ADDR-REG-INFORM (type 36) registering `address`, sent from that address. */
function inform(address: string): [Uint8Array, { remoteAddress: string }] {
  const p = buildRebind({ hwaddr: '02:00:00:00:00:07', addresses: [address] });
  p.msgType = 36;
  return [p.pack(), { remoteAddress: address }];
}

/** addr6_register: records the argument names and sets `status`. */
function registrar(status: number, seen: string[]): LibraryModule {
  return {
    version: () => 30301,
    multi_threading_compatible: () => 1,
    addr6_register(handle: CalloutHandle) {
      seen.push(handle.getArgumentNames().join(','));
      handle.setStatus(status as 0 | 1 | 2 | 3);
      return 0;
    },
  };
}

describe('ADDR-REG-INFORM (Kea 2.7.7 and later)', () => {
  it('is answered with ADDR-REG-REPLY echoing the IA; the lease is kept as registered', () => {
    const seen: string[] = [];
    const { server } = makeServer('dhcp6', { '/lib/r.so': registrar(0, seen) });
    server.configure(config6([{ library: '/lib/r.so' }]));
    const [reply] = server.receive(...inform('2001:db8:1::5'));
    const answer = Pkt6.unpack(reply ?? new Uint8Array());
    expect(answer.getName()).toBe('ADDR_REG_REPLY');
    expect(answer.getOption(3)?.getOption(5)?.toText()).toContain('2001:db8:1::5');
    expect(seen).toEqual(['address6,new_lease6,old_lease6,query6,response6']);
    expect(server.leases().map((l) => `${l.address} ${l.stateName}`)).toEqual([
      '2001:db8:1::5 registered',
    ]);
    expect(server.statistic('pkt6-addr-reg-inform-received')).toBe(1);
    expect(server.statistic('pkt6-addr-reg-reply-sent')).toBe(1);
  });

  it('R60: SKIP at addr6_register: the reply goes out, no lease is written; DROP: no reply', () => {
    const skip = makeServer('dhcp6', { '/lib/r.so': registrar(1, []) });
    skip.server.configure(config6([{ library: '/lib/r.so' }]));
    expect(skip.server.receive(...inform('2001:db8:1::5'))).toHaveLength(1);
    expect(skip.server.leases()).toEqual([]);
    const drop = makeServer('dhcp6', { '/lib/r.so': registrar(2, []) });
    drop.server.configure(config6([{ library: '/lib/r.so' }]));
    expect(drop.server.receive(...inform('2001:db8:1::5'))).toEqual([]);
    expect(drop.server.leases()).toEqual([]);
  });

  it('refuses an address inside a pool, or one the client does not send from', () => {
    const { server, log } = makeServer('dhcp6', {});
    server.configure(config6());
    expect(server.receive(...inform('2001:db8:1::100'))).toEqual([]);
    const [bytes] = inform('2001:db8:1::5');
    expect(server.receive(bytes, { remoteAddress: '2001:db8:1::6' })).toEqual([]);
    expect(log.filter((r) => r.id === 'DHCP6_ADDR_REG_INFORM_FAIL')).toHaveLength(2);
  });

  it('Kea 2.2.0 does not know the message: dropped', () => {
    const { server } = makeServer('dhcp6', {}, { keaVersion: '2.2.0' });
    server.configure(config6());
    expect(server.receive(...inform('2001:db8:1::5'))).toEqual([]);
    expect(server.statistic('pkt6-receive-drop')).toBe(1);
  });
});
