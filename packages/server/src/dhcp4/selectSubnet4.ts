import { type Pkt4, toHex } from '@hookscope/dhcp';
import { parseIpv4 } from '../address';
import { findReservation } from '../reservations';
import type { Subnet4 } from '../subnet';
import {
  hostIdentifier,
  type SelectOutcome,
  type SelectSteps,
  selectSubnet,
} from '../subnetSelect';
import type { SentPacket } from '../types';
import { clientIdOf, type Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { FAMILY4 } from './family4';
import { hwaddrText } from './packet4';

const DEFAULT_IDENTIFIERS = ['hw-address', 'duid', 'circuit-id', 'client-id'];

function contains(subnet: Subnet4, address: number): boolean {
  const size = 2 ** (32 - subnet.config.prefixLength);
  return address >= subnet.config.network && address < subnet.config.network + size;
}

/** Kea's subnet choice without hooks: relay (giaddr), then ciaddr, then the arrival interface. */
export function pickSubnet4(server: Dhcp4Server, query: Pkt4): Subnet4 | undefined {
  const subnets = server.subnets;
  const giaddr = query.getGiaddr();
  if (giaddr !== '0.0.0.0') {
    const byRelay = subnets.find((s) => s.config.relayAddresses.includes(giaddr));
    if (byRelay) return byRelay;
    const g = parseIpv4(giaddr) ?? 0;
    return subnets.find((s) => contains(s, g));
  }
  const ciaddr = query.getCiaddr();
  if (ciaddr !== '0.0.0.0') {
    const c = parseIpv4(ciaddr) ?? 0;
    const found = subnets.find((s) => contains(s, c));
    if (found) return found;
  }
  const byIface = subnets.find(
    (s) => s.config.interface !== undefined && s.config.interface === query.iface,
  );
  if (byIface) return byIface;
  const remote = parseIpv4(query.remoteAddr) ?? 0;
  if (remote !== 0) {
    const found = subnets.find((s) => contains(s, remote));
    if (found) return found;
  }
  return subnets.find((s) => s.config.interface === undefined) ?? subnets[0];
}

/**
 * Subnet selection with subnet4_select (see `selectSubnet`), then what Kea's exchange does
 * once a subnet is known (`setUpExchange4` in `steps.setUp`); `steps.rest` continues the query,
 * also after an unpark.
 */
export function selectSubnet4(
  server: Dhcp4Server,
  ex: Exchange4,
  steps: SelectSteps<Exchange4, Subnet4>,
  sent: SentPacket[],
): SelectOutcome {
  return selectSubnet(
    server,
    FAMILY4,
    ex,
    server.subnets,
    pickSubnet4(server, ex.query),
    steps,
    sent,
  );
}

/** The client's identifiers, then (with a subnet) its reservation and KNOWN / UNKNOWN. */
export function setUpExchange4(
  server: Dhcp4Server,
  ex: Exchange4,
  subnet: Subnet4 | undefined,
): void {
  const query = ex.query;
  ex.subnet = subnet;
  ex.clientId = clientIdOf(query);
  ex.hwaddr = hwaddrText(query);
  if (!subnet) return;
  if (server.wants('DHCPX_SUBNET_SELECTED'))
    server.say('DHCPX_SUBNET_SELECTED', query.getLabel(), subnet.id);
  const config = server.config4;
  const own = subnet.config.reservations;
  const global = config?.reservations ?? [];
  const flexConfigured = config?.hostReservationIdentifiers.includes('flex-id') ?? false;
  if (own.length === 0 && global.length === 0 && !flexConfigured) {
    // nothing to look up: Kea's lookup would find nothing, only the class is set
    ex.reservation = undefined;
    query.addClass('UNKNOWN');
    return;
  }
  const reservations = [...own, ...global];
  const order = config?.hostReservationIdentifiers.length
    ? config.hostReservationIdentifiers
    : DEFAULT_IDENTIFIERS;
  const identifiers = new Map<string, string>();
  identifiers.set('hw-address', ex.hwaddr.replaceAll(':', ''));
  if (ex.clientId !== undefined) {
    identifiers.set('client-id', ex.clientId.replaceAll(':', ''));
    if (ex.clientId.startsWith('ff'))
      identifiers.set('duid', ex.clientId.replaceAll(':', '').slice(10));
  }
  const circuit = query.getOption(82)?.getOption(1);
  if (circuit) identifiers.set('circuit-id', toHex(circuit.getData(), ''));
  if (order.includes('flex-id')) {
    const flex = hostIdentifier(server, FAMILY4, ex);
    if (flex !== undefined) identifiers.set('flex-id', flex);
  }
  ex.reservation = findReservation(reservations, identifiers, order);
  query.addClass(ex.reservation ? 'KNOWN' : 'UNKNOWN');
  for (const name of ex.reservation?.clientClasses ?? []) query.addClass(name);
}
