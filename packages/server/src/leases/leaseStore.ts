import type { Lease4, Lease6 } from './lease';

/**
 * The memfile lease database kept in memory (`persist: false`): leases by address, plus the
 * client indexes the allocation engine searches. Stores the very objects it is given (Kea's
 * memfile copies; here the server clones before adding when a callout must not alias it).
 */
/** One lease, or several in the order they were indexed: most clients hold one lease, and a
 * list per lease would be one more allocation on every lease written. */
type Leases4 = Lease4 | Lease4[];

function hwMatch(l: Lease4, subnetId: number, anyId: boolean, clientId: string | undefined) {
  return l.subnetId === subnetId && (anyId || l.clientId === undefined || l.clientId === clientId);
}

export class LeaseStore4 {
  private readonly byAddress = new Map<string, Lease4>();
  /** client id -> leases and hardware address -> leases (any subnet; lists are short), so a
   * query never scans the table and no key strings are built per packet */
  private readonly byClientId = new Map<string, Leases4>();
  private readonly byHwaddr = new Map<string, Leases4>();

  private static push(map: Map<string, Leases4>, key: string | undefined, lease: Lease4): void {
    if (key === undefined) return;
    const held = map.get(key);
    if (held === undefined) map.set(key, lease);
    else if (Array.isArray(held)) held.push(lease);
    else map.set(key, [held, lease]);
  }

  private static remove(map: Map<string, Leases4>, key: string | undefined, lease: Lease4): void {
    if (key === undefined) return;
    const held = map.get(key);
    if (held === undefined) return;
    if (!Array.isArray(held)) {
      if (held === lease) map.delete(key);
      return;
    }
    const at = held.indexOf(lease);
    if (at >= 0) held.splice(at, 1);
    if (held.length === 0) map.delete(key);
  }

  private index(lease: Lease4): void {
    LeaseStore4.push(this.byClientId, lease.clientId, lease);
    LeaseStore4.push(this.byHwaddr, lease.hwaddr, lease);
  }

  private unindex(lease: Lease4): void {
    LeaseStore4.remove(this.byClientId, lease.clientId, lease);
    LeaseStore4.remove(this.byHwaddr, lease.hwaddr, lease);
  }

  get(address: string): Lease4 | undefined {
    return this.byAddress.get(address);
  }

  add(lease: Lease4): boolean {
    if (this.byAddress.has(lease.addr)) return false;
    this.byAddress.set(lease.addr, lease);
    this.index(lease);
    return true;
  }

  /** Replaces the stored lease of that address (re-indexes: the client may have changed). */
  update(lease: Lease4): void {
    const old = this.byAddress.get(lease.addr);
    if (old) this.unindex(old);
    this.byAddress.set(lease.addr, lease);
    this.index(lease);
  }

  delete(address: string): boolean {
    const old = this.byAddress.get(address);
    if (!old) return false;
    this.unindex(old);
    return this.byAddress.delete(address);
  }

  /** A client's lease in a subnet, by client id first, then by hardware address (Kea's order). */
  findClient(
    subnetId: number,
    clientId: string | undefined,
    hwaddr: string | undefined,
    matchClientId: boolean,
  ): Lease4 | undefined {
    if (matchClientId && clientId !== undefined) {
      const byId = this.byClientId.get(clientId);
      if (byId !== undefined) {
        if (!Array.isArray(byId)) {
          if (byId.subnetId === subnetId) return byId;
        } else for (const lease of byId) if (lease.subnetId === subnetId) return lease;
      }
    }
    if (hwaddr === undefined) return undefined;
    const byHw = this.byHwaddr.get(hwaddr);
    if (byHw === undefined) return undefined;
    // a lease found by hardware address counts only when it does not belong to another client id
    const anyId = !matchClientId || clientId === undefined;
    if (!Array.isArray(byHw)) return hwMatch(byHw, subnetId, anyId, clientId) ? byHw : undefined;
    for (const l of byHw) if (hwMatch(l, subnetId, anyId, clientId)) return l;
    return undefined;
  }

  all(): Lease4[] {
    return [...this.byAddress.values()];
  }

  clear(): void {
    this.byAddress.clear();
    this.byClientId.clear();
    this.byHwaddr.clear();
  }

  get size(): number {
    return this.byAddress.size;
  }
}

export class LeaseStore6 {
  private readonly byAddress = new Map<string, Lease6>();
  private readonly byClient = new Map<string, Lease6[]>();

  private static key(type: string, address: string): string {
    return `${type === 'IA_PD' ? 'P' : 'A'}${address}`;
  }

  private static clientKey(type: string, duid: string, iaid: number, subnetId: number): string {
    return `${type}|${duid}|${iaid}|${subnetId}`;
  }

  private index(lease: Lease6): void {
    const key = LeaseStore6.clientKey(lease.type, lease.duid, lease.iaid, lease.subnetId);
    const list = this.byClient.get(key);
    if (list) list.push(lease);
    else this.byClient.set(key, [lease]);
  }

  private unindex(lease: Lease6): void {
    const key = LeaseStore6.clientKey(lease.type, lease.duid, lease.iaid, lease.subnetId);
    const list = this.byClient.get(key);
    if (!list) return;
    const at = list.indexOf(lease);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byClient.delete(key);
  }

  get(type: string, address: string): Lease6 | undefined {
    return this.byAddress.get(LeaseStore6.key(type, address));
  }

  add(lease: Lease6): boolean {
    const key = LeaseStore6.key(lease.type, lease.addr);
    if (this.byAddress.has(key)) return false;
    this.byAddress.set(key, lease);
    this.index(lease);
    return true;
  }

  update(lease: Lease6): void {
    const key = LeaseStore6.key(lease.type, lease.addr);
    const old = this.byAddress.get(key);
    if (old) this.unindex(old);
    this.byAddress.set(key, lease);
    this.index(lease);
  }

  delete(lease: Lease6): boolean {
    const key = LeaseStore6.key(lease.type, lease.addr);
    const old = this.byAddress.get(key);
    if (!old) return false;
    this.unindex(old);
    return this.byAddress.delete(key);
  }

  findClient(type: string, duid: string, iaid: number, subnetId: number): Lease6[] {
    return [...(this.byClient.get(LeaseStore6.clientKey(type, duid, iaid, subnetId)) ?? [])];
  }

  all(): Lease6[] {
    return [...this.byAddress.values()];
  }

  clear(): void {
    this.byAddress.clear();
    this.byClient.clear();
  }

  get size(): number {
    return this.byAddress.size;
  }
}
