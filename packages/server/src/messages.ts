/**
 * The server's log messages: Kea's message ids, with our own wording of the text. `%1..%n` are
 * filled in order. `logger` is the child logger under kea-dhcp4 / kea-dhcp6; `level` the debug
 * level for DEBUG messages (Kea's DBG_* constants).
 */
export interface MessageDef {
  logger: string;
  severity: 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  level?: number;
  text: string;
  /** Kea's id where the families' ids differ in more than the digit */
  id4?: string;
  id6?: string;
}

/** The same message under another id per family. */
const ids = (def: MessageDef, id4: string, id6: string): MessageDef => ({ ...def, id4, id6 });

const m = (
  logger: string,
  severity: MessageDef['severity'],
  text: string,
  level?: number,
): MessageDef => ({
  logger,
  severity,
  text,
  level,
});

/** `X` after dhcp, subnet, leases, pkt or buffer stands for the family digit (4 or 6). */
const TEMPLATES: Record<string, MessageDef> = {
  DHCPX_CONFIG_COMPLETE: m('dhcpX', 'INFO', 'DHCPvX server configured: %1'),
  DHCPX_CONFIG_LOAD_FAIL: m('dhcpX', 'ERROR', 'configuration error: %1'),
  DHCPX_STARTED: m('dhcpX', 'INFO', 'Kea DHCPvX server version %1 started (simulated)'),
  DHCPX_SHUTDOWN: m('dhcpX', 'INFO', 'server shutdown'),
  DHCPX_BUFFER_RECEIVED: m(
    'packets',
    'DEBUG',
    'buffer received from %1 to %2 over interface %3',
    50,
  ),
  DHCPX_PACKET_RECEIVED: m('packets', 'DEBUG', '%1: %2 received from %3 to %4 on interface %5', 40),
  DHCPX_PACKET_SEND: m('packets', 'DEBUG', '%1: sending %2 from %3 to %4 on interface %5', 40),
  DHCPX_PACKET_PROCESS_STD_EXCEPTION: m(
    'packets',
    'ERROR',
    'exception while processing a packet: %1 (the packet is dropped)',
  ),
  DHCPX_PACKET_PROCESS_EXCEPTION: m(
    'packets',
    'ERROR',
    'unknown exception while processing a packet (the packet is dropped)',
  ),
  DHCPX_PACKET_DROP_0001: ids(
    m('bad-packets', 'DEBUG', 'dropping a packet that could not be parsed: %1', 15),
    'DHCP4_PACKET_DROP_0001',
    'DHCP6_PACKET_DROP_PARSE_FAIL',
  ),
  DHCPX_PACKET_DROP_0008: ids(
    m('bad-packets', 'DEBUG', '%1: dropping a packet: DHCP service is disabled', 15),
    'DHCP4_PACKET_DROP_0008',
    'DHCP6_PACKET_DROP_DHCP_DISABLED',
  ),
  DHCPX_UNSUPPORTED_TYPE: ids(
    m('bad-packets', 'DEBUG', 'dropping a packet from %1 with an unsupported message type %2', 15),
    'DHCP4_PACKET_DROP_0006',
    'DHCP6_UNKNOWN_MSG_RECEIVED',
  ),
  DHCPX_PACKET_NAK_0001: m(
    'bad-packets',
    'ERROR',
    '%1: no subnet could be selected for the query, source %2, type %3',
  ),
  DHCPX_PACKET_NAK_0004: m(
    'bad-packets',
    'DEBUG',
    '%1: no lease could be granted, ciaddr %2, requested address %3',
    50,
  ),
  DHCPX_SUBNET_SELECTION_FAILED: m(
    'packets',
    'DEBUG',
    '%1: no subnet was selected for this client',
    40,
  ),
  DHCPX_SUBNET_SELECTED: m('packets', 'DEBUG', '%1: subnet %2 selected', 45),
  DHCPX_HOOK_BUFFER_RCVD_DROP: m(
    'hooks',
    'DEBUG',
    'received buffer from %1 to %2 on interface %3 is dropped by a callout',
    40,
  ),
  DHCPX_HOOK_BUFFER_RCVD_SKIP: m(
    'hooks',
    'DEBUG',
    'received buffer from %1 to %2 on interface %3 is not parsed: a callout set skip',
    40,
  ),
  DHCPX_HOOK_PACKET_RCVD_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: packet is dropped: a pktX_receive callout set skip or drop',
    40,
  ),
  DHCPX_HOOK_SUBNETX_SELECT_DROP: m(
    'hooks',
    'DEBUG',
    '%1: packet dropped by a subnetX_select callout',
    40,
  ),
  DHCPX_HOOK_SUBNETX_SELECT_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: no subnet selected: a subnetX_select callout set skip',
    40,
  ),
  DHCPX_HOOK_LEASESX_COMMITTED_DROP: m(
    'hooks',
    'DEBUG',
    '%1: response dropped by a leasesX_committed callout',
    40,
  ),
  DHCPX_HOOK_LEASESX_COMMITTED_PARK: m(
    'hooks',
    'DEBUG',
    '%1: response parked by a leasesX_committed callout',
    40,
  ),
  DHCPX_HOOK_PACKET_SEND_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: a pktX_send callout set skip: the response is not packed',
    40,
  ),
  DHCPX_HOOK_PACKET_SEND_DROP: m(
    'hooks',
    'DEBUG',
    '%1: response dropped by a pktX_send callout',
    40,
  ),
  DHCPX_HOOK_BUFFER_SEND_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: a bufferX_send callout set skip: nothing is sent',
    40,
  ),
  DHCP4_LEASE_ALLOC: m('leases', 'INFO', '%1: lease %2 allocated for %3 seconds'),
  DHCP4_LEASE_ADVERT: m('leases', 'INFO', '%1: lease %2 will be advertised'),
  DHCPX_RELEASE: ids(
    m('leases', 'INFO', '%1: address %2 was released'),
    'DHCP4_RELEASE',
    'DHCP6_RELEASE_NA',
  ),
  // DHCPv6 only
  DHCP6_RELEASE_PD: m('leases', 'INFO', '%1: prefix %2 was released'),
  DHCP6_LEASE_ALLOC: m(
    'leases',
    'INFO',
    '%1: lease for address %2 and iaid=%3 allocated for %4 seconds',
  ),
  DHCP6_LEASE_ADVERT: m(
    'leases',
    'INFO',
    '%1: lease for address %2 and iaid=%3 will be advertised',
  ),
  DHCP6_PD_LEASE_ADVERT: m(
    'leases',
    'INFO',
    '%1: lease for prefix %2 and iaid=%3 will be advertised',
  ),
  DHCP6_PD_LEASE_ALLOC: m(
    'leases',
    'INFO',
    '%1: lease for prefix %2 and iaid=%3 allocated for %4 seconds',
  ),
  DHCPX_DECLINE_LEASE: m(
    'leases',
    'INFO',
    'lease %1 declined by client %2; unavailable for %3 seconds',
  ),
  DHCP4_HOOK_LEASE4_RELEASE_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: the lease is not released: a lease4_release callout set skip',
    40,
  ),
  DHCP4_HOOK_DECLINE_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: the lease is not declined: a lease4_decline callout set skip or drop',
    40,
  ),
  DHCP6_HOOK_LEASE6_RELEASE_NA_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: the address lease is not released: a lease6_release callout set skip',
    40,
  ),
  DHCP6_HOOK_LEASE6_RELEASE_PD_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: the prefix lease is not released: a lease6_release callout set skip',
    40,
  ),
  DHCP6_HOOK_DECLINE_SKIP: m(
    'hooks',
    'DEBUG',
    '%1: address %2 is not declined: a lease6_decline callout set skip',
    40,
  ),
  DHCP6_HOOK_DECLINE_DROP: m(
    'hooks',
    'DEBUG',
    '%1: the DECLINE is dropped: a lease6_decline callout set drop',
    40,
  ),
  DHCPX_LEASE_RECLAIM: ids(
    m('alloc-engine', 'DEBUG', 'reclaiming the expired lease of %1', 50),
    'ALLOC_ENGINE_V4_LEASE_RECLAIM',
    'ALLOC_ENGINE_V6_LEASE_RECLAIM',
  ),
  DHCPX_CLASS_UNEVALUATED: m(
    'dhcpX',
    'WARN',
    'client class %1 has a test expression (%2) which the simulated server does not evaluate yet',
  ),
  DHCPX_DYNAMIC_RECONFIGURATION: m(
    'dhcpX',
    'INFO',
    'initiate server reconfiguration using file: %1',
  ),
  DHCPX_NOT_RUNNING: m('dhcpX', 'ERROR', 'DHCPvX server is not running'),
  DHCPX_HOOK_LEASESX_PARKING_LOT_FULL: m(
    'packets',
    'DEBUG',
    'parked-packet-limit %1 reached: query %2 is dropped before the leasesX_committed callouts',
    15,
  ),
  DHCPX_HOOK_SUBNETX_SELECT_PARK: m(
    'hooks',
    'DEBUG',
    '%1: packet parked by a subnetX_select callout',
    40,
  ),
  DHCPX_HOOK_SUBNETX_SELECT_PARKING_LOT_FULL: m(
    'packets',
    'DEBUG',
    'parked-packet-limit %1 reached: query %2 is dropped before the subnetX_select callouts',
    15,
  ),
  DHCPX_HOOK_LEASE4_OFFER_PARK: m(
    'hooks',
    'DEBUG',
    '%1: OFFER parked by a lease4_offer callout',
    40,
  ),
  DHCPX_HOOK_LEASE4_OFFER_DROP: m(
    'hooks',
    'DEBUG',
    '%1: OFFER dropped by a lease4_offer callout',
    40,
  ),
  DHCPX_HOOK_LEASE4_OFFER_PARKING_LOT_FULL: m(
    'packets',
    'DEBUG',
    'parked-packet-limit %1 reached: query %2 is dropped before the lease4_offer callouts',
    15,
  ),
  DHCPX_HOOK_LEASE4_OFFER_ARGUMENT_MISSING: m(
    'hooks',
    'ERROR',
    '%1: the lease4_offer callouts did not set offer_address_in_use',
  ),
  DHCPX_ADDR_REG_INFORM_FAIL: m('bad-packets', 'INFO', '%1: ADDR-REG-INFORM refused: %2'),
  DHCPX_ADDR6_REGISTER: m('leases', 'INFO', '%1: address %2 registered by the client'),
  DHCPX_DDNS_FQDN_GENERATED: m('ddns', 'DEBUG', '%1: generated FQDN %2 for the client', 55),
  DHCPX_DDNS_GENERATED_FQDN_UPDATE_FAIL: m(
    'ddns',
    'ERROR',
    '%1: the generated FQDN %2 could not be stored in the lease: %3',
  ),
  DHCPX_LEASES_RECLAMATION_START: ids(
    m('alloc-engine', 'DEBUG', 'reclaiming expired leases (at most %1)', 40),
    'ALLOC_ENGINE_V4_LEASES_RECLAMATION_START',
    'ALLOC_ENGINE_V6_LEASES_RECLAMATION_START',
  ),
  DHCPX_LEASES_RECLAMATION_COMPLETE: ids(
    m('alloc-engine', 'DEBUG', '%1 expired leases reclaimed', 40),
    'ALLOC_ENGINE_V4_LEASES_RECLAMATION_COMPLETE',
    'ALLOC_ENGINE_V6_LEASES_RECLAMATION_COMPLETE',
  ),
  COMMAND_RECEIVED: m('commands', 'INFO', "Received command '%1'"),
};

export type MessageCatalogue = Record<string, MessageDef & { id: string }>;

/** The catalogue for one family, ids and texts with the family digit filled in. */
export function makeCatalogue(family: 'dhcp4' | 'dhcp6'): MessageCatalogue {
  const digit = family === 'dhcp4' ? '4' : '6';
  const out: MessageCatalogue = {};
  for (const [key, def] of Object.entries(TEMPLATES)) {
    // only the family placeholders: "EXCEPTION" keeps its X
    const fill = (text: string) =>
      text.replace(/(dhcpv|dhcp|subnet|leases|pkt|buffer)X/gi, `$1${digit}`);
    const id = (digit === '4' ? def.id4 : def.id6) ?? fill(key);
    out[key] = {
      id,
      logger: fill(def.logger),
      severity: def.severity,
      level: def.level,
      text: fill(def.text),
    };
  }
  return out;
}

export const MESSAGE_KEYS = Object.keys(TEMPLATES);
