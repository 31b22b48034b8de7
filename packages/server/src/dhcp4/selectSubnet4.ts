import type { Pkt4 } from '@hookscope/dhcp';
import { parseIpv4 } from '../address';
import { CPP } from '../cppTypes';
import { callParkable } from '../parkableHook';
import type { Subnet4 } from '../subnet';
import type { SentPacket } from '../types';
import { findReservation4 } from './allocator4';
import { clientIdOf, type Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
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

export type SelectOutcome = 'drop' | 'parked' | 'done' | undefined;

/**
 * Subnet selection with subnet4_select (SKIP: no subnet; DROP: the query is dropped), then
 * what Kea's exchange does once a subnet is known (`setUpExchange4`). From 2.5.6 the callouts
 * may PARK the query (parked first, dropped when parked-packet-limit is reached): processing
 * stops, and the unpark resumes it with the subnet a library left in the handle's context item
 * `subnet4` (set outside a callout, so in the server's own slot), running `rest`. Returns
 * 'parked' when it stopped there, 'done' when the callouts unparked it at once (`rest` ran,
 * its datagrams are in `sent`).
 */
export function selectSubnet4(
  server: Dhcp4Server,
  ex: Exchange4,
  rest: (out: SentPacket[]) => void,
  sent: SentPacket[],
): SelectOutcome {
  const query = ex.query;
  const d = server.driver;
  const h = server.hooks.subnet4_select;
  let subnet = pickSubnet4(server, query);
  if (d.present(h)) {
    const handle = server.handleOf(ex);
    const { outcome, sentNow } = callParkable(server, {
      handle,
      query,
      hook: h,
      hookName: 'subnet4_select',
      parkable: server.features.parkableSubnetSelect,
      messages: {
        park: 'DHCPX_HOOK_SUBNETX_SELECT_PARK',
        full: 'DHCPX_HOOK_SUBNETX_SELECT_PARKING_LOT_FULL',
      },
      setArguments: (handle) => {
        handle.setArgument('query4', query, CPP.pkt4);
        handle.setArgument('subnet4', subnet, server.subnetTag);
        handle.setArgument('subnet4collection', server.subnets, CPP.subnet4Collection);
      },
      resume: (handle, out) => {
        handle.deleteAllArguments();
        let parked: Subnet4 | undefined;
        try {
          parked = handle.getContext<Subnet4 | undefined>('subnet4');
        } catch {
          parked = undefined; // no item: no subnet
        }
        setUpExchange4(server, ex, parked && server.subnets.includes(parked) ? parked : undefined);
        rest(out);
      },
    });
    sent.push(...sentNow);
    if (outcome === 'parked') return 'parked';
    if (outcome === 'resumed') return 'done';
    if (outcome === 'full') return 'drop';
    const chosen = handle.getArgument<Subnet4 | undefined>('subnet4');
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
  setUpExchange4(server, ex, subnet);
  return undefined;
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
  if (circuit)
    identifiers.set(
      'circuit-id',
      [...circuit.getData()].map((b) => b.toString(16).padStart(2, '0')).join(''),
    );
  if (order.includes('flex-id')) {
    const flex = hostIdentifier4(server, ex);
    if (flex !== undefined) identifiers.set('flex-id', flex);
  }
  ex.reservation = findReservation4(reservations, identifiers, order);
  query.addClass(ex.reservation ? 'KNOWN' : 'UNKNOWN');
  for (const name of ex.reservation?.clientClasses ?? []) query.addClass(name);
}

/** host4_identifier: the callouts may supply a flex-id; any status but CONTINUE discards it. */
function hostIdentifier4(server: Dhcp4Server, ex: Exchange4): string | undefined {
  const h = server.hooks.host4_identifier;
  const d = server.driver;
  if (!d.present(h)) {
    d.reached(h, ex.handle);
    return undefined;
  }
  const handle = server.handleOf(ex);
  handle.deleteAllArguments();
  handle.setArgument('query4', ex.query, CPP.pkt4);
  handle.setArgument('id_type', 4, CPP.identifierType);
  handle.setArgument('id_value', new Uint8Array(0), CPP.bytes);
  d.call(h, handle);
  const status = handle.getStatus();
  const value = handle.getArgument<Uint8Array>('id_value');
  handle.deleteAllArguments();
  if (status !== 0 || !(value instanceof Uint8Array) || value.length === 0) return undefined;
  return [...value].map((b) => b.toString(16).padStart(2, '0')).join('');
}
