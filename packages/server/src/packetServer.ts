import { applyMeta, type ExchangeBase, type FamilyParts, type ServerPacket } from './family';
import { ServerCore } from './serverCore';
import type { PacketMeta, SentPacket } from './types';

/**
 * The packet side both simulated servers share, over their family parts: one request per
 * datagram (observer, exceptions, the query's handle released unless parked), buffer*_receive
 * and parsing, the receive statistics, pkt*_receive and the DROP class. The family servers
 * (`Dhcp4Server`, `Dhcp6Server`) put these steps in Kea's order for their family and add the
 * message processing.
 */
export abstract class PacketServer<
  P extends ServerPacket,
  S,
  Ex extends ExchangeBase<P, S>,
> extends ServerCore {
  abstract readonly parts: FamilyParts<P>;

  /** A fresh exchange for `query`. */
  protected abstract newExchange(query: P): Ex;

  /** One datagram through the family's path; returns its exchange (undefined: nothing began). */
  protected abstract processPacket(
    bytes: Uint8Array,
    meta: PacketMeta | undefined,
    sent: SentPacket[],
    parsed: P | undefined,
  ): Ex | undefined;

  receive(bytes: Uint8Array, meta?: PacketMeta): Uint8Array[] {
    return this.receiveDetailed(bytes, meta).map((s) => s.bytes);
  }

  receiveDetailed(bytes: Uint8Array, meta?: PacketMeta): SentPacket[] {
    if (this.isShutdown || !this.config) return [];
    const observer = this.options.observer;
    // parsed once for the request's label, then reused when buffer*_receive has no callouts
    let parsed: P | undefined;
    if (observer?.beginRequest) {
      let label = `DHCPv${this.parts.digit} datagram (${bytes.length} bytes)`;
      try {
        parsed = this.parts.unpack(bytes);
        label = this.parts.summary(parsed);
      } catch {
        // an unparsable datagram keeps the generic label
      }
      observer.beginRequest('packet', label);
    }
    const sent: SentPacket[] = [];
    let ex: Ex | undefined;
    this.openHandle = undefined;
    try {
      ex = this.processPacket(bytes, meta, sent, parsed);
    } catch (error) {
      // Kea's packet loop catches whatever escaped processing (a callout's non-standard
      // exception under 2.2.0 included), logs it and drops the packet
      if (error instanceof Error) this.say('DHCPX_PACKET_PROCESS_STD_EXCEPTION', error.message);
      else this.say('DHCPX_PACKET_PROCESS_EXCEPTION');
    } finally {
      const handle = ex?.handle ?? this.openHandle;
      this.openHandle = undefined;
      if (handle && !this.parkedHandles.has(handle)) handle.release();
      observer?.endRequest?.();
    }
    return sent;
  }

  /**
   * buffer*_receive, then parsing into the packet its callouts saw (SKIP: they parsed it;
   * DROP, or no packet left: the query ends), then pkt*-received and the per-type statistic.
   * Returns the exchange, or undefined when processing ends here.
   */
  protected receiveBuffer(
    bytes: Uint8Array,
    meta: PacketMeta | undefined,
    parsed: P | undefined,
  ): Ex | undefined {
    const parts = this.parts;
    const d = this.driver;
    const hook = this.common.bufferReceive;
    let query: P;
    let ex: Ex;
    // the addresses and interface the packet gets (applyMeta), not defaults of its own
    if (this.wants('DHCPX_BUFFER_RECEIVED'))
      this.say(
        'DHCPX_BUFFER_RECEIVED',
        meta?.remoteAddress ?? parts.socketDefaults.remoteAddress,
        meta?.localAddress ?? parts.socketDefaults.localAddress,
        meta?.iface ?? this.defaultIface,
      );
    if (d.present(hook)) {
      query = parts.newPacket();
      applyMeta(parts, query, meta, this.defaultIface);
      ex = this.newExchange(query);
      const handle = this.handleOf(ex);
      handle.deleteAllArguments();
      handle.setArgument(parts.queryArg, query, parts.pktTag);
      d.call(hook, handle);
      const status = handle.getStatus();
      query = handle.getArgument<P>(parts.queryArg);
      handle.deleteAllArguments();
      if (!query) return undefined;
      ex.query = query;
      if (status === 2) {
        if (this.wants('DHCPX_HOOK_BUFFER_RCVD_DROP'))
          this.say('DHCPX_HOOK_BUFFER_RCVD_DROP', query.remoteAddr, query.localAddr, query.iface);
        return undefined;
      }
      if (status === 1) {
        if (this.wants('DHCPX_HOOK_BUFFER_RCVD_SKIP'))
          this.say('DHCPX_HOOK_BUFFER_RCVD_SKIP', query.remoteAddr, query.localAddr, query.iface);
      } else {
        try {
          parts.unpackInto(query, bytes);
        } catch (error) {
          this.parseFailed(error);
          return undefined;
        }
      }
    } else {
      d.reached(hook);
      try {
        query = parsed ?? parts.unpack(bytes);
      } catch (error) {
        this.parseFailed(error);
        return undefined;
      }
      applyMeta(parts, query, meta, this.defaultIface);
      ex = this.newExchange(query);
    }
    this.stats.add(parts.statNames.received);
    this.stats.add(parts.receivedStatistic(query.getType()));
    return ex;
  }

  private parseFailed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.options.observer?.drop?.(`unparsable: ${reason}`);
    this.stats.add(this.parts.statNames.parseFailed);
    this.stats.add(this.parts.statNames.receiveDrop);
    if (this.wants('DHCPX_PACKET_DROP_0001')) this.say('DHCPX_PACKET_DROP_0001', reason);
  }

  /**
   * DHCPX_PACKET_RECEIVED, the class ALL, then pkt*_receive (SKIP or DROP end the query; a
   * callout may replace the packet). False when processing ends here.
   */
  protected receivePacket(ex: Ex): boolean {
    const parts = this.parts;
    const d = this.driver;
    const hook = this.common.pktReceive;
    const query = ex.query;
    if (this.wants('DHCPX_PACKET_RECEIVED'))
      this.say(
        'DHCPX_PACKET_RECEIVED',
        query.getLabel(),
        query.getName(),
        query.remoteAddr,
        query.localAddr,
        query.iface,
      );
    query.addClass('ALL');
    if (!d.present(hook)) {
      d.reached(hook, ex.handle);
      return true;
    }
    const handle = this.handleOf(ex);
    handle.deleteAllArguments();
    handle.setArgument(parts.queryArg, query, parts.pktTag);
    d.call(hook, handle);
    const status = handle.getStatus();
    const replaced = handle.getArgument<P | undefined>(parts.queryArg);
    handle.deleteAllArguments();
    if (status === 1 || status === 2) {
      if (this.wants('DHCPX_HOOK_PACKET_RCVD_SKIP'))
        this.say('DHCPX_HOOK_PACKET_RCVD_SKIP', query.getLabel());
      return false;
    }
    if (!replaced) return false;
    ex.query = replaced;
    return true;
  }

  /** A query the server's own checks refused (Kea counts it in pkt*-receive-drop). */
  protected rejected(reason: string): void {
    this.stats.add(this.parts.statNames.receiveDrop);
    this.options.observer?.drop?.(reason);
  }

  /** Whether the service is enabled (a dhcp-disable with max-period ends by itself). */
  protected serviceEnabled(query: P): boolean {
    const state = this.networkState;
    if (!state.enabled && state.reenableAt !== undefined && this.nowSeconds() >= state.reenableAt)
      state.enabled = true;
    if (state.enabled) return true;
    if (this.wants('DHCPX_PACKET_DROP_0008')) this.say('DHCPX_PACKET_DROP_0008', query.getLabel());
    return false;
  }
}
