// Sample DHCPv6 client messages (RFC 8415), direct or wrapped in relay layers.
import { fromHex, ipv6ToText } from './bytes';
import { createOption6 } from './createOption';
import {
  CONFIRM,
  DECLINE,
  INFORMATION_REQUEST,
  REBIND,
  RELAY_FORW,
  RELEASE,
  RENEW,
  REQUEST,
  SOLICIT,
} from './messageTypes';
import type { Option } from './option';
import { Pkt6 } from './pkt6';

export interface Relay6Spec {
  linkAddr: string;
  peerAddr: string;
  hopCount?: number;
  /** interface-id option as hex. */
  interfaceId?: string;
  /** remote-id: enterprise number and hex id. */
  remoteId?: { enterprise: number; id: string };
  options?: readonly Option[];
}

export interface Client6Options {
  /** Client DUID as hex. Default DUID-LL of `hwaddr`: `00:03:00:01:<hwaddr>`. */
  duid?: string;
  hwaddr?: string;
  /** Transaction id (24 bits). Default 0x001234. */
  transid?: number;
  /** IAID of the IA_NA (and IA_PD). Default 1. */
  iaid?: number;
  /** Which IAs to include. Default ['na']. */
  ias?: readonly ('na' | 'ta' | 'pd')[];
  /** Addresses (IA_NA) and prefixes (IA_PD, `2001:db8:1::/48`) held or requested. */
  addresses?: readonly string[];
  prefixes?: readonly string[];
  /** Option request option. Default [23, 24]. */
  oro?: readonly number[];
  /** Extra options, added at the end. */
  options?: readonly Option[];
  /** Relay layers from the one nearest the server to the one nearest the client. */
  relays?: readonly Relay6Spec[];
  /** Client's link-local address. Default fe80::… from the hardware address. */
  clientAddr?: string;
}

function duidOf(o: Client6Options): string {
  return o.duid ?? `00:03:00:01:${o.hwaddr ?? '02:00:00:00:00:01'}`;
}

function linkLocal(hw: string): string {
  const m = fromHex(hw);
  if (m.length !== 6) return 'fe80::1';
  const b = new Uint8Array(16);
  b.set([0xfe, 0x80], 0);
  b.set([m[0]! ^ 2, m[1]!, m[2]!, 0xff, 0xfe, m[3]!, m[4]!, m[5]!], 8);
  return ipv6ToText(b, 0);
}

function ias(o: Client6Options): Option[] {
  const out: Option[] = [];
  const iaid = o.iaid ?? 1;
  for (const kind of o.ias ?? ['na']) {
    if (kind === 'pd') {
      const subs = (o.prefixes ?? []).map((p) => {
        const [addr, len] = p.split('/');
        return createOption6('iaprefix', [0, 0, Number(len ?? 64), addr ?? '::']);
      });
      out.push(createOption6('ia-pd', [iaid, 0, 0], subs));
    } else {
      const subs = (o.addresses ?? []).map((a) => createOption6('iaaddr', [a, 0, 0]));
      out.push(
        kind === 'na'
          ? createOption6('ia-na', [iaid, 0, 0], subs)
          : createOption6('ia-ta', iaid, subs),
      );
    }
  }
  return out;
}

function build(
  type: number,
  o: Client6Options,
  serverId: string | undefined,
  withIa: boolean,
): Pkt6 {
  const p = new Pkt6(type, o.transid ?? 0x001234);
  p.addOption(createOption6('clientid', duidOf(o)));
  if (serverId !== undefined) p.addOption(createOption6('serverid', serverId));
  p.addOption(createOption6('elapsed-time', 0));
  if (withIa) for (const ia of ias(o)) p.addOption(ia);
  const oro = o.oro ?? [23, 24];
  if (oro.length > 0) p.addOption(createOption6('oro', [...oro]));
  for (const opt of o.options ?? []) p.addOption(opt);
  p.remoteAddr = o.clientAddr ?? linkLocal(o.hwaddr ?? '02:00:00:00:00:01');
  p.remotePort = 546;
  p.localAddr = 'ff02::1:2';
  p.localPort = 547;
  p.iface = 'eth0';
  p.remoteHWAddr = o.hwaddr ?? '02:00:00:00:00:01';
  for (const r of o.relays ?? []) {
    const options: Option[] = [];
    if (r.interfaceId !== undefined) options.push(createOption6('interface-id', r.interfaceId));
    if (r.remoteId)
      options.push(createOption6('remote-id', [r.remoteId.enterprise, r.remoteId.id]));
    options.push(...(r.options ?? []));
    p.relayInfo.push({
      msgType: RELAY_FORW,
      hopCount: r.hopCount ?? 0,
      linkAddr: r.linkAddr,
      peerAddr: r.peerAddr,
      options,
      relayMsgIndex: 0,
    });
  }
  if (p.relayInfo.length > 0) {
    // the server hears the outermost relay, on its own address, to port 547
    p.remoteAddr = p.relayInfo[0]!.linkAddr;
    p.remotePort = 547;
    p.localAddr = '2001:db8::1';
  }
  return p;
}

/** SOLICIT with IA_NA (default) or the IAs asked for; `rapidCommit` adds option 14. */
export function buildSolicit(o: Client6Options & { rapidCommit?: boolean } = {}): Pkt6 {
  const extra = o.rapidCommit ? [createOption6('rapid-commit'), ...(o.options ?? [])] : o.options;
  return build(SOLICIT, { ...o, ...(extra ? { options: extra } : {}) }, undefined, true);
}

/** REQUEST to `serverId` (hex DUID). */
export function buildRequest6(o: Client6Options & { serverId: string }): Pkt6 {
  return build(REQUEST, o, o.serverId, true);
}

/** RENEW to `serverId` for the addresses/prefixes held. */
export function buildRenew(o: Client6Options & { serverId: string }): Pkt6 {
  return build(RENEW, o, o.serverId, true);
}

/** REBIND (no server id) for the addresses/prefixes held. */
export function buildRebind(o: Client6Options = {}): Pkt6 {
  return build(REBIND, o, undefined, true);
}

/** RELEASE of the addresses/prefixes to `serverId`. */
export function buildRelease6(o: Client6Options & { serverId: string }): Pkt6 {
  return build(RELEASE, { ...o, oro: o.oro ?? [] }, o.serverId, true);
}

/** DECLINE of the addresses to `serverId`. */
export function buildDecline6(o: Client6Options & { serverId: string }): Pkt6 {
  return build(DECLINE, { ...o, oro: o.oro ?? [] }, o.serverId, true);
}

/** CONFIRM of the addresses (no server id). */
export function buildConfirm(o: Client6Options = {}): Pkt6 {
  return build(CONFIRM, o, undefined, true);
}

/** INFORMATION-REQUEST (no IA). */
export function buildInformationRequest(o: Client6Options = {}): Pkt6 {
  return build(INFORMATION_REQUEST, o, undefined, false);
}
