// Sample DHCPv4 client messages, direct or through a relay, as RFC 2131 lays them out.
import { createOption4 } from './createOption';
import { DHCPDECLINE, DHCPDISCOVER, DHCPINFORM, DHCPRELEASE, DHCPREQUEST } from './messageTypes';
import type { Option } from './option';
import { Pkt4 } from './pkt4';

export interface Client4Options {
  /** Client hardware address. Default `02:00:00:00:00:01`. */
  hwaddr?: string;
  /** Hardware type. Default 1 (Ethernet). */
  htype?: number;
  /** dhcp-client-identifier as hex; default `01` + hwaddr; `''` leaves the option out. */
  clientId?: string;
  /** Transaction id. Default 0x1234 + a counter the caller controls (here fixed). */
  xid?: number;
  /** Parameter request list. Default [1, 3, 6, 15, 51, 54]. */
  prl?: readonly number[];
  /** Extra options, added after the standard ones (before option 82). */
  options?: readonly Option[];
  /** Through a relay: its address (giaddr) and agent sub-options. */
  relay?: { giaddr: string; circuitId?: string; remoteId?: string; hops?: number };
  /** Broadcast flag. Default false. */
  broadcast?: boolean;
  /** Local (server) address the packet arrives at. Default 192.0.2.1. */
  serverAddr?: string;
}

/** What the REQUEST is for (RFC 2131 §4.3.2). */
export type RequestKind = 'selecting' | 'init-reboot' | 'renewing' | 'rebinding';

function base(type: number, o: Client4Options): Pkt4 {
  const p = new Pkt4(type, o.xid ?? 0x00001234);
  p.setHWAddr(o.hwaddr ?? '02:00:00:00:00:01', o.htype ?? 1);
  if (o.broadcast) p.flags = 0x8000;
  const cid = o.clientId ?? `01:${p.getHWAddr().toString()}`;
  if (cid !== '') p.addOption(createOption4('dhcp-client-identifier', cid));
  p.remotePort = 68;
  p.localPort = 67;
  p.localAddr = '255.255.255.255';
  p.iface = 'eth0';
  return p;
}

function finish(p: Pkt4, o: Client4Options, withPrl = true): Pkt4 {
  if (withPrl)
    p.addOption(
      createOption4('dhcp-parameter-request-list', [...(o.prl ?? [1, 3, 6, 15, 51, 54])]),
    );
  for (const opt of o.options ?? []) p.addOption(opt);
  if (o.relay) {
    p.setGiaddr(o.relay.giaddr);
    p.hops = o.relay.hops ?? 1;
    const subs: Option[] = [];
    if (o.relay.circuitId !== undefined)
      subs.push(createOption4('circuit-id', o.relay.circuitId, [], 'dhcp-agent-options-space'));
    if (o.relay.remoteId !== undefined)
      subs.push(createOption4('remote-id', o.relay.remoteId, [], 'dhcp-agent-options-space'));
    if (subs.length > 0) p.addOption(createOption4('dhcp-agent-options', undefined, subs));
    // a relay sends to the server's port from its own address and port 67
    p.remoteAddr = o.relay.giaddr;
    p.remotePort = 67;
    p.localAddr = o.serverAddr ?? '192.0.2.1';
  }
  return p;
}

/** DHCPDISCOVER, optionally asking for `requestedAddress`. */
export function buildDiscover(o: Client4Options & { requestedAddress?: string } = {}): Pkt4 {
  const p = base(DHCPDISCOVER, o);
  if (o.requestedAddress) p.addOption(createOption4('dhcp-requested-address', o.requestedAddress));
  return finish(p, o);
}

/**
 * DHCPREQUEST. `selecting` needs `serverId` and `address` (option 54 and 50); `init-reboot`
 * needs `address` (option 50); `renewing` (unicast) and `rebinding` put `address` in ciaddr.
 * Throws TypeError when a needed field is missing.
 */
export function buildRequest(
  kind: RequestKind,
  o: Client4Options & { address: string; serverId?: string },
): Pkt4 {
  const p = base(DHCPREQUEST, o);
  if (kind === 'selecting' || kind === 'init-reboot') {
    p.addOption(createOption4('dhcp-requested-address', o.address));
    if (kind === 'selecting') {
      if (!o.serverId) throw new TypeError('a selecting DHCPREQUEST needs serverId');
      p.addOption(createOption4('dhcp-server-identifier', o.serverId));
    }
  } else {
    p.setCiaddr(o.address);
    p.remoteAddr = o.address;
    if (kind === 'renewing') p.localAddr = o.serverAddr ?? '192.0.2.1';
  }
  return finish(p, o);
}

/** DHCPRELEASE of `address` (ciaddr) to `serverId`. */
export function buildRelease(o: Client4Options & { address: string; serverId: string }): Pkt4 {
  const p = base(DHCPRELEASE, o);
  p.setCiaddr(o.address);
  p.remoteAddr = o.address;
  p.localAddr = o.serverAddr ?? o.serverId;
  p.addOption(createOption4('dhcp-server-identifier', o.serverId));
  return finish(p, o, false);
}

/** DHCPDECLINE of `address` (option 50) offered by `serverId`. */
export function buildDecline(o: Client4Options & { address: string; serverId: string }): Pkt4 {
  const p = base(DHCPDECLINE, o);
  p.addOption(createOption4('dhcp-requested-address', o.address));
  p.addOption(createOption4('dhcp-server-identifier', o.serverId));
  return finish(p, o, false);
}

/** DHCPINFORM from a client that already has `address` (ciaddr). */
export function buildInform(o: Client4Options & { address: string }): Pkt4 {
  const p = base(DHCPINFORM, o);
  p.setCiaddr(o.address);
  p.remoteAddr = o.address;
  return finish(p, o);
}
