// Message type codes and names, as Kea's dhcp4.h / dhcp6.h define them.

export const BOOTREQUEST = 1;
export const BOOTREPLY = 2;

export const DHCP_NOTYPE = 0;
export const DHCPDISCOVER = 1;
export const DHCPOFFER = 2;
export const DHCPREQUEST = 3;
export const DHCPDECLINE = 4;
export const DHCPACK = 5;
export const DHCPNAK = 6;
export const DHCPRELEASE = 7;
export const DHCPINFORM = 8;
export const DHCPFORCERENEW = 9;
export const DHCPLEASEQUERY = 10;
export const DHCPLEASEUNASSIGNED = 11;
export const DHCPLEASEUNKNOWN = 12;
export const DHCPLEASEACTIVE = 13;
export const DHCPBULKLEASEQUERY = 14;
export const DHCPLEASEQUERYDONE = 15;
export const DHCPACTIVELEASEQUERY = 16;
export const DHCPLEASEQUERYSTATUS = 17;
export const DHCPTLS = 18;

const NAMES4: Record<number, string> = {
  1: 'DHCPDISCOVER',
  2: 'DHCPOFFER',
  3: 'DHCPREQUEST',
  4: 'DHCPDECLINE',
  5: 'DHCPACK',
  6: 'DHCPNAK',
  7: 'DHCPRELEASE',
  8: 'DHCPINFORM',
  9: 'DHCPFORCERENEW',
  10: 'DHCPLEASEQUERY',
  11: 'DHCPLEASEUNASSIGNED',
  12: 'DHCPLEASEUNKNOWN',
  13: 'DHCPLEASEACTIVE',
  14: 'DHCPBULKLEASEQUERY',
  15: 'DHCPLEASEQUERYDONE',
  16: 'DHCPACTIVELEASEQUERY',
  17: 'DHCPLEASEQUERYSTATUS',
  18: 'DHCPTLS',
};

/** Kea's Pkt4::getName: `DHCPDISCOVER` …, `UNKNOWN` for anything else (0 included). */
export function getName4(type: number): string {
  return NAMES4[type] ?? 'UNKNOWN';
}

/** DHCPv6 message types; Kea spells them DHCPV6_<NAME>, we drop the prefix. */
export const SOLICIT = 1;
export const ADVERTISE = 2;
export const REQUEST = 3;
export const CONFIRM = 4;
export const RENEW = 5;
export const REBIND = 6;
export const REPLY = 7;
export const RELEASE = 8;
export const DECLINE = 9;
export const RECONFIGURE = 10;
export const INFORMATION_REQUEST = 11;
export const RELAY_FORW = 12;
export const RELAY_REPL = 13;
export const LEASEQUERY = 14;
export const LEASEQUERY_REPLY = 15;
export const LEASEQUERY_DONE = 16;
export const LEASEQUERY_DATA = 17;
export const RECONFIGURE_REQUEST = 18;
export const RECONFIGURE_REPLY = 19;
export const DHCPV4_QUERY = 20;
export const DHCPV4_RESPONSE = 21;
export const ACTIVELEASEQUERY = 22;
export const STARTTLS = 23;
/** RFC 9686 address registration (Kea 2.7.7 and later). */
export const ADDR_REG_INFORM = 36;
export const ADDR_REG_REPLY = 37;

const NAMES6: Record<number, string> = {
  1: 'SOLICIT',
  2: 'ADVERTISE',
  3: 'REQUEST',
  4: 'CONFIRM',
  5: 'RENEW',
  6: 'REBIND',
  7: 'REPLY',
  8: 'RELEASE',
  9: 'DECLINE',
  10: 'RECONFIGURE',
  11: 'INFORMATION_REQUEST',
  12: 'RELAY_FORWARD',
  13: 'RELAY_REPLY',
  14: 'LEASEQUERY',
  15: 'LEASEQUERY_REPLY',
  16: 'LEASEQUERY_DONE',
  17: 'LEASEQUERY_DATA',
  18: 'RECONFIGURE_REQUEST',
  19: 'RECONFIGURE_REPLY',
  20: 'DHCPV4_QUERY',
  21: 'DHCPV4_RESPONSE',
  22: 'ACTIVELEASEQUERY',
  23: 'STARTTLS',
  36: 'ADDR_REG_INFORM',
  37: 'ADDR_REG_REPLY',
};

/** Kea's Pkt6::getName: `SOLICIT` …, `RELAY_FORWARD`, `UNKNOWN` for anything else. */
export function getName6(type: number): string {
  return NAMES6[type] ?? 'UNKNOWN';
}
