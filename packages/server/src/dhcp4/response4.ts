import { DHCPINFORM, DHCPNAK, type Option, Pkt4 } from '@hookscope/dhcp';
import type { OptionDataEntry } from '../config/configModel';
import { buildConfiguredOption } from '../optionData';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { optionAddress, optionUint32 } from './packet4';

/**
 * The response as Kea's exchange starts it: BOOTREPLY with the query's xid, hops, chaddr,
 * giaddr and flags, the client id echoed (RFC 6842) and a relay agent option copied back.
 */
export function initResponse4(server: Dhcp4Server, query: Pkt4, type: number): Pkt4 {
  const r = new Pkt4(type, query.transid);
  r.op = 2;
  r.htype = query.htype;
  r.hlen = query.hlen;
  r.hops = query.hops;
  r.chaddr = query.chaddr.slice();
  r.flags = query.flags;
  const giaddr = query.getGiaddr();
  if (giaddr !== '0.0.0.0') r.setGiaddr(giaddr);
  if (type === DHCPINFORM || query.getType() === DHCPINFORM) r.setCiaddr(query.getCiaddr());
  r.iface = query.iface;
  r.ifindex = query.ifindex;
  r.localHWAddr = query.localHWAddr;
  r.remoteHWAddr = query.remoteHWAddr;
  const clientId = query.getOption(61);
  if (clientId && (server.config4?.echoClientId ?? true)) r.addOption(clientId);
  const rai = query.getOption(82);
  if (rai && rai.len() > 2) r.addOption(rai);
  const selection = query.getOption(118);
  if (selection) r.addOption(selection);
  return r;
}

const NO_CODES = new Uint8Array(0);

function prl(query: Pkt4): Uint8Array {
  return query.getOption(55)?.getData() ?? NO_CODES;
}

/**
 * What Kea appends once the lease (or the NAK) is decided: server identifier, subnet mask,
 * lifetimes and timers for a lease, configured options the client asked for (reservation, pool,
 * subnet, global, the most specific first) or marked always-send; then where the answer goes.
 */
export function finishResponse4(server: Dhcp4Server, ex: Exchange4): void {
  const r = ex.response;
  if (!r) return;
  const query = ex.query;
  const subnet = ex.subnet;
  const serverId = server.serverAddressFor(subnet);
  if (!r.getOption(54)) r.addOption(optionAddress(54, serverId));
  if (r.getType() !== DHCPNAK && subnet) {
    const c = subnet.config;
    const mask = c.prefixLength === 0 ? 0 : (0xffffffff << (32 - c.prefixLength)) >>> 0;
    if (!r.getOption(1)) r.addOption(optionUint32(1, mask));
    const lease = ex.leases[0] ?? ex.offered;
    if (lease && ex.type !== DHCPINFORM) {
      if (!r.getOption(51)) r.addOption(optionUint32(51, lease.validLft));
      if (c.timers.renewTimer !== undefined && c.timers.renewTimer < lease.validLft)
        r.addOption(optionUint32(58, c.timers.renewTimer));
      if (c.timers.rebindTimer !== undefined && c.timers.rebindTimer < lease.validLft)
        r.addOption(optionUint32(59, c.timers.rebindTimer));
    }
    const wanted = prl(query);
    // the most specific first; no list is built for this (it runs for every response)
    if (ex.reservation) addConfigured(r, ex.reservation.optionData, wanted);
    addConfigured(r, poolOptions(server, ex), wanted);
    addConfigured(r, c.optionData, wanted);
    if (server.config4) addConfigured(r, server.config4.optionData, wanted);
  }
  destination4(server, ex);
}

function addConfigured(r: Pkt4, list: readonly OptionDataEntry[], wanted: Uint8Array): void {
  for (const entry of list) {
    const code = entry.code ?? buildConfiguredOption(entry, 'v4')?.code;
    if (code === undefined || r.getOption(code)) continue;
    if (!entry.alwaysSend && !wanted.includes(code)) continue;
    const option: Option | undefined = buildConfiguredOption(entry, 'v4');
    if (option) r.addOption(option);
  }
}

const NO_OPTION_DATA: readonly OptionDataEntry[] = [];

function poolOptions(server: Dhcp4Server, ex: Exchange4): readonly OptionDataEntry[] {
  const lease = ex.leases[0] ?? ex.offered;
  if (!lease || !ex.subnet) return NO_OPTION_DATA;
  const value = server.addressValue(lease.addr) ?? -1;
  for (const p of ex.subnet.config.pools) {
    if (value >= p.first && value <= p.last) return p.optionData;
  }
  return NO_OPTION_DATA;
}

/** Kea's adjustRemoteAddr: relay, then ciaddr, then broadcast (NAK or flag), else yiaddr. */
export function destination4(server: Dhcp4Server, ex: Exchange4): void {
  const r = ex.response;
  if (!r) return;
  const query = ex.query;
  r.localAddr = server.serverAddressFor(ex.subnet);
  r.localPort = 67;
  const giaddr = query.getGiaddr();
  if (giaddr !== '0.0.0.0') {
    r.remoteAddr = giaddr;
    r.remotePort = 67;
    return;
  }
  r.remotePort = 68;
  const ciaddr = query.getCiaddr();
  if (ciaddr !== '0.0.0.0') r.remoteAddr = ciaddr;
  else if (r.getType() === DHCPNAK || (query.flags & 0x8000) !== 0)
    r.remoteAddr = '255.255.255.255';
  else r.remoteAddr = r.getYiaddr();
}
