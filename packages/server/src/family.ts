import type { Pkt } from '@hookscope/dhcp';
import type { CalloutHandle } from '@hookscope/engine';
import type { HooksDriver } from './hooksDriver';
import type { PacketMeta } from './types';

/** A DHCPv4 or DHCPv6 packet as the shared code paths use it. */
export type ServerPacket = Pkt & { getLabel(): string };

/** What one query carries through the shared code paths (Exchange4 / Exchange6 extend it). */
export interface ExchangeBase<P extends ServerPacket, S> {
  query: P;
  response: P | undefined;
  /** The query's callout handle, created the first time it is needed (R75, R76). */
  handle: CalloutHandle | undefined;
  subnet: S | undefined;
}

/**
 * What differs between kea-dhcp4 and kea-dhcp6 in the code paths they share: argument names,
 * C++ type tags, packet decoding and packing, statistic names. One object per family
 * (`FAMILY4`, `FAMILY6`).
 */
export interface FamilyParts<P extends ServerPacket> {
  readonly name: 'dhcp4' | 'dhcp6';
  readonly digit: '4' | '6';
  /** query4 / query6, response4 / response6, subnet4 / subnet6, lease4 / lease6 */
  readonly queryArg: string;
  readonly responseArg: string;
  readonly subnetArg: string;
  readonly subnetCollectionArg: string;
  readonly leaseArg: string;
  readonly pktTag: string;
  readonly leaseTag: string;
  readonly leaseCollectionTag: string;
  readonly subnetCollectionTag: string;
  /** An empty packet: what buffer*_receive callouts get before the server parses the buffer. */
  newPacket(): P;
  unpack(bytes: Uint8Array): P;
  /** Decodes `bytes` into the packet buffer*_receive callouts saw (they may hold it). */
  unpackInto(target: P, bytes: Uint8Array): void;
  /** The socket's view of a query when the caller does not say (a client's broadcast). */
  readonly socketDefaults: {
    remoteAddress: string;
    remotePort: number;
    localAddress: string;
    localPort: number;
  };
  /** The request's label in a trace. */
  summary(pkt: P): string;
  /** The wire form of a response about to go out. */
  pack(response: P): Uint8Array;
  /** An address and port as Kea's packet logs write them. */
  endpoint(address: string, port: number): string;
  /** pkt*-received, pkt*-sent, pkt*-parse-failed, pkt*-receive-drop, pkt*-queue-full: built once,
   * so the per-packet counts look up a name V8 has already hashed. */
  readonly statNames: {
    readonly received: string;
    readonly sent: string;
    readonly parseFailed: string;
    readonly receiveDrop: string;
    readonly queueFull: string;
  };
  /** The statistic counting a received message of this type. */
  receivedStatistic(type: number): string;
  /** The statistic counting a sent message of this type, if any. */
  sentStatistic(type: number): string | undefined;
}

/** Where the packet came from, as the server's socket would report it. */
export function applyMeta<P extends ServerPacket>(
  parts: FamilyParts<P>,
  pkt: P,
  meta: PacketMeta | undefined,
  defaultIface: string,
): void {
  const d = parts.socketDefaults;
  pkt.remoteAddr = meta?.remoteAddress ?? d.remoteAddress;
  pkt.remotePort = meta?.remotePort ?? d.remotePort;
  pkt.localAddr = meta?.localAddress ?? d.localAddress;
  pkt.localPort = meta?.localPort ?? d.localPort;
  pkt.iface = meta?.iface ?? defaultIface;
  pkt.ifindex = meta?.ifindex ?? 1;
  pkt.remoteHWAddr = meta?.remoteHWAddr;
  pkt.localHWAddr = meta?.localHWAddr;
}

/** The hook points both servers have, each under its family's name (Kea's Dhcp4Hooks / Dhcp6Hooks). */
export interface CommonHooks {
  bufferReceive: number;
  pktReceive: number;
  subnetSelect: number;
  hostIdentifier: number;
  ddnsUpdate: number;
  leaseSelect: number;
  leaseRenew: number;
  leaseRelease: number;
  leaseDecline: number;
  leasesCommitted: number;
  pktSend: number;
  bufferSend: number;
  leaseExpire: number;
  leaseRecover: number;
}

export function commonHooks(driver: HooksDriver, digit: '4' | '6'): CommonHooks {
  const d = digit;
  return {
    bufferReceive: driver.index(`buffer${d}_receive`),
    pktReceive: driver.index(`pkt${d}_receive`),
    subnetSelect: driver.index(`subnet${d}_select`),
    hostIdentifier: driver.index(`host${d}_identifier`),
    ddnsUpdate: driver.index(`ddns${d}_update`),
    leaseSelect: driver.index(`lease${d}_select`),
    leaseRenew: driver.index(`lease${d}_renew`),
    leaseRelease: driver.index(`lease${d}_release`),
    leaseDecline: driver.index(`lease${d}_decline`),
    leasesCommitted: driver.index(`leases${d}_committed`),
    pktSend: driver.index(`pkt${d}_send`),
    bufferSend: driver.index(`buffer${d}_send`),
    leaseExpire: driver.index(`lease${d}_expire`),
    leaseRecover: driver.index(`lease${d}_recover`),
  };
}
