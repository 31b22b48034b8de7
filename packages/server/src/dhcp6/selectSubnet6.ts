import { CPP } from '../cppTypes';
import { callParkable } from '../parkableHook';
import type { Subnet6 } from '../subnet';
import type { SentPacket } from '../types';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';

const DEFAULT_IDENTIFIERS = ['hw-address', 'duid'];

/** Kea's choice without hooks: a relayed query by the relay's link address (or the relay's
 * configured addresses), a direct one by the arrival interface, then by the source address. */
export function pickSubnet6(server: Dhcp6Server, ex: Exchange6): Subnet6 | undefined {
  const query = ex.query;
  const subnets = server.subnets;
  const relays = query.relayInfo;
  if (relays.length > 0) {
    const first = relays[relays.length - 1];
    if (first) {
      const byRelay = subnets.find(
        (s) =>
          s.config.relayAddresses.includes(first.peerAddr) ||
          s.config.relayAddresses.includes(first.linkAddr),
      );
      if (byRelay) return byRelay;
      const link = server.addressValue(first.linkAddr);
      if (link !== undefined && link !== 0n)
        return subnets.find((s) => server.allocator.inSubnet(s.config, link));
    }
    return undefined;
  }
  const byIface = subnets.find(
    (s) => s.config.interface !== undefined && s.config.interface === query.iface,
  );
  if (byIface) return byIface;
  const remote = server.addressValue(query.remoteAddr);
  if (remote !== undefined) {
    const found = subnets.find((s) => server.allocator.inSubnet(s.config, remote));
    if (found) return found;
  }
  return subnets.find((s) => s.config.interface === undefined) ?? subnets[0];
}

export type SelectOutcome = 'drop' | 'parked' | 'done' | undefined;

/**
 * subnet6_select (SKIP: no subnet, processing goes on; DROP: the query is dropped), then the
 * client context (`setUpContext6`). From 2.5.6 the callouts may PARK the query, as in DHCPv4
 * (see selectSubnet4): the unpark resumes with the handle's context item `subnet6` and runs
 * `rest`.
 */
export function selectSubnet6(
  server: Dhcp6Server,
  ex: Exchange6,
  rest: (out: SentPacket[]) => void,
  sent: SentPacket[],
): SelectOutcome {
  const query = ex.query;
  const d = server.driver;
  const h = server.hooks.subnet6_select;
  let subnet = pickSubnet6(server, ex);
  if (d.present(h)) {
    const handle = server.handleOf(ex);
    const { outcome, sentNow } = callParkable(server, {
      handle,
      query,
      hook: h,
      hookName: 'subnet6_select',
      parkable: server.features.parkableSubnetSelect,
      messages: {
        park: 'DHCPX_HOOK_SUBNETX_SELECT_PARK',
        full: 'DHCPX_HOOK_SUBNETX_SELECT_PARKING_LOT_FULL',
      },
      setArguments: (handle) => {
        handle.setArgument('query6', query, CPP.pkt6);
        handle.setArgument('subnet6', subnet, server.subnetTag);
        handle.setArgument('subnet6collection', server.subnets, CPP.subnet6Collection);
      },
      resume: (handle, out) => {
        handle.deleteAllArguments();
        let parked: Subnet6 | undefined;
        try {
          parked = handle.getContext<Subnet6 | undefined>('subnet6');
        } catch {
          parked = undefined; // no item: no subnet
        }
        setUpContext6(server, ex, parked && server.subnets.includes(parked) ? parked : undefined);
        rest(out);
      },
    });
    sent.push(...sentNow);
    if (outcome === 'parked') return 'parked';
    if (outcome === 'resumed') return 'done';
    if (outcome === 'full') return 'drop';
    const chosen = handle.getArgument<Subnet6 | undefined>('subnet6');
    handle.deleteAllArguments();
    if (outcome === 'drop') {
      if (server.wants('DHCPX_HOOK_SUBNETX_SELECT_DROP'))
        server.say('DHCPX_HOOK_SUBNETX_SELECT_DROP', query.getLabel());
      return 'drop';
    }
    if (outcome === 'skip') {
      if (server.wants('DHCPX_HOOK_SUBNETX_SELECT_SKIP'))
        server.say('DHCPX_HOOK_SUBNETX_SELECT_SKIP', query.getLabel());
      subnet = undefined;
    } else subnet = chosen && server.subnets.includes(chosen) ? chosen : undefined;
  } else d.reached(h, ex.handle);
  setUpContext6(server, ex, subnet);
  return undefined;
}

/**
 * The client context once the subnet is known: the query's handle exists from here on,
 * host6_identifier runs when flex-id is configured, the reservation is looked up and KNOWN /
 * UNKNOWN assigned.
 */
export function setUpContext6(
  server: Dhcp6Server,
  ex: Exchange6,
  subnet: Subnet6 | undefined,
): void {
  const query = ex.query;
  const d = server.driver;
  ex.subnet = subnet;
  if (subnet) {
    if (server.wants('DHCPX_SUBNET_SELECTED'))
      server.say('DHCPX_SUBNET_SELECTED', query.getLabel(), subnet.id);
  } else if (server.wants('DHCPX_SUBNET_SELECTION_FAILED'))
    server.say('DHCPX_SUBNET_SELECTION_FAILED', query.getLabel());
  const handle = server.handleOf(ex);
  const config = server.config6;
  const order = config?.hostReservationIdentifiers.length
    ? config.hostReservationIdentifiers
    : DEFAULT_IDENTIFIERS;
  const own = subnet?.config.reservations ?? [];
  const global = config?.reservations ?? [];
  if (own.length === 0 && global.length === 0 && !order.includes('flex-id')) {
    // nothing to look up (and no host6_identifier to run): only the class is set
    ex.reservation = undefined;
    query.addClass('UNKNOWN');
    return;
  }
  const identifiers = new Map<string, string>();
  identifiers.set('duid', ex.duid.replaceAll(':', ''));
  if (ex.hwaddr) identifiers.set('hw-address', ex.hwaddr.replaceAll(':', ''));
  if (order.includes('flex-id')) {
    const hk = server.hooks.host6_identifier;
    if (d.present(hk)) {
      handle.deleteAllArguments();
      handle.setArgument('query6', query, CPP.pkt6);
      handle.setArgument('id_type', 4, CPP.identifierType);
      handle.setArgument('id_value', new Uint8Array(0), CPP.bytes);
      d.call(hk, handle);
      const status = handle.getStatus();
      const value = handle.getArgument<Uint8Array>('id_value');
      handle.deleteAllArguments();
      if (status === 0 && value instanceof Uint8Array && value.length > 0) {
        identifiers.set('flex-id', [...value].map((b) => b.toString(16).padStart(2, '0')).join(''));
      }
    } else d.reached(hk, handle);
  }
  const reservations = [...own, ...global];
  ex.reservation = undefined;
  for (const type of order) {
    const value = identifiers.get(type);
    if (value === undefined) continue;
    ex.reservation = reservations.find((r) => r.identifierType === type && r.identifier === value);
    if (ex.reservation) break;
  }
  query.addClass(ex.reservation ? 'KNOWN' : 'UNKNOWN');
}
