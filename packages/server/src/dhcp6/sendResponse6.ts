import { CPP } from '../cppTypes';
import { callParkable } from '../parkableHook';
import { sendPacket } from '../sendPacket';
import type { SentPacket } from '../types';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';
import { FAMILY6 } from './family6';

const NO_COMMIT = new Set([4, 11]); // CONFIRM, INFORMATION-REQUEST

/**
 * leases6_committed whenever a reply exists for a real (not fake) allocation, except CONFIRM and
 * INFORMATION-REQUEST; the query is parked before its callouts and stays parked on PARK. Then
 * pkt6_send, packing and buffer6_send.
 */
export function sendResponse6(server: Dhcp6Server, ex: Exchange6, sent: SentPacket[]): void {
  const d = server.driver;
  const h = server.hooks;
  if (ex.response && !ex.fake && !NO_COMMIT.has(ex.query.getType())) {
    const handle = server.handleOf(ex);
    if (d.present(h.leases6_committed)) {
      const { outcome, sentNow } = callParkable(server, {
        handle,
        query: ex.query,
        hook: h.leases6_committed,
        hookName: 'leases6_committed',
        parkable: true,
        messages: {
          park: 'DHCPX_HOOK_LEASESX_COMMITTED_PARK',
          full: 'DHCPX_HOOK_LEASESX_PARKING_LOT_FULL',
        },
        setArguments: (handle) => {
          handle.setArgument('query6', ex.query, CPP.pkt6);
          if (server.features.committedHasResponse)
            handle.setArgument('response6', ex.response, CPP.pkt6);
          handle.setArgument('leases6', ex.leases, CPP.lease6Collection);
          handle.setArgument('deleted_leases6', ex.deleted, CPP.lease6Collection);
        },
        resume: (_handle, out) => sendPacket(server, FAMILY6, ex, out),
      });
      sent.push(...sentNow);
      if (outcome === 'parked' || outcome === 'resumed' || outcome === 'full') return;
      handle.deleteAllArguments();
      if (outcome === 'drop') {
        if (server.wants('DHCPX_HOOK_LEASESX_COMMITTED_DROP'))
          server.say('DHCPX_HOOK_LEASESX_COMMITTED_DROP', ex.query.getLabel());
        return;
      }
    } else d.reached(h.leases6_committed, handle);
  }
  sendPacket(server, FAMILY6, ex, sent);
}
