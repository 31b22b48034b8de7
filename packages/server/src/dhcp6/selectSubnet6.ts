import { findReservation } from '../reservations';
import type { Subnet6 } from '../subnet';
import {
  hostIdentifier,
  type SelectOutcome,
  type SelectSteps,
  selectSubnet,
} from '../subnetSelect';
import type { SentPacket } from '../types';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';
import { FAMILY6 } from './family6';

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

/**
 * subnet6_select (see `selectSubnet`), then the client context (`setUpContext6` in
 * `steps.setUp`); `steps.rest` continues the query, also after an unpark.
 */
export function selectSubnet6(
  server: Dhcp6Server,
  ex: Exchange6,
  steps: SelectSteps<Exchange6, Subnet6>,
  sent: SentPacket[],
): SelectOutcome {
  return selectSubnet(server, FAMILY6, ex, server.subnets, pickSubnet6(server, ex), steps, sent);
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
  ex.subnet = subnet;
  if (subnet) {
    if (server.wants('DHCPX_SUBNET_SELECTED'))
      server.say('DHCPX_SUBNET_SELECTED', query.getLabel(), subnet.id);
  } else if (server.wants('DHCPX_SUBNET_SELECTION_FAILED'))
    server.say('DHCPX_SUBNET_SELECTION_FAILED', query.getLabel());
  server.handleOf(ex); // the client context has the query's handle (R76)
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
    const flex = hostIdentifier(server, FAMILY6, ex);
    if (flex !== undefined) identifiers.set('flex-id', flex);
  }
  ex.reservation = findReservation([...own, ...global], identifiers, order);
  query.addClass(ex.reservation ? 'KNOWN' : 'UNKNOWN');
}
