import type { ExchangeBase, FamilyParts, ServerPacket } from './family';
import { callParkable } from './parkableHook';
import { sendPacket } from './sendPacket';
import type { ServerCore } from './serverCore';
import type { SentPacket } from './types';

/**
 * leases4_committed / leases6_committed with the query's new and deleted leases (R119): the
 * query is parked before the callouts (when `parkable`: there is a response to hold) and stays
 * parked when they leave PARK. DROP discards the response (the lease changes stay). The unpark
 * sends the response (`sendPacket`); no continuation is passed in,
 * so a query with no callouts here allocates no closure. Returns whether the response goes on
 * to pkt*_send now.
 */
export function leasesCommitted<P extends ServerPacket, S>(
  server: ServerCore,
  parts: FamilyParts<P>,
  ex: ExchangeBase<P, S> & { leases: unknown[]; deleted: unknown[] },
  parkable: boolean,
  sent: SentPacket[],
): boolean {
  const d = server.driver;
  const hook = server.common.leasesCommitted;
  const handle = server.handleOf(ex);
  if (!d.present(hook)) {
    d.reached(hook, handle);
    return true;
  }
  const outcome = callParkable(server, sent, {
    handle,
    query: ex.query,
    hook,
    hookName: `leases${parts.digit}_committed`,
    parkable,
    messages: {
      park: 'DHCPX_HOOK_LEASESX_COMMITTED_PARK',
      full: 'DHCPX_HOOK_LEASESX_PARKING_LOT_FULL',
      drop: 'DHCPX_HOOK_LEASESX_COMMITTED_DROP',
    },
    statNames: parts.statNames,
    setArguments: (handle) => {
      handle.setArgument(parts.queryArg, ex.query, parts.pktTag);
      if (server.features.committedHasResponse)
        handle.setArgument(parts.responseArg, ex.response, parts.pktTag);
      handle.setArgument(`leases${parts.digit}`, ex.leases, parts.leaseCollectionTag);
      handle.setArgument(`deleted_leases${parts.digit}`, ex.deleted, parts.leaseCollectionTag);
    },
    resume: (_handle, out) => sendPacket(server, parts, ex, out),
  });
  if (outcome === 'parked' || outcome === 'resumed' || outcome === 'full') return false;
  handle.deleteAllArguments();
  return outcome !== 'drop';
}
