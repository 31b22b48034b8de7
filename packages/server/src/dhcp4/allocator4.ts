import { formatIpv4, parseIpv4 } from '../address';
import type { Reservation, SubnetConfig4 } from '../config/configModel';
import type { Lease4 } from '../leases/lease';
import { LeaseState } from '../leases/lease';
import type { LeaseStore4 } from '../leases/leaseStore';

/**
 * Kea's iterative allocator for one server: per pool, a cursor at the last address handed out;
 * the next candidate is the one after it, wrapping to the first pool. A candidate is free when
 * no lease holds it, or its lease expired (expired leases are reused), and it is not reserved
 * for another client.
 */
export class Allocator4 {
  /** subnet id -> last address handed out */
  private readonly cursors = new Map<number, number>();

  constructor(private readonly store: LeaseStore4) {}

  reset(): void {
    this.cursors.clear();
  }

  inPool(subnet: SubnetConfig4, address: number): boolean {
    for (const pool of subnet.pools) if (address >= pool.first && address <= pool.last) return true;
    return false;
  }

  inSubnet(subnet: SubnetConfig4, address: number): boolean {
    const size = 2 ** (32 - subnet.prefixLength);
    return address >= subnet.network && address < subnet.network + size;
  }

  /** True when `address` can be given to this client now. */
  available(
    _subnet: SubnetConfig4,
    address: string,
    nowSeconds: number,
    reservedForOthers: ReadonlySet<string>,
  ): boolean {
    if (reservedForOthers.has(address)) return false;
    const lease = this.store.get(address);
    if (!lease) return true;
    return (
      lease.state === LeaseState.EXPIRED_RECLAIMED ||
      (lease.state === LeaseState.DEFAULT && lease.expired(nowSeconds))
    );
  }

  /** The next free address of the subnet's pools after the cursor, or undefined when all are taken. */
  pick(
    subnet: SubnetConfig4,
    nowSeconds: number,
    reservedForOthers: ReadonlySet<string>,
    advance: boolean,
  ): string | undefined {
    const pools = subnet.pools;
    if (pools.length === 0) return undefined;
    let total = 0;
    for (const pool of pools) total += pool.last - pool.first + 1;
    let candidate = this.cursors.get(subnet.id);
    for (let tried = 0; tried < total; tried++) {
      candidate = this.next(subnet, candidate);
      const text = formatIpv4(candidate);
      if (this.available(subnet, text, nowSeconds, reservedForOthers)) {
        if (advance) this.cursors.set(subnet.id, candidate);
        return text;
      }
    }
    return undefined;
  }

  private next(subnet: SubnetConfig4, current: number | undefined): number {
    const pools = subnet.pools;
    const first = pools[0] as (typeof pools)[number];
    if (current === undefined) return first.first;
    for (let i = 0; i < pools.length; i++) {
      const pool = pools[i] as (typeof pools)[number];
      if (current >= pool.first && current < pool.last) return current + 1;
      if (current === pool.last) return (pools[i + 1] ?? first).first;
    }
    return first.first;
  }
}

const NO_ADDRESSES: ReadonlySet<string> = new Set<string>();

/** Addresses reserved in the subnet for clients other than `mine`. */
export function reservedForOthers(
  subnet: SubnetConfig4,
  mine: Reservation | undefined,
): ReadonlySet<string> {
  if (subnet.reservations.length === 0) return NO_ADDRESSES; // most subnets: no set per packet
  const out = new Set<string>();
  for (const r of subnet.reservations) {
    if (r !== mine && r.ipAddress !== undefined) out.add(r.ipAddress);
  }
  return out;
}

export function addressValue(text: string): number | undefined {
  return parseIpv4(text);
}

export type { Lease4 };
