import type { CalloutHandle } from '@hookscope/engine';
import { CPP } from '../cppTypes';
import { type Lease6, LeaseState } from '../leases/lease';
import type { Dhcp6Server } from './dhcp6Server';

/**
 * Kea's reclaimExpiredLeases6: the expired leases (up to max-reclaim-leases) form one batch,
 * with one callout handle for the batch (created only when the batch is non-empty and
 * lease6_expire has callouts). A declined lease past its probation period is then recovered
 * through lease6_recover on a handle of its own, created while the batch handle still lives.
 * SKIP at lease6_expire means a callout reclaimed the lease itself.
 */
export function reclaimExpired6(server: Dhcp6Server, remove: boolean, viaCommand: boolean): void {
  const config = server.config;
  if (!config) return;
  const now = server.nowSeconds();
  const limit = config.expired.maxReclaimLeases || Number.POSITIVE_INFINITY;
  const batch: Lease6[] = [];
  for (const lease of server.store.all()) {
    if (lease.state === LeaseState.EXPIRED_RECLAIMED || !lease.expired(now)) continue;
    batch.push(lease);
    if (batch.length >= limit) break;
  }
  if (batch.length === 0) return;
  const d = server.driver;
  const h = server.hooks;
  if (!viaCommand) server.beginRequest('timer', `reclaim ${batch.length} expired lease(s)`);
  let handle: CalloutHandle | undefined;
  try {
    for (const lease of batch) {
      if (server.wants('DHCPX_LEASE_RECLAIM')) server.say('DHCPX_LEASE_RECLAIM', lease.addr);
      let skipped = false;
      if (d.present(h.lease6_expire)) {
        handle ??= server.newHandle();
        handle.deleteAllArguments();
        handle.setArgument('lease6', lease, CPP.lease6);
        handle.setArgument('remove_lease', remove, CPP.bool);
        d.call(h.lease6_expire, handle);
        skipped = handle.getStatus() === 1;
        handle.deleteAllArguments();
      } else d.reached(h.lease6_expire, handle);
      if (skipped) continue;
      if (lease.state === LeaseState.DECLINED) {
        if (!recover(server, lease)) continue;
        server.stats.add(`subnet[${lease.subnetId}].declined-addresses`, -1);
        server.stats.add('declined-addresses', -1);
        server.stats.add(`subnet[${lease.subnetId}].reclaimed-declined-addresses`);
        server.stats.add('reclaimed-declined-addresses');
      } else if (lease.state !== LeaseState.REGISTERED) {
        server.stats.add(
          `subnet[${lease.subnetId}].assigned-${lease.type === 'IA_PD' ? 'pds' : 'nas'}`,
          -1,
        );
      }
      server.stats.add(`subnet[${lease.subnetId}].reclaimed-leases`);
      server.stats.add('reclaimed-leases');
      if (remove) server.store.delete(lease);
      else {
        lease.state = LeaseState.EXPIRED_RECLAIMED;
        lease.hostname = '';
        lease.fqdnFwd = false;
        lease.fqdnRev = false;
        server.store.update(lease);
      }
    }
    if (server.wants('DHCPX_LEASES_RECLAMATION_COMPLETE'))
      server.say('DHCPX_LEASES_RECLAMATION_COMPLETE', batch.length);
  } finally {
    handle?.release();
    if (!viaCommand) server.endRequest();
  }
}

/** lease6_recover on a fresh handle; false when a callout set SKIP (the lease stays declined). */
function recover(server: Dhcp6Server, lease: Lease6): boolean {
  const d = server.driver;
  const h = server.hooks.lease6_recover;
  if (!d.present(h)) {
    d.reached(h);
    return true;
  }
  const handle = server.newHandle();
  try {
    handle.setArgument('lease6', lease, CPP.lease6);
    d.call(h, handle);
    const skipped = handle.getStatus() === 1;
    handle.deleteAllArguments();
    return !skipped;
  } finally {
    handle.release();
  }
}
