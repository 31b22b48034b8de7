import { buildDiscover, buildRequest, Pkt4 } from '@hookscope/dhcp';
import type { HooksLogRecord, LibraryModule } from '@hookscope/engine';
import { createServer } from '../src/createServer';
import type { CreateServerOptions, SimServer } from '../src/types';

export const HW = '02:00:00:00:10:01';

export function config4(
  libraries: { library: string; parameters?: Record<string, unknown> }[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    Dhcp4: {
      'interfaces-config': { interfaces: ['eth1'] },
      'valid-lifetime': 4000,
      'renew-timer': 1000,
      'rebind-timer': 2000,
      subnet4: [{ id: 1, subnet: '192.0.2.0/24', pools: [{ pool: '192.0.2.100 - 192.0.2.199' }] }],
      'hooks-libraries': libraries,
      ...extra,
    },
  };
}

/** The DUID of `config6`'s server-id (EN, enterprise 2495, identifier 0123456789). */
export const SERVER_ID6 = '00:02:00:00:09:bf:01:23:45:67:89';

export function config6(
  libraries: { library: string }[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    Dhcp6: {
      'interfaces-config': { interfaces: ['eth1'] },
      'server-id': { type: 'EN', 'enterprise-id': 2495, identifier: '0123456789' },
      subnet6: [
        { id: 1, subnet: '2001:db8:1::/64', pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }] },
      ],
      'hooks-libraries': libraries,
      ...extra,
    },
  };
}

export interface TestServer {
  server: SimServer;
  log: HooksLogRecord[];
  clock: { now: number };
}

/** A server whose libraries come from `modules` (path -> module) and whose clock the test moves. */
export function makeServer(
  family: 'dhcp4' | 'dhcp6',
  modules: Record<string, LibraryModule>,
  options: Partial<CreateServerOptions> = {},
): TestServer {
  const log: HooksLogRecord[] = [];
  const clock = { now: Date.UTC(2026, 10, 25, 5, 0, 0) };
  const server = createServer(family, {
    resolveLibrary: (path) => modules[path],
    logger: { log: (r) => log.push(r) },
    now: () => clock.now,
    ...options,
  });
  return { server, log, clock };
}

export function discover(xid = 1, hwaddr = HW): Uint8Array {
  return buildDiscover({ hwaddr, xid, broadcast: true }).pack();
}

export function request(address: string, xid = 2, hwaddr = HW): Uint8Array {
  return buildRequest('selecting', {
    hwaddr,
    xid,
    address,
    serverId: '192.0.2.1',
    broadcast: true,
  }).pack();
}

export function decode4(bytes: Uint8Array | undefined): Pkt4 {
  if (!bytes) throw new Error('no response');
  return Pkt4.unpack(bytes);
}
