import {
  DHCPACK,
  DHCPDECLINE,
  DHCPDISCOVER,
  DHCPINFORM,
  DHCPOFFER,
  DHCPRELEASE,
  DHCPREQUEST,
  type Pkt4,
  toHex,
} from '@hookscope/dhcp';
import { formatIpv4, parseIpv4 } from '../address';
import type { ServerConfig, ServerConfig4 } from '../config/configModel';
import { type Lease4, leaseStateName } from '../leases/lease';
import { LeaseStore4 } from '../leases/leaseStore';
import { flushReclaimed, type ReclaimStore, reclaimExpired } from '../leases/reclaim';
import { PacketServer } from '../packetServer';
import { Subnet4 } from '../subnet';
import type { SelectSteps } from '../subnetSelect';
import type { CreateServerOptions, LeaseView, PacketMeta, SentPacket } from '../types';
import { Allocator4 } from './allocator4';
import { assignLease4 } from './assignLease4';
import { type Exchange4, newExchange } from './exchange4';
import { FAMILY4 } from './family4';
import { hwaddrText, serverIdOption } from './packet4';
import { processDecline4, processRelease4 } from './releaseDecline4';
import { finishResponse4, initResponse4 } from './response4';
import { selectSubnet4, setUpExchange4 } from './selectSubnet4';
import { sendResponse4 } from './sendResponse4';

const ACCEPTED_TYPES: ReadonlySet<number> = new Set([
  DHCPDISCOVER,
  DHCPREQUEST,
  DHCPRELEASE,
  DHCPDECLINE,
  DHCPINFORM,
]);

/** The DHCPv4-only hook points (the shared ones are `common`); -1 where the release lacks one. */
export interface Hooks4 {
  lease4_offer: number;
  lease4_server_decline: number;
}

/**
 * The simulated kea-dhcp4. `receive` walks one query through Kea's DHCPv4 path: buffer4_receive,
 * parsing, pkt4_receive, message-specific processing (subnet selection, reservations, client
 * name, lease assignment), leases4_committed, pkt4_send, packing, buffer4_send; every hook point
 * is guarded by `calloutsPresent` and the query's handle is created where Kea creates it.
 */
export class Dhcp4Server extends PacketServer<Pkt4, Subnet4, Exchange4> {
  readonly parts = FAMILY4;
  readonly store = new LeaseStore4();
  readonly allocator = new Allocator4(this.store);
  readonly hooks: Hooks4;
  subnets: Subnet4[] = [];
  private serverAddresses = new Set<string>();

  constructor(options: CreateServerOptions) {
    super('dhcp4', options);
    this.hooks = {
      lease4_offer: this.driver.find('lease4_offer'),
      lease4_server_decline: this.driver.find('lease4_server_decline'),
    };
  }

  get config4(): ServerConfig4 | undefined {
    return this.config as ServerConfig4 | undefined;
  }

  protected applyConfig(config: ServerConfig): void {
    const c = config as ServerConfig4;
    this.subnets = c.subnets.map((s) => new Subnet4(s));
    this.allocator.reset();
    this.serverAddresses = new Set(this.subnets.map((s) => this.serverAddressFor(s)));
    if (this.options.serverAddress) this.serverAddresses.add(this.options.serverAddress);
    this.scheduleTimers(c);
    for (const s of c.subnets) {
      let total = 0;
      for (const p of s.pools) total += p.last - p.first + 1;
      this.stats.set(`subnet[${s.id}].total-addresses`, total);
      this.stats.keepOrZero(s.id, [
        'assigned-addresses',
        'declined-addresses',
        'reclaimed-declined-addresses',
        'reclaimed-leases',
        'cumulative-assigned-addresses',
      ]);
    }
  }

  /** The server's address on a subnet's link: the option, else the subnet's first host. */
  serverAddressFor(subnet: Subnet4 | undefined): string {
    if (this.options.serverAddress) return this.options.serverAddress;
    if (!subnet) return '0.0.0.0';
    subnet.serverAddress ??= formatIpv4(subnet.config.network + 1);
    return subnet.serverAddress;
  }

  protected newExchange(query: Pkt4): Exchange4 {
    return newExchange(query, undefined);
  }

  /** Kea's DHCPv4 order: the message checks come before pkt4_receive (R115). */
  protected processPacket(
    bytes: Uint8Array,
    meta: PacketMeta | undefined,
    sent: SentPacket[],
    parsed: Pkt4 | undefined,
  ): Exchange4 | undefined {
    const ex = this.receiveBuffer(bytes, meta, parsed);
    if (!ex) return undefined;
    if (!this.accept(ex.query, ex.query.getType())) {
      this.rejected(
        'rejected by the message checks (type, server id, client id or service disabled)',
      );
      return ex;
    }
    if (!this.receivePacket(ex)) return ex;
    const query = ex.query;
    if (query.inClass('DROP')) {
      this.rejected('in the DROP class');
      return ex;
    }
    ex.type = query.getType();
    switch (ex.type) {
      case DHCPDISCOVER:
      case DHCPREQUEST:
      case DHCPINFORM:
        this.processWithSubnet(ex, sent);
        return ex;
      case DHCPRELEASE:
        processRelease4(this, ex);
        break;
      case DHCPDECLINE:
        processDecline4(this, ex);
        break;
      default:
        return ex;
    }
    sendResponse4(this, ex, sent);
    return ex;
  }

  /** Kea's accept(): service enabled, a supported message type, a server id that is ours. */
  private accept(query: Pkt4, type: number): boolean {
    if (!this.serviceEnabled(query)) return false;
    if (!ACCEPTED_TYPES.has(type)) {
      if (this.wants('DHCPX_UNSUPPORTED_TYPE'))
        this.say('DHCPX_UNSUPPORTED_TYPE', query.remoteAddr, type);
      return false;
    }
    const serverId = serverIdOption(query);
    if (serverId !== undefined && type !== DHCPDISCOVER && !this.serverAddresses.has(serverId))
      return false;
    return true;
  }

  /**
   * DISCOVER, REQUEST and INFORM: subnet selection (which may park the query), then the rest
   * of the processing and the response, now or when the query is unparked.
   */
  private processWithSubnet(ex: Exchange4, sent: SentPacket[]): void {
    const type = ex.type;
    ex.response = initResponse4(this, ex.query, type === DHCPDISCOVER ? DHCPOFFER : DHCPACK);
    const outcome = selectSubnet4(this, ex, this.afterSubnet, sent);
    if (outcome === 'parked' || outcome === 'done') return;
    if (outcome === 'drop') {
      ex.response = undefined;
      // Kea 2.2 selects the subnet inside the DISCOVER / REQUEST handler and still calls
      // leases4_committed (empty) after a DROP; from 2.5.6 selection comes first and a DROP
      // ends the query there
      if (type !== DHCPINFORM && !this.features.subnetSelectionUpFront) {
        ex.committed = true;
        sendResponse4(this, ex, sent);
      }
      return;
    }
    this.afterSubnet.rest(ex, sent);
  }

  /** What follows subnet selection, now or after an unpark (one object, no closures per query). */
  private readonly afterSubnet: SelectSteps<Exchange4, Subnet4> = {
    setUp: (ex, subnet) => setUpExchange4(this, ex, subnet),
    rest: (ex, out) => {
      if (ex.type === DHCPINFORM) this.processInform(ex);
      else this.processAssign(ex);
      sendResponse4(this, ex, out);
    },
  };

  /** DISCOVER and REQUEST once the subnet is known: allocation and the response. */
  private processAssign(ex: Exchange4): void {
    const discover = ex.type === DHCPDISCOVER;
    if (!discover) ex.committed = true;
    if (!ex.subnet) {
      if (this.wants('DHCPX_PACKET_NAK_0001'))
        this.say(
          'DHCPX_PACKET_NAK_0001',
          ex.query.getLabel(),
          ex.query.remoteAddr,
          ex.query.getName(),
        );
      ex.response = undefined;
      return;
    }
    assignLease4(this, ex, discover);
    if (ex.response) finishResponse4(this, ex);
  }

  private processInform(ex: Exchange4): void {
    if (!ex.subnet) {
      ex.response = undefined;
      return;
    }
    finishResponse4(this, ex);
  }

  /** True when `lease` belongs to the query's client (client id, else hardware address). */
  ownedBy(lease: Lease4, ex: Exchange4): boolean {
    const clientId = ex.clientId ?? clientIdOf(ex.query);
    if (clientId !== undefined && lease.clientId !== undefined) return lease.clientId === clientId;
    return lease.hwaddr !== undefined && lease.hwaddr === hwaddrText(ex.query);
  }

  leases(): LeaseView[] {
    return this.store.all().map((l) => ({
      type: 'V4',
      address: l.addr,
      subnetId: l.subnetId,
      hwaddr: l.hwaddr,
      clientId: l.clientId,
      validLifetime: l.validLft,
      cltt: l.cltt,
      state: l.state,
      stateName: leaseStateName(l.state),
      hostname: l.hostname,
    }));
  }

  /** The lease database as reclamation sees it. */
  private readonly reclaimStore: ReclaimStore<Lease4> = {
    all: () => this.store.all(),
    update: (lease) => this.store.update(lease),
    remove: (lease) => {
      this.store.delete(lease.addr);
    },
    assignedStatistic: () => 'assigned-addresses',
  };

  reclaimExpired(remove: boolean, viaCommand: boolean): void {
    reclaimExpired(this, FAMILY4, this.reclaimStore, remove, viaCommand);
  }

  flushReclaimed(): void {
    flushReclaimed(this, this.reclaimStore);
  }

  addressValue(text: string): number | undefined {
    return parseIpv4(text);
  }
}

/** The client-id option's bytes as hex, or undefined. */
export function clientIdOf(query: Pkt4): string | undefined {
  const o = query.getOption(61);
  return o ? toHex(o.getData()) : undefined;
}
