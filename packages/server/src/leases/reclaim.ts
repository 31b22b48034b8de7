import type { CalloutHandle } from '@hookscope/engine';
import { CPP } from '../cppTypes';
import type { FamilyParts, ServerPacket } from '../family';
import type { ServerCore } from '../serverCore';
import { LeaseState } from './lease';

/** What reclamation needs of a lease (Lease4 and Lease6 have it). */
export interface ReclaimableLease {
  addr: string;
  subnetId: number;
  state: number;
  hostname: string;
  fqdnFwd: boolean;
  fqdnRev: boolean;
  expired(nowSeconds: number): boolean;
  getExpirationTime(): number;
}

/** A family's lease database as reclamation uses it. */
export interface ReclaimStore<L extends ReclaimableLease> {
  all(): L[];
  update(lease: L): void;
  remove(lease: L): void;
  /** The subnet statistic a lease counts in while assigned (`assigned-addresses`, …), if any. */
  assignedStatistic(lease: L): string | undefined;
}

/**
 * Kea's reclaimExpiredLeases4 / 6: the expired leases (up to max-reclaim-leases) form one
 * batch, with one callout handle for the batch (created only when the batch is non-empty and
 * lease*_expire has callouts, R78). A declined lease past its probation period is then
 * recovered through lease*_recover on a handle of its own, created while the batch handle still
 * lives. SKIP at lease*_expire means a callout reclaimed the lease itself (nothing more is done
 * for it); SKIP at lease*_recover leaves it declined. `remove` deletes reclaimed leases instead
 * of keeping them as expired-reclaimed.
 */
export function reclaimExpired<P extends ServerPacket, L extends ReclaimableLease>(
  server: ServerCore,
  parts: FamilyParts<P>,
  store: ReclaimStore<L>,
  remove: boolean,
  viaCommand: boolean,
): void {
  const config = server.config;
  if (!config) return;
  const now = server.nowSeconds();
  const limit = config.expired.maxReclaimLeases || Number.POSITIVE_INFINITY;
  // Kea logs the start and the end of every run, an empty one included
  if (server.wants('DHCPX_LEASES_RECLAMATION_START'))
    server.say('DHCPX_LEASES_RECLAMATION_START', config.expired.maxReclaimLeases);
  const batch: L[] = [];
  for (const lease of store.all()) {
    if (lease.state === LeaseState.EXPIRED_RECLAIMED || !lease.expired(now)) continue;
    batch.push(lease);
    if (batch.length >= limit) break;
  }
  if (batch.length === 0) {
    if (server.wants('DHCPX_LEASES_RECLAMATION_COMPLETE'))
      server.say('DHCPX_LEASES_RECLAMATION_COMPLETE', 0);
    return;
  }
  const d = server.driver;
  const h = server.common;
  if (!viaCommand) server.beginRequest('timer', `reclaim ${batch.length} expired lease(s)`);
  let handle: CalloutHandle | undefined;
  try {
    for (const lease of batch) {
      if (server.wants('DHCPX_LEASE_RECLAIM')) server.say('DHCPX_LEASE_RECLAIM', lease.addr);
      let skipped = false;
      if (d.present(h.leaseExpire)) {
        handle ??= server.newHandle();
        handle.deleteAllArguments();
        handle.setArgument(parts.leaseArg, lease, parts.leaseTag);
        handle.setArgument('remove_lease', remove, CPP.bool);
        d.call(h.leaseExpire, handle);
        skipped = handle.getStatus() === 1;
        handle.deleteAllArguments();
      } else d.reached(h.leaseExpire, handle);
      if (skipped) continue;
      if (lease.state === LeaseState.DECLINED) {
        if (!recover(server, parts, lease)) continue;
        server.stats.add(server.stats.subnetName(lease.subnetId, 'declined-addresses'), -1);
        server.stats.add('declined-addresses', -1);
        server.stats.add(server.stats.subnetName(lease.subnetId, 'reclaimed-declined-addresses'));
        server.stats.add('reclaimed-declined-addresses');
      } else {
        const assigned = store.assignedStatistic(lease);
        if (assigned) server.stats.add(server.stats.subnetName(lease.subnetId, assigned), -1);
      }
      server.stats.add(server.stats.subnetName(lease.subnetId, 'reclaimed-leases'));
      server.stats.add('reclaimed-leases');
      if (remove) store.remove(lease);
      else {
        lease.state = LeaseState.EXPIRED_RECLAIMED;
        lease.hostname = '';
        lease.fqdnFwd = false;
        lease.fqdnRev = false;
        store.update(lease);
      }
    }
    if (server.wants('DHCPX_LEASES_RECLAMATION_COMPLETE'))
      server.say('DHCPX_LEASES_RECLAMATION_COMPLETE', batch.length);
  } finally {
    handle?.release();
    if (!viaCommand) server.endRequest();
  }
}

/** lease*_recover on a fresh handle; false when a callout set SKIP (the lease stays declined). */
function recover<P extends ServerPacket, L extends ReclaimableLease>(
  server: ServerCore,
  parts: FamilyParts<P>,
  lease: L,
): boolean {
  const d = server.driver;
  const h = server.common.leaseRecover;
  if (!d.present(h)) {
    d.reached(h);
    return true;
  }
  const handle = server.newHandle();
  try {
    handle.setArgument(parts.leaseArg, lease, parts.leaseTag);
    d.call(h, handle);
    const skipped = handle.getStatus() === 1;
    handle.deleteAllArguments();
    return !skipped;
  } finally {
    handle.release();
  }
}

/** Removes leases reclaimed longer than hold-reclaimed-time ago (the flush timer). */
export function flushReclaimed<L extends ReclaimableLease>(
  server: ServerCore,
  store: ReclaimStore<L>,
): void {
  const hold = server.config?.expired.holdReclaimedTime ?? 3600;
  const now = server.nowSeconds();
  for (const lease of store.all()) {
    if (lease.state === LeaseState.EXPIRED_RECLAIMED && lease.getExpirationTime() + hold <= now)
      store.remove(lease);
  }
}
