import {
  ADDR_REG_INFORM,
  ADDR_REG_REPLY,
  ADVERTISE,
  CONFIRM,
  DECLINE,
  INFORMATION_REQUEST,
  Option,
  Pkt6,
  REBIND,
  RELAY_REPL,
  RELEASE,
  RENEW,
  REPLY,
  REQUEST,
  SOLICIT,
} from '@hookscope/dhcp';
import { parseIpv6 } from '../address';
import type { ServerConfig, ServerConfig6 } from '../config/configModel';
import { type Lease6, LeaseState, leaseStateName } from '../leases/lease';
import { LeaseStore6 } from '../leases/leaseStore';
import { flushReclaimed, type ReclaimStore, reclaimExpired } from '../leases/reclaim';
import { buildConfiguredOption } from '../optionData';
import { PacketServer } from '../packetServer';
import { Subnet6 } from '../subnet';
import type { SelectSteps } from '../subnetSelect';
import type { CreateServerOptions, LeaseView, PacketMeta, SentPacket } from '../types';
import { addrRegister6 } from './addrRegister6';
import { Allocator6 } from './allocator6';
import { generateFqdn6 } from './clientName6';
import type { Exchange6 } from './exchange6';
import { FAMILY6 } from './family6';
import { assignLeases6, confirm6, declineLeases6, extendLeases6, releaseLeases6 } from './leases6';
import { statusOption } from './packet6';
import { selectSubnet6, setUpContext6 } from './selectSubnet6';
import { sendResponse6 } from './sendResponse6';

/** The DHCPv6-only hook points (the shared ones are `common`); -1 where the release lacks one. */
export interface Hooks6 {
  lease6_rebind: number;
  addr6_register: number;
}

/**
 * The simulated kea-dhcp6: buffer6_receive, parsing, pkt6_receive, the message checks, subnet
 * selection (subnet6_select) and the client context (the query's handle at the latest here),
 * message processing per IA, leases6_committed, pkt6_send, packing, buffer6_send.
 */
export class Dhcp6Server extends PacketServer<Pkt6, Subnet6, Exchange6> {
  readonly parts = FAMILY6;
  readonly store = new LeaseStore6();
  readonly allocator = new Allocator6(this.store);
  readonly hooks: Hooks6;
  subnets: Subnet6[] = [];

  constructor(options: CreateServerOptions) {
    super('dhcp6', options);
    this.hooks = {
      lease6_rebind: this.driver.index('lease6_rebind'),
      addr6_register: this.driver.find('addr6_register'),
    };
  }

  get config6(): ServerConfig6 | undefined {
    return this.config as ServerConfig6 | undefined;
  }

  protected applyConfig(config: ServerConfig): void {
    const c = config as ServerConfig6;
    this.subnets = c.subnets.map((s) => new Subnet6(s));
    this.allocator.reset();
    this.scheduleTimers(c);
    for (const s of c.subnets) {
      let total = 0n;
      for (const p of s.pools) total += p.last - p.first + 1n;
      this.stats.set(`subnet[${s.id}].total-nas`, Number(total));
      let pds = 0;
      for (const p of s.pdPools) pds += 2 ** (p.delegatedLength - p.prefixLength);
      this.stats.set(`subnet[${s.id}].total-pds`, pds);
      this.stats.keepOrZero(s.id, [
        'assigned-nas',
        'assigned-pds',
        'declined-addresses',
        'reclaimed-leases',
        'reclaimed-declined-addresses',
      ]);
    }
  }

  protected newExchange(query: Pkt6): Exchange6 {
    return {
      query,
      response: undefined,
      handle: undefined,
      subnet: undefined,
      reservation: undefined,
      duid: '',
      hwaddr: undefined,
      leases: [],
      deleted: [],
      fake: false,
      hostname: '',
      fwdUpdate: false,
      revUpdate: false,
    };
  }

  /** Kea's DHCPv6 order: the message checks come after pkt6_receive (R115). */
  protected processPacket(
    bytes: Uint8Array,
    meta: PacketMeta | undefined,
    sent: SentPacket[],
    parsed: Pkt6 | undefined,
  ): Exchange6 | undefined {
    const ex = this.receiveBuffer(bytes, meta, parsed);
    if (!ex) return undefined;
    if (!this.receivePacket(ex)) return ex;
    const query = ex.query;
    if (!this.accept(query)) {
      this.rejected(
        'rejected by the message checks (type, server id, client id or service disabled)',
      );
      return ex;
    }
    if (query.inClass('DROP')) {
      this.rejected('in the DROP class');
      return ex;
    }
    ex.duid = query.getClientId() ?? '';
    ex.hwaddr = hwaddrFromDuid(ex.duid);
    if (selectSubnet6(this, ex, this.afterSubnet, sent) === undefined)
      this.afterSubnet.rest(ex, sent);
    return ex;
  }

  /** What follows subnet selection, now or after an unpark (one object, no closures per query). */
  private readonly afterSubnet: SelectSteps<Exchange6, Subnet6> = {
    setUp: (ex, subnet) => setUpContext6(this, ex, subnet),
    rest: (ex, out) => {
      this.handleOf(ex);
      this.dispatch(ex);
      if (ex.response) sendResponse6(this, ex, out);
    },
  };

  /** Kea's sanityCheck: service on, known type, client id and server id as RFC 8415 wants. */
  private accept(query: Pkt6): boolean {
    if (!this.serviceEnabled(query)) return false;
    const type = query.getType();
    const serverId = query.getOption(2);
    switch (type) {
      case SOLICIT:
      case CONFIRM:
      case REBIND:
        return query.getOption(1) !== undefined && serverId === undefined;
      case REQUEST:
      case RENEW:
      case RELEASE:
      case DECLINE:
        return query.getOption(1) !== undefined && serverId !== undefined && this.ours(serverId);
      case INFORMATION_REQUEST:
        return serverId === undefined || this.ours(serverId);
      case ADDR_REG_INFORM:
        if (this.features.addressRegistration)
          return query.getOption(1) !== undefined && serverId === undefined;
        if (this.wants('DHCPX_UNSUPPORTED_TYPE'))
          this.say('DHCPX_UNSUPPORTED_TYPE', query.remoteAddr, type);
        return false;
      default:
        if (this.wants('DHCPX_UNSUPPORTED_TYPE'))
          this.say('DHCPX_UNSUPPORTED_TYPE', query.remoteAddr, type);
        return false;
    }
  }

  /** True when the server-id option carries this server's DUID. */
  private ours(serverId: Option): boolean {
    const mine = this.config6?.serverDuid;
    const data = serverId.getData();
    if (!mine || data.length !== mine.length) return false;
    for (let i = 0; i < data.length; i++) if (data[i] !== mine[i]) return false;
    return true;
  }

  private dispatch(ex: Exchange6): void {
    const query = ex.query;
    switch (query.getType()) {
      case SOLICIT: {
        const rapid = query.getOption(14) !== undefined && (ex.subnet?.config.rapidCommit ?? false);
        ex.response = this.initResponse(ex, rapid ? REPLY : ADVERTISE);
        if (rapid) ex.response.addOption(new Option('v6', 14, new Uint8Array(0)));
        ex.fake = !rapid;
        assignLeases6(this, ex);
        break;
      }
      case REQUEST:
        ex.response = this.initResponse(ex, REPLY);
        assignLeases6(this, ex);
        generateFqdn6(this, ex);
        break;
      case RENEW:
      case REBIND:
        ex.response = this.initResponse(ex, REPLY);
        extendLeases6(this, ex);
        generateFqdn6(this, ex);
        break;
      case RELEASE:
        ex.response = this.initResponse(ex, REPLY);
        releaseLeases6(this, ex);
        break;
      case DECLINE:
        ex.response = this.initResponse(ex, REPLY);
        declineLeases6(this, ex);
        break;
      case CONFIRM:
        ex.response = this.initResponse(ex, REPLY);
        confirm6(this, ex);
        break;
      case INFORMATION_REQUEST:
        ex.response = this.initResponse(ex, REPLY);
        break;
      case ADDR_REG_INFORM:
        ex.response = this.initResponse(ex, ADDR_REG_REPLY);
        addrRegister6(this, ex);
        break;
      default:
        return;
    }
    if (ex.response) this.appendOptions(ex);
  }

  /** REPLY / ADVERTISE with client id, server id and the relay layers turned into RELAY-REPL. */
  initResponse(ex: Exchange6, type: number): Pkt6 {
    const query = ex.query;
    const r = new Pkt6(type, query.transid);
    const clientId = query.getOption(1);
    if (clientId) r.addOption(clientId);
    r.addOption(new Option('v6', 2, this.config6?.serverDuid ?? new Uint8Array(0)));
    r.relayInfo = query.relayInfo.map((layer) => ({
      msgType: RELAY_REPL,
      hopCount: layer.hopCount,
      linkAddr: layer.linkAddr,
      peerAddr: layer.peerAddr,
      options: layer.options.filter((o) => o.code === 18),
      relayMsgIndex: 0,
    }));
    r.iface = query.iface;
    r.ifindex = query.ifindex;
    r.localAddr = query.localAddr;
    r.localPort = 547;
    r.remoteAddr = query.remoteAddr;
    r.remotePort = query.relayInfo.length > 0 ? 547 : 546;
    return r;
  }

  /** Options from the configuration that the client asked for (ORO) or that are always sent. */
  private appendOptions(ex: Exchange6): void {
    const r = ex.response;
    if (!r) return;
    const oro = ex.query.getOption(6)?.getData() ?? new Uint8Array(0);
    const wanted = new Set<number>();
    for (let i = 0; i + 1 < oro.length; i += 2)
      wanted.add(((oro[i] ?? 0) << 8) | (oro[i + 1] ?? 0));
    const sources = [
      ex.reservation?.optionData ?? [],
      ex.subnet?.config.optionData ?? [],
      this.config6?.optionData ?? [],
    ];
    for (const list of sources) {
      for (const entry of list) {
        const option = buildConfiguredOption(entry, 'v6');
        if (!option || r.getOption(option.code)) continue;
        if (entry.alwaysSend || wanted.has(option.code)) r.addOption(option);
      }
    }
    r.options.sort((a, b) => a.code - b.code);
  }

  /** Adds a top-level status code. */
  topStatus(ex: Exchange6, code: number, text: string): void {
    ex.response?.addOption(statusOption(code, text));
  }

  leases(): LeaseView[] {
    return this.store.all().map((l) => ({
      type: l.type,
      address: l.addr,
      prefixLength: l.prefixlen,
      subnetId: l.subnetId,
      duid: l.duid,
      iaid: l.iaid,
      hwaddr: l.hwaddr,
      validLifetime: l.validLft,
      preferredLifetime: l.preferredLft,
      cltt: l.cltt,
      state: l.state,
      stateName: leaseStateName(l.state),
      hostname: l.hostname,
    }));
  }

  /** The lease database as reclamation sees it (registered addresses count in no pool). */
  private readonly reclaimStore: ReclaimStore<Lease6> = {
    all: () => this.store.all(),
    update: (lease) => this.store.update(lease),
    remove: (lease) => {
      this.store.delete(lease);
    },
    assignedStatistic: (lease) =>
      lease.state === LeaseState.REGISTERED
        ? undefined
        : `assigned-${lease.type === 'IA_PD' ? 'pds' : 'nas'}`,
  };

  reclaimExpired(remove: boolean, viaCommand: boolean): void {
    reclaimExpired(this, FAMILY6, this.reclaimStore, remove, viaCommand);
  }

  flushReclaimed(): void {
    flushReclaimed(this, this.reclaimStore);
  }

  addressValue(text: string): bigint | undefined {
    return parseIpv6(text);
  }
}

/** The link-layer address inside a DUID-LLT (type 1) or DUID-LL (type 3), as Kea extracts it. */
function hwaddrFromDuid(duid: string): string | undefined {
  // DUID-LLT (00:01, 8-byte head) and DUID-LL (00:03, 4-byte head) in the usual xx:yy form:
  // the address is the text after the head, no split and join needed
  if (
    duid.length >= 26 &&
    duid.charCodeAt(2) === 58 &&
    /^00:0[13]:(?:[0-9a-f]{2}:)+[0-9a-f]{2}$/.test(duid)
  )
    return duid.slice(duid.charCodeAt(4) === 49 ? 24 : 12);
  const bytes = duid.split(':');
  if (bytes[0] === '00' && bytes[1] === '01' && bytes.length > 8) return bytes.slice(8).join(':');
  if (bytes[0] === '00' && bytes[1] === '03' && bytes.length > 4) return bytes.slice(4).join(':');
  return undefined;
}
