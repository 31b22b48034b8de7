// Kea's standard option definitions (std_option_defs.h, docsis3_option_defs.h), by space.
// Names, codes, types and spaces are Kea's. Where Kea decodes an option with a dedicated class
// rather than its table entry, the entry says what that class reads: IA_NA/IA_TA/IA_PD, IAADDR
// and IAPREFIX carry `dhcp6` sub-options, vendor-class holds tuples, 125 and 17 carry
// enterprise-numbered vendor spaces, and 43 takes Kea's last-resort definition.
import type { OptionDataType, OptionDefinition } from './optionDefinition';

type Row = readonly [
  name: string,
  code: number,
  type: OptionDataType,
  array?: boolean,
  fields?: readonly OptionDataType[],
  encapsulate?: string,
];

const A = true; // array
const u8 = 'uint8';
const u16 = 'uint16';
const u32 = 'uint32';
const v4a = 'ipv4-address';
const v6a = 'ipv6-address';

export const DHCP4_OPTION_SPACE = 'dhcp4';
export const DHCP6_OPTION_SPACE = 'dhcp6';
export const DHCP_AGENT_OPTION_SPACE = 'dhcp-agent-options-space';
export const VENDOR_ENCAPSULATED_OPTION_SPACE = 'vendor-encapsulated-options-space';

const V4: readonly Row[] = [
  ['subnet-mask', 1, v4a],
  ['time-offset', 2, 'int32'],
  ['routers', 3, v4a, A],
  ['time-servers', 4, v4a, A],
  ['name-servers', 5, v4a, A],
  ['domain-name-servers', 6, v4a, A],
  ['log-servers', 7, v4a, A],
  ['cookie-servers', 8, v4a, A],
  ['lpr-servers', 9, v4a, A],
  ['impress-servers', 10, v4a, A],
  ['resource-location-servers', 11, v4a, A],
  ['host-name', 12, 'string'],
  ['boot-size', 13, u16],
  ['merit-dump', 14, 'string'],
  ['domain-name', 15, 'string'],
  ['swap-server', 16, v4a],
  ['root-path', 17, 'string'],
  ['extensions-path', 18, 'string'],
  ['ip-forwarding', 19, 'boolean'],
  ['non-local-source-routing', 20, 'boolean'],
  ['policy-filter', 21, v4a, A],
  ['max-dgram-reassembly', 22, u16],
  ['default-ip-ttl', 23, u8],
  ['path-mtu-aging-timeout', 24, u32],
  ['path-mtu-plateau-table', 25, u16, A],
  ['interface-mtu', 26, u16],
  ['all-subnets-local', 27, 'boolean'],
  ['broadcast-address', 28, v4a],
  ['perform-mask-discovery', 29, 'boolean'],
  ['mask-supplier', 30, 'boolean'],
  ['router-discovery', 31, 'boolean'],
  ['router-solicitation-address', 32, v4a],
  ['static-routes', 33, v4a, A],
  ['trailer-encapsulation', 34, 'boolean'],
  ['arp-cache-timeout', 35, u32],
  ['ieee802-3-encapsulation', 36, 'boolean'],
  ['default-tcp-ttl', 37, u8],
  ['tcp-keepalive-interval', 38, u32],
  ['tcp-keepalive-garbage', 39, 'boolean'],
  ['nis-domain', 40, 'string'],
  ['nis-servers', 41, v4a, A],
  ['ntp-servers', 42, v4a, A],
  ['vendor-encapsulated-options', 43, 'empty', false, undefined, VENDOR_ENCAPSULATED_OPTION_SPACE],
  ['netbios-name-servers', 44, v4a, A],
  ['netbios-dd-server', 45, v4a, A],
  ['netbios-node-type', 46, u8],
  ['netbios-scope', 47, 'string'],
  ['font-servers', 48, v4a, A],
  ['x-display-manager', 49, v4a, A],
  ['dhcp-requested-address', 50, v4a],
  ['dhcp-lease-time', 51, u32],
  ['dhcp-option-overload', 52, u8],
  ['dhcp-message-type', 53, u8],
  ['dhcp-server-identifier', 54, v4a],
  ['dhcp-parameter-request-list', 55, u8, A],
  ['dhcp-message', 56, 'string'],
  ['dhcp-max-message-size', 57, u16],
  ['dhcp-renewal-time', 58, u32],
  ['dhcp-rebinding-time', 59, u32],
  ['vendor-class-identifier', 60, 'string'],
  ['dhcp-client-identifier', 61, 'binary'],
  ['nwip-domain-name', 62, 'string'],
  ['nwip-suboptions', 63, 'binary'],
  ['nisplus-domain-name', 64, 'string'],
  ['nisplus-servers', 65, v4a, A],
  ['tftp-server-name', 66, 'string'],
  ['boot-file-name', 67, 'string'],
  ['mobile-ip-home-agent', 68, v4a, A],
  ['smtp-server', 69, v4a, A],
  ['pop-server', 70, v4a, A],
  ['nntp-server', 71, v4a, A],
  ['www-server', 72, v4a, A],
  ['finger-server', 73, v4a, A],
  ['irc-server', 74, v4a, A],
  ['streettalk-server', 75, v4a, A],
  ['streettalk-directory-assistance-server', 76, v4a, A],
  ['user-class', 77, 'binary'],
  ['slp-directory-agent', 78, 'record', A, ['boolean', v4a]],
  ['slp-service-scope', 79, 'record', false, ['boolean', 'string']],
  ['fqdn', 81, 'record', false, [u8, u8, u8, 'fqdn']],
  ['dhcp-agent-options', 82, 'empty', false, undefined, DHCP_AGENT_OPTION_SPACE],
  ['nds-servers', 85, v4a, A],
  ['nds-tree-name', 86, 'string'],
  ['nds-context', 87, 'string'],
  ['bcms-controller-names', 88, 'fqdn', A],
  ['bcms-controller-address', 89, v4a, A],
  ['authenticate', 90, 'binary'],
  ['client-last-transaction-time', 91, u32],
  ['associated-ip', 92, v4a, A],
  ['client-system', 93, u16, A],
  ['client-ndi', 94, 'record', false, [u8, u8, u8]],
  ['uuid-guid', 97, 'record', false, [u8, 'binary']],
  ['uap-servers', 98, 'string'],
  ['geoconf-civic', 99, 'binary'],
  ['pcode', 100, 'string'],
  ['tcode', 101, 'string'],
  ['v6-only-preferred', 108, u32],
  ['netinfo-server-address', 112, v4a, A],
  ['netinfo-server-tag', 113, 'string'],
  ['v4-captive-portal', 114, 'string'],
  ['auto-config', 116, u8],
  ['name-service-search', 117, u16, A],
  ['subnet-selection', 118, v4a],
  ['domain-search', 119, 'fqdn', A],
  ['classless-static-route', 121, 'binary'],
  ['vivco-suboptions', 124, 'record', false, [u32, 'binary']],
  ['vivso-suboptions', 125, u32],
  ['pana-agent', 136, v4a, A],
  ['v4-lost', 137, 'fqdn'],
  ['capwap-ac-v4', 138, v4a, A],
  ['sip-ua-cs-domains', 141, 'fqdn', A],
  ['v4-sztp-redirect', 143, 'tuple', A],
  ['rdnss-selection', 146, 'record', A, [u8, v4a, v4a, 'fqdn']],
  ['status-code', 151, 'record', false, [u8, 'string']],
  ['base-time', 152, u32],
  ['start-time-of-state', 153, u32],
  ['query-start-time', 154, u32],
  ['query-end-time', 155, u32],
  ['dhcp-state', 156, u8],
  ['data-source', 157, u8],
  ['v4-portparams', 159, 'record', false, [u8, 'psid']],
  ['v4-dnr', 162, 'record', false, [u16, u16, u8, 'fqdn', 'binary']],
  ['option-6rd', 212, 'record', A, [u8, u8, v6a, v4a]],
  ['v4-access-domain', 213, 'fqdn'],
];

const AGENT: readonly Row[] = [
  ['circuit-id', 1, 'binary'],
  ['remote-id', 2, 'binary'],
  ['docsis-device-class', 4, u32],
  ['link-selection', 5, v4a],
  ['subscriber-id', 6, 'string'],
  ['radius', 7, 'binary'],
  ['auth', 8, 'binary'],
  ['vendor-specific-info', 9, 'binary'],
  ['relay-flags', 10, u8],
  ['server-id-override', 11, v4a],
  ['relay-id', 12, 'binary'],
  ['access-techno-type', 13, u16],
  ['access-network-name', 14, 'string'],
  ['access-point-name', 15, 'string'],
  ['access-point-bssid', 16, 'binary'],
  ['operator-id', 17, u32],
  ['operator-realm', 18, 'string'],
  ['relay-port', 19, u16],
  ['virtual-subnet-select', 151, 'binary'],
  ['virtual-subnet-select-ctrl', 152, 'empty'],
];

const D6 = DHCP6_OPTION_SPACE;
const V6: readonly Row[] = [
  ['clientid', 1, 'binary'],
  ['serverid', 2, 'binary'],
  ['ia-na', 3, 'record', false, [u32, u32, u32], D6],
  ['ia-ta', 4, u32, false, undefined, D6],
  ['iaaddr', 5, 'record', false, [v6a, u32, u32], D6],
  ['oro', 6, u16, A],
  ['preference', 7, u8],
  ['elapsed-time', 8, u16],
  ['relay-msg', 9, 'binary'],
  ['auth', 11, 'binary'],
  ['unicast', 12, v6a],
  ['status-code', 13, 'record', false, [u16, 'string']],
  ['rapid-commit', 14, 'empty'],
  ['user-class', 15, 'binary'],
  ['vendor-class', 16, 'record', A, [u32, 'tuple']],
  ['vendor-opts', 17, u32],
  ['interface-id', 18, 'binary'],
  ['reconf-msg', 19, u8],
  ['reconf-accept', 20, 'empty'],
  ['sip-server-dns', 21, 'fqdn', A],
  ['sip-server-addr', 22, v6a, A],
  ['dns-servers', 23, v6a, A],
  ['domain-search', 24, 'fqdn', A],
  ['ia-pd', 25, 'record', false, [u32, u32, u32], D6],
  ['iaprefix', 26, 'record', false, [u32, u32, u8, v6a], D6],
  ['nis-servers', 27, v6a, A],
  ['nisp-servers', 28, v6a, A],
  ['nis-domain-name', 29, 'fqdn', A],
  ['nisp-domain-name', 30, 'fqdn', A],
  ['sntp-servers', 31, v6a, A],
  ['information-refresh-time', 32, u32],
  ['bcmcs-server-dns', 33, 'fqdn', A],
  ['bcmcs-server-addr', 34, v6a, A],
  ['geoconf-civic', 36, 'record', false, [u8, u16, 'binary']],
  ['remote-id', 37, 'record', false, [u32, 'binary']],
  ['subscriber-id', 38, 'binary'],
  ['client-fqdn', 39, 'record', false, [u8, 'fqdn']],
  ['pana-agent', 40, v6a, A],
  ['new-posix-timezone', 41, 'string'],
  ['new-tzdb-timezone', 42, 'string'],
  ['ero', 43, u16, A],
  ['lq-query', 44, 'record', false, [u8, v6a], D6],
  ['client-data', 45, 'empty', false, undefined, D6],
  ['clt-time', 46, u32],
  ['lq-relay-data', 47, 'record', false, [v6a, 'binary']],
  ['lq-client-link', 48, v6a, A],
  ['v6-lost', 51, 'fqdn'],
  ['capwap-ac-v6', 52, v6a, A],
  ['relay-id', 53, 'binary'],
  ['v6-access-domain', 57, 'fqdn'],
  ['sip-ua-cs-list', 58, 'fqdn', A],
  ['bootfile-url', 59, 'string'],
  ['bootfile-param', 60, 'tuple', A],
  ['client-arch-type', 61, u16, A],
  ['nii', 62, 'record', false, [u8, u8, u8]],
  ['aftr-name', 64, 'fqdn'],
  ['erp-local-domain-name', 65, 'fqdn'],
  ['rsoo', 66, 'empty', false, undefined, 'rsoo-opts'],
  ['pd-exclude', 67, 'ipv6-prefix'],
  ['rdnss-selection', 74, 'record', A, [v6a, u8, 'fqdn']],
  ['client-linklayer-addr', 79, 'binary'],
  ['link-address', 80, v6a],
  ['solmax-rt', 82, u32],
  ['inf-max-rt', 83, u32],
  ['dhcpv4-message', 87, 'binary'],
  ['dhcp4o6-server-addr', 88, v6a, A],
  ['s46-cont-mape', 94, 'empty', false, undefined, 's46-cont-mape-options'],
  ['s46-cont-mapt', 95, 'empty', false, undefined, 's46-cont-mapt-options'],
  ['s46-cont-lw', 96, 'empty', false, undefined, 's46-cont-lw-options'],
  ['v6-captive-portal', 103, 'string'],
  ['relay-source-port', 135, u16],
  ['v6-sztp-redirect', 136, 'tuple', A],
  ['ipv6-address-andsf', 143, v6a, A],
  ['v6-dnr', 144, 'record', false, [u16, u16, 'fqdn', 'binary']],
];

const S46_RULE: Row = [
  's46-rule',
  89,
  'record',
  false,
  [u8, u8, u8, v4a, 'ipv6-prefix'],
  's46-rule-options',
];
const S46_PORTPARAMS: Row = ['s46-portparams', 93, 'record', false, [u8, 'psid']];

/** Every standard space and its rows. */
const SPACES: Record<string, readonly Row[]> = {
  dhcp4: V4,
  [DHCP_AGENT_OPTION_SPACE]: AGENT,
  dhcp6: V6,
  '4o6': [
    ['4o6-interface', 60000, 'string'],
    ['4o6-source-address', 60001, v6a],
    ['4o6-source-port', 60002, u16],
  ],
  's46-cont-mape-options': [['s46-br', 90, v6a], S46_RULE],
  's46-cont-mapt-options': [S46_RULE, ['s46-dmr', 91, 'ipv6-prefix']],
  's46-cont-lw-options': [
    ['s46-br', 90, v6a],
    ['s46-v4v6bind', 92, 'record', false, [v4a, 'ipv6-prefix'], 's46-v4v6bind-options'],
  ],
  's46-rule-options': [S46_PORTPARAMS],
  's46-v4v6bind-options': [S46_PORTPARAMS],
  // DOCSIS 3.0 (enterprise 4491), docsis3_option_defs.h
  'vendor-4491-v4': [
    ['oro', 1, u8, A],
    ['tftp-servers', 2, v4a, A],
  ],
  'vendor-4491-v6': [
    ['oro', 1, u16, A],
    ['tftp-servers', 32, v6a, A],
    ['config-file', 33, 'string'],
    ['syslog-servers', 34, v6a, A],
    ['device-id', 36, 'binary'],
    ['time-servers', 37, v6a, A],
    ['time-offset', 38, 'int32'],
    ['cm-mac-address', 1026, 'binary'],
  ],
};

const byKey = new Map<string, OptionDefinition>();
const byName = new Map<string, OptionDefinition>();
// The top spaces are looked up for every decoded option: index them by code.
const V4_BY_CODE: (OptionDefinition | undefined)[] = new Array(256).fill(undefined);
const V6_BY_CODE: (OptionDefinition | undefined)[] = new Array(256).fill(undefined);
for (const [space, rows] of Object.entries(SPACES)) {
  for (const [name, code, type, array, fields, encapsulate] of rows) {
    const def: OptionDefinition = {
      name,
      code,
      space,
      type,
      array: array ?? false,
      ...(fields ? { fields } : {}),
      ...(encapsulate ? { encapsulate } : {}),
      ...(space === 'dhcp4' && code === 125 ? { layout: 'vivso' as const } : {}),
      ...(space === 'dhcp6' && code === 17 ? { layout: 'vendor-v6' as const } : {}),
    };
    byKey.set(`${space}\u0000${code}`, def);
    if (space === 'dhcp4') V4_BY_CODE[code] = def;
    if (space === 'dhcp6' && code < 256) V6_BY_CODE[code] = def;
    byName.set(`${space}\u0000${name}`, def);
  }
}

/** Vendor spaces carry the enterprise id; Kea names them `vendor-<id>`. */
export function vendorSpace(enterpriseId: number): string {
  return `vendor-${enterpriseId}`;
}

function tableSpace(space: string, universe: 'v4' | 'v6' | undefined): string {
  // Vendor spaces are per universe; the v4 and v6 DOCSIS tables differ.
  if (space.startsWith('vendor-') && universe !== undefined && /^vendor-\d+$/.test(space)) {
    return `${space}-${universe}`;
  }
  return space;
}

/** Standard definition of `code` in `space`, or undefined. Pure lookup. */
export function getOptionDefinition(
  space: string,
  code: number,
  universe?: 'v4' | 'v6',
): OptionDefinition | undefined {
  if (space === 'dhcp4') return V4_BY_CODE[code];
  if (space === 'dhcp6' && code < 256) return V6_BY_CODE[code];
  return byKey.get(`${tableSpace(space, universe)}\u0000${code}`);
}

/** Standard definition by Kea name in `space` (`dhcp4` by default), or undefined. */
export function getOptionDefinitionByName(
  name: string,
  space = DHCP4_OPTION_SPACE,
  universe?: 'v4' | 'v6',
): OptionDefinition | undefined {
  return byName.get(`${tableSpace(space, universe)}\u0000${name}`);
}

/** Every standard definition of a space (in table order). */
export function getOptionDefinitions(space: string, universe?: 'v4' | 'v6'): OptionDefinition[] {
  const key = tableSpace(space, universe);
  return [...byKey.values()].filter((d) => d.space === key);
}
