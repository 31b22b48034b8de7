import { CPP } from '../cppTypes';
import type { Lease4 } from '../leases/lease';
import { callQueryHook } from '../queryHook';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { requestedAddress } from './packet4';

// RELEASE and DECLINE: no subnet selection and no answer. The query's handle is created at the
// end of message processing at the latest (Kea 2.2); leases4_committed follows (sendResponse4).

/** lease4_release / lease4_decline on the client's lease; false when SKIP or DROP keep it. */
function leaseHook(server: Dhcp4Server, ex: Exchange4, hook: number, lease: Lease4): boolean {
  const status = callQueryHook(server, ex, hook, (handle) => {
    handle.setArgument('query4', ex.query, CPP.pkt4);
    handle.setArgument('lease4', lease, CPP.lease4);
  });
  return status !== 1 && status !== 2;
}

/** RELEASE of ciaddr: lease4_release when the lease is the client's; SKIP/DROP keep it. */
export function processRelease4(server: Dhcp4Server, ex: Exchange4): void {
  const query = ex.query;
  ex.committed = true;
  const address = query.getCiaddr();
  const lease = server.store.get(address);
  server.handleOf(ex);
  if (!lease || !server.ownedBy(lease, ex) || lease.state !== 0) return;
  if (!leaseHook(server, ex, server.common.leaseRelease, lease)) {
    if (server.wants('DHCP4_HOOK_LEASE4_RELEASE_SKIP'))
      server.say('DHCP4_HOOK_LEASE4_RELEASE_SKIP', query.getLabel());
    return;
  }
  server.store.delete(address);
  server.stats.add(server.stats.subnetName(lease.subnetId, 'assigned-addresses'), -1);
  ex.deleted.push(lease);
  if (server.wants('DHCPX_RELEASE')) server.say('DHCPX_RELEASE', query.getLabel(), address);
}

/** DECLINE of the requested address: lease4_decline, then the lease waits out its probation. */
export function processDecline4(server: Dhcp4Server, ex: Exchange4): void {
  const query = ex.query;
  const address = requestedAddress(query);
  if (address === undefined) return;
  ex.committed = true;
  const lease = server.store.get(address);
  server.handleOf(ex);
  if (!lease || !server.ownedBy(lease, ex) || lease.state !== 0) return;
  if (!leaseHook(server, ex, server.common.leaseDecline, lease)) {
    if (server.wants('DHCP4_HOOK_DECLINE_SKIP'))
      server.say('DHCP4_HOOK_DECLINE_SKIP', query.getLabel());
    return;
  }
  const probation = server.config?.declineProbationPeriod ?? 86400;
  lease.hwaddr = undefined;
  lease.clientId = undefined;
  lease.hostname = '';
  lease.fqdnFwd = false;
  lease.fqdnRev = false;
  lease.validLft = probation;
  lease.cltt = server.nowSeconds();
  lease.state = 1;
  server.store.update(lease);
  server.stats.add(server.stats.subnetName(lease.subnetId, 'declined-addresses'));
  server.stats.add('declined-addresses');
  ex.leases.push(lease);
  if (server.wants('DHCPX_DECLINE_LEASE'))
    server.say('DHCPX_DECLINE_LEASE', address, query.getLabel(), probation);
}
