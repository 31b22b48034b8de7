/**
 * Every map Kea's grammar knows, as a table of keys. One table serves all supported Kea
 * versions: a key marked `v3` exists only from the 3.x profile on, one marked `v22` only in
 * 2.2. `buildSchema` turns the table into a JSON Schema per version and top-level element.
 *
 * Map kinds are shared where Kea's grammar shares them (a subnet inside a shared network is the
 * same `subnet4` map as a top-level one). Descriptions live in `keyDescriptions.ts`, by key name.
 */
export type ValueSpec =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  /** Any JSON map: user-context, hook parameters. */
  | 'freeMap'
  | { map: MapKind }
  | { list: MapKind }
  | { listOf: 'string' | 'integer' | 'freeMap' }
  /** A map keyed by anything, each value of one kind (the agent's control-sockets). */
  | { mapOf: MapKind };

export interface KeySpec {
  value: ValueSpec;
  /** Only in this profile; absent: in every supported version. */
  only?: 'v22' | 'v3';
  /** Allowed values, when Kea checks them against a fixed list. */
  values?: readonly string[];
}

type Keys = Record<string, KeySpec>;

const str: KeySpec = { value: 'string' };
const int: KeySpec = { value: 'integer' };
const num: KeySpec = { value: 'number' };
const bool: KeySpec = { value: 'boolean' };
const freeMap: KeySpec = { value: 'freeMap' };
const strings: KeySpec = { value: { listOf: 'string' } };
const map = (kind: MapKind): KeySpec => ({ value: { map: kind } });
const list = (kind: MapKind): KeySpec => ({ value: { list: kind } });
const v3 = (spec: KeySpec): KeySpec => ({ ...spec, only: 'v3' });

const annotations: Keys = { comment: str, 'user-context': freeMap };

const ddnsScope: Keys = {
  'ddns-send-updates': bool,
  'ddns-override-no-update': bool,
  'ddns-override-client-update': bool,
  'ddns-replace-client-name': str,
  'ddns-generated-prefix': str,
  'ddns-qualifying-suffix': str,
  'ddns-update-on-renew': bool,
  'ddns-use-conflict-resolution': bool,
  'ddns-conflict-resolution-mode': v3(str),
  'ddns-ttl-percent': v3(num),
  'ddns-ttl-min': v3(int),
  'ddns-ttl-max': v3(int),
  'ddns-ttl': v3(int),
  'hostname-char-set': str,
  'hostname-char-replacement': str,
};

const classScope: Keys = {
  'client-class': str,
  'client-classes': v3(strings),
  'require-client-classes': strings,
  'evaluate-additional-classes': v3(strings),
};

/** Keys every network level (global, shared network, subnet) shares in both families. */
const networkScope: Keys = {
  ...ddnsScope,
  'valid-lifetime': int,
  'min-valid-lifetime': int,
  'max-valid-lifetime': int,
  'renew-timer': int,
  'rebind-timer': int,
  'calculate-tee-times': bool,
  't1-percent': num,
  't2-percent': num,
  'cache-threshold': num,
  'cache-max-age': int,
  'adaptive-lease-time-threshold': v3(num),
  allocator: v3(str),
  'reservations-global': bool,
  'reservations-in-subnet': bool,
  'reservations-out-of-pool': bool,
  'reservation-mode': { value: 'string', only: 'v22' },
  'store-extended-info': bool,
  'option-data': list('optionData'),
  ...annotations,
};

const network4: Keys = {
  ...networkScope,
  authoritative: bool,
  'boot-file-name': str,
  'match-client-id': bool,
  'next-server': str,
  'server-hostname': str,
  'offer-lifetime': v3(int),
};

const network6: Keys = {
  ...networkScope,
  'preferred-lifetime': int,
  'min-preferred-lifetime': int,
  'max-preferred-lifetime': int,
  'rapid-commit': bool,
  'pd-allocator': v3(str),
};

const subnetOrNetwork: Keys = { ...classScope, interface: str, relay: map('relay') };

const poolScope: Keys = {
  ...classScope,
  ...annotations,
  'option-data': list('optionData'),
  'pool-id': v3(int),
  ...Object.fromEntries(Object.entries(ddnsScope).map(([k, s]) => [k, v3(s)])),
};

/** Top-level keys that DHCPv4 and DHCPv6 share. */
const dhcpGlobal: Keys = {
  'interfaces-config': map('interfacesConfig'),
  'lease-database': map('database'),
  'hosts-database': map('database'),
  'hosts-databases': list('database'),
  'host-reservation-identifiers': strings,
  'client-classes': list('clientClass'),
  'option-def': list('optionDef'),
  'expired-leases-processing': map('expiredLeasesProcessing'),
  'dhcp4o6-port': int,
  'control-socket': map('controlSocket'),
  'control-sockets': v3(list('controlSocketsEntry')),
  'dhcp-queue-control': map('dhcpQueueControl'),
  'dhcp-ddns': map('dhcpDdns'),
  'hooks-libraries': list('hooksLibrary'),
  loggers: list('logger'),
  'decline-probation-period': int,
  'server-tag': str,
  'parked-packet-limit': int,
  'statistic-default-sample-count': int,
  'statistic-default-sample-age': int,
  'early-global-reservations-lookup': bool,
  'ip-reservations-unique': bool,
  'reservations-lookup-first': bool,
  'multi-threading': map('multiThreading'),
  'sanity-checks': map('sanityChecks'),
  'config-control': map('configControl'),
  compatibility: map('compatibility'),
};

export type MapKind =
  | 'dhcp4'
  | 'dhcp6'
  | 'sharedNetwork4'
  | 'sharedNetwork6'
  | 'subnet4'
  | 'subnet6'
  | 'pool4'
  | 'pool6'
  | 'pdPool'
  | 'optionData'
  | 'optionDef'
  | 'clientClass'
  | 'reservation4'
  | 'reservation6'
  | 'relay'
  | 'interfacesConfig'
  | 'database'
  | 'hooksLibrary'
  | 'logger'
  | 'outputOptions'
  | 'controlSocket'
  | 'controlSocketsEntry'
  | 'authentication'
  | 'authClient'
  | 'httpHeader'
  | 'multiThreading'
  | 'dhcpQueueControl'
  | 'expiredLeasesProcessing'
  | 'dhcpDdns'
  | 'sanityChecks'
  | 'compatibility'
  | 'configControl'
  | 'serverId'
  | 'controlAgent'
  | 'dhcpDdnsServer'
  | 'ddnsDomains'
  | 'ddnsDomain'
  | 'dnsServer'
  | 'tsigKey';

export const MAPS: Record<MapKind, Keys> = {
  dhcp4: {
    ...network4,
    ...dhcpGlobal,
    'echo-client-id': bool,
    'shared-networks': list('sharedNetwork4'),
    subnet4: list('subnet4'),
    reservations: list('reservation4'),
    'stash-agent-options': v3(bool),
  },
  dhcp6: {
    ...network6,
    ...dhcpGlobal,
    'data-directory': str,
    'mac-sources': strings,
    'relay-supplied-options': strings,
    'server-id': map('serverId'),
    'shared-networks': list('sharedNetwork6'),
    subnet6: list('subnet6'),
    reservations: list('reservation6'),
    'allow-address-registration': v3(bool),
  },
  sharedNetwork4: { ...network4, ...subnetOrNetwork, name: str, subnet4: list('subnet4') },
  sharedNetwork6: {
    ...network6,
    ...subnetOrNetwork,
    name: str,
    'interface-id': str,
    subnet6: list('subnet6'),
  },
  subnet4: {
    ...network4,
    ...subnetOrNetwork,
    id: int,
    subnet: str,
    pools: list('pool4'),
    reservations: list('reservation4'),
    '4o6-interface': str,
    '4o6-interface-id': str,
    '4o6-subnet': str,
  },
  subnet6: {
    ...network6,
    ...subnetOrNetwork,
    id: int,
    subnet: str,
    'interface-id': str,
    pools: list('pool6'),
    'pd-pools': list('pdPool'),
    reservations: list('reservation6'),
  },
  pool4: { ...poolScope, pool: str },
  pool6: { ...poolScope, pool: str },
  pdPool: {
    ...classScope,
    ...annotations,
    'option-data': list('optionData'),
    'pool-id': v3(int),
    prefix: str,
    'prefix-len': int,
    'delegated-len': int,
    'excluded-prefix': str,
    'excluded-prefix-len': int,
  },
  optionData: {
    ...annotations,
    name: str,
    code: int,
    space: str,
    data: str,
    'csv-format': bool,
    'always-send': bool,
    'never-send': v3(bool),
    'client-classes': v3(strings),
  },
  optionDef: {
    ...annotations,
    name: str,
    code: int,
    type: str,
    'record-types': str,
    space: str,
    array: bool,
    encapsulate: str,
  },
  clientClass: {
    ...annotations,
    name: str,
    test: str,
    'template-test': v3(str),
    'only-if-required': bool,
    'only-in-additional-list': v3(bool),
    'option-data': list('optionData'),
    'option-def': list('optionDef'),
    'next-server': str,
    'server-hostname': str,
    'boot-file-name': str,
    'valid-lifetime': int,
    'min-valid-lifetime': int,
    'max-valid-lifetime': int,
    'preferred-lifetime': int,
    'min-preferred-lifetime': int,
    'max-preferred-lifetime': int,
    'offer-lifetime': v3(int),
  },
  reservation4: {
    ...annotations,
    'hw-address': str,
    duid: str,
    'circuit-id': str,
    'client-id': str,
    'flex-id': str,
    'ip-address': str,
    hostname: str,
    'client-classes': strings,
    'option-data': list('optionData'),
    'next-server': str,
    'server-hostname': str,
    'boot-file-name': str,
  },
  reservation6: {
    ...annotations,
    'hw-address': str,
    duid: str,
    'flex-id': str,
    'ip-addresses': strings,
    prefixes: strings,
    'excluded-prefixes': v3(strings),
    hostname: str,
    'client-classes': strings,
    'option-data': list('optionData'),
  },
  relay: { 'ip-address': str, 'ip-addresses': strings },
  interfacesConfig: {
    ...annotations,
    interfaces: strings,
    'dhcp-socket-type': str,
    'outbound-interface': str,
    're-detect': bool,
    'service-sockets-require-all': bool,
    'service-sockets-max-retries': int,
    'service-sockets-retry-wait-time': int,
  },
  database: {
    ...annotations,
    type: str,
    name: str,
    user: str,
    password: str,
    host: str,
    port: int,
    persist: bool,
    'lfc-interval': int,
    readonly: bool,
    'connect-timeout': int,
    'read-timeout': v3(int),
    'write-timeout': v3(int),
    'tcp-user-timeout': v3(int),
    'max-reconnect-tries': int,
    'reconnect-wait-time': int,
    'on-fail': str,
    'retry-on-startup': v3(bool),
    'max-row-errors': int,
    'trust-anchor': str,
    'cert-file': str,
    'key-file': str,
    'cipher-list': str,
    'ssl-mode': v3(str),
  },
  hooksLibrary: { library: str, parameters: freeMap },
  logger: {
    ...annotations,
    name: str,
    severity: str,
    debuglevel: int,
    output_options: list('outputOptions'),
    'output-options': v3(list('outputOptions')),
  },
  outputOptions: { output: str, pattern: str, flush: bool, maxsize: int, maxver: int },
  controlSocket: { ...annotations, 'socket-type': str, 'socket-name': str },
  controlSocketsEntry: {
    ...annotations,
    'socket-type': str,
    'socket-name': str,
    'socket-address': str,
    'socket-port': int,
    'trust-anchor': str,
    'cert-file': str,
    'key-file': str,
    'cert-required': bool,
    authentication: map('authentication'),
    'http-headers': list('httpHeader'),
  },
  authentication: {
    ...annotations,
    type: str,
    realm: str,
    directory: str,
    clients: list('authClient'),
  },
  authClient: {
    ...annotations,
    user: str,
    password: str,
    'user-file': str,
    'password-file': str,
  },
  httpHeader: { ...annotations, name: str, value: str },
  multiThreading: {
    'enable-multi-threading': bool,
    'thread-pool-size': int,
    'packet-queue-size': int,
  },
  dhcpQueueControl: { ...annotations, 'enable-queue': bool, 'queue-type': str, capacity: int },
  expiredLeasesProcessing: {
    'reclaim-timer-wait-time': int,
    'flush-reclaimed-timer-wait-time': int,
    'hold-reclaimed-time': int,
    'max-reclaim-leases': int,
    'max-reclaim-time': int,
    'unwarned-reclaim-cycles': int,
  },
  dhcpDdns: {
    ...annotations,
    'enable-updates': bool,
    'server-ip': str,
    'server-port': int,
    'sender-ip': str,
    'sender-port': int,
    'max-queue-size': int,
    'ncr-protocol': str,
    'ncr-format': str,
    'override-no-update': bool,
    'override-client-update': bool,
    'replace-client-name': str,
    'generated-prefix': str,
    'qualifying-suffix': str,
    'hostname-char-set': str,
    'hostname-char-replacement': str,
  },
  sanityChecks: { 'lease-checks': str, 'extended-info-checks': v3(str) },
  compatibility: {
    'lenient-option-parsing': bool,
    'ignore-dhcp-server-identifier': v3(bool),
    'ignore-rai-link-selection': v3(bool),
    'exclude-first-last-24': v3(bool),
  },
  configControl: { 'config-databases': list('database'), 'config-fetch-wait-time': int },
  serverId: {
    ...annotations,
    type: str,
    identifier: str,
    time: int,
    htype: int,
    'enterprise-id': int,
    persist: bool,
  },
  controlAgent: {
    ...annotations,
    'http-host': str,
    'http-port': int,
    'trust-anchor': str,
    'cert-file': str,
    'key-file': str,
    'cert-required': bool,
    'http-headers': v3(list('httpHeader')),
    authentication: map('authentication'),
    'control-sockets': { value: { mapOf: 'controlSocket' } },
    'hooks-libraries': list('hooksLibrary'),
    loggers: list('logger'),
  },
  dhcpDdnsServer: {
    ...annotations,
    'ip-address': str,
    port: int,
    'dns-server-timeout': int,
    'ncr-protocol': str,
    'ncr-format': str,
    'forward-ddns': map('ddnsDomains'),
    'reverse-ddns': map('ddnsDomains'),
    'tsig-keys': list('tsigKey'),
    'control-socket': map('controlSocket'),
    'control-sockets': v3(list('controlSocketsEntry')),
    'hooks-libraries': list('hooksLibrary'),
    loggers: list('logger'),
  },
  ddnsDomains: { 'ddns-domains': list('ddnsDomain') },
  ddnsDomain: { ...annotations, name: str, 'key-name': str, 'dns-servers': list('dnsServer') },
  dnsServer: { ...annotations, hostname: str, 'ip-address': str, port: int, 'key-name': str },
  tsigKey: {
    ...annotations,
    name: str,
    algorithm: str,
    'digest-bits': int,
    secret: str,
    'secret-file': v3(str),
  },
};

/** The top-level elements and the map each one holds. */
export const TOP_LEVEL_ELEMENTS = {
  Dhcp4: 'dhcp4',
  Dhcp6: 'dhcp6',
  'Control-agent': 'controlAgent',
  DhcpDdns: 'dhcpDdnsServer',
} as const satisfies Record<string, MapKind>;

export type TopLevelElement = keyof typeof TOP_LEVEL_ELEMENTS;

/** The map kind's keys as the given profile sees them. */
export function keysFor(kind: MapKind, profile: 'v22' | 'v3'): Record<string, KeySpec> {
  const all = MAPS[kind];
  const out: Record<string, KeySpec> = {};
  for (const [key, spec] of Object.entries(all)) {
    if (spec.only === undefined || spec.only === profile) out[key] = spec;
  }
  return out;
}
