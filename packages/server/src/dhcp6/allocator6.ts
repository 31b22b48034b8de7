import { formatIpv6 } from '../address';
import type { SubnetConfig6 } from '../config/configModel';
import { LeaseState } from '../leases/lease';
import type { LeaseStore6 } from '../leases/leaseStore';

/**
 * Kea's iterative allocator for DHCPv6: addresses walk the subnet's pools, delegated prefixes
 * walk its pd-pools in steps of the delegated length, each from a cursor at the last lease
 * handed out. Expired and reclaimed leases are free again.
 */
export class Allocator6 {
  private readonly cursors = new Map<string, bigint>();

  constructor(private readonly store: LeaseStore6) {}

  reset(): void {
    this.cursors.clear();
  }

  free(type: 'IA_NA' | 'IA_PD', address: string, nowSeconds: number): boolean {
    const lease = this.store.get(type, address);
    if (!lease) return true;
    return (
      lease.state === LeaseState.EXPIRED_RECLAIMED ||
      (lease.state === LeaseState.DEFAULT && lease.expired(nowSeconds))
    );
  }

  inPool(subnet: SubnetConfig6, address: bigint): boolean {
    return subnet.pools.some((p) => address >= p.first && address <= p.last);
  }

  /** The pd-pool a delegated prefix (aligned on the delegated length) belongs to. */
  pdPoolOf(subnet: SubnetConfig6, prefix: bigint): SubnetConfig6['pdPools'][number] | undefined {
    return subnet.pdPools.find((p) => {
      const outer = (1n << BigInt(128 - p.prefixLength)) - 1n;
      const inner = (1n << BigInt(128 - p.delegatedLength)) - 1n;
      return (prefix & ~outer) === p.prefix && (prefix & inner) === 0n;
    });
  }

  inSubnet(subnet: SubnetConfig6, address: bigint): boolean {
    const host = (1n << BigInt(128 - subnet.prefixLength)) - 1n;
    return (address & ~host) === subnet.network;
  }

  /** Next free address (IA_NA) of the subnet, or undefined when the pools are exhausted. */
  pickAddress(
    subnet: SubnetConfig6,
    nowSeconds: number,
    reserved: ReadonlySet<string>,
  ): string | undefined {
    const ranges = subnet.pools.map((p) => ({ first: p.first, last: p.last, step: 1n }));
    return this.walk(`${subnet.id}|A`, ranges, 'IA_NA', nowSeconds, reserved, 1_000_000);
  }

  /** Next free delegated prefix (IA_PD): `{ prefix, length }`. */
  pickPrefix(
    subnet: SubnetConfig6,
    nowSeconds: number,
    reserved: ReadonlySet<string>,
  ): { prefix: string; length: number } | undefined {
    for (const pool of subnet.pdPools) {
      const step = 1n << BigInt(128 - pool.delegatedLength);
      const count = 1n << BigInt(pool.delegatedLength - pool.prefixLength);
      const range = { first: pool.prefix, last: pool.prefix + (count - 1n) * step, step };
      const prefix = this.walk(
        `${subnet.id}|P|${pool.prefix}`,
        [range],
        'IA_PD',
        nowSeconds,
        reserved,
        1_000_000,
      );
      if (prefix !== undefined) return { prefix, length: pool.delegatedLength };
    }
    return undefined;
  }

  private walk(
    key: string,
    ranges: { first: bigint; last: bigint; step: bigint }[],
    type: 'IA_NA' | 'IA_PD',
    nowSeconds: number,
    reserved: ReadonlySet<string>,
    budget: number,
  ): string | undefined {
    if (ranges.length === 0) return undefined;
    let total = 0n;
    for (const r of ranges) total += (r.last - r.first) / r.step + 1n;
    const tries = total < BigInt(budget) ? Number(total) : budget;
    let current = this.cursors.get(key);
    for (let i = 0; i < tries; i++) {
      current = next(ranges, current);
      const text = formatIpv6(current);
      if (!reserved.has(text) && this.free(type, text, nowSeconds)) {
        this.cursors.set(key, current);
        return text;
      }
    }
    return undefined;
  }
}

function next(
  ranges: { first: bigint; last: bigint; step: bigint }[],
  current: bigint | undefined,
): bigint {
  const first = ranges[0] as { first: bigint };
  if (current === undefined) return first.first;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as { first: bigint; last: bigint; step: bigint };
    if (current >= r.first && current < r.last) return current + r.step;
    if (current === r.last) return (ranges[i + 1] ?? first).first;
  }
  return first.first;
}
