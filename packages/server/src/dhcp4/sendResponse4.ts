import type { CalloutHandle } from '@hookscope/engine';
import { CPP } from '../cppTypes';
import { leasesCommitted } from '../leasesCommitted';
import { callParkable } from '../parkableHook';
import { sendPacket } from '../sendPacket';
import type { SentPacket } from '../types';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { FAMILY4 } from './family4';

/**
 * The end of Kea's processPacket: leases4_committed (when a lease context exists; the query is
 * parked before its callouts run and stays parked when they leave PARK), then the response
 * through pkt4_send, packing and buffer4_send. A parked response continues in the unpark
 * callback and lands in the server's unparked queue.
 */
export function sendResponse4(server: Dhcp4Server, ex: Exchange4, sent: SentPacket[]): void {
  const d = server.driver;
  const h = server.hooks;
  if (ex.committed) {
    if (!leasesCommitted(server, FAMILY4, ex, ex.response !== undefined, sent)) return;
  } else if (ex.offered && ex.response && h.lease4_offer >= 0) {
    // Kea 2.5.2 and later: lease4_offer where leases4_committed would be, for a DISCOVER
    if (d.present(h.lease4_offer)) {
      const offered = ex.offered;
      const handle = server.handleOf(ex);
      const outcome = callParkable(server, sent, {
        handle,
        query: ex.query,
        hook: h.lease4_offer,
        hookName: 'lease4_offer',
        parkable: true,
        messages: {
          park: 'DHCPX_HOOK_LEASE4_OFFER_PARK',
          full: 'DHCPX_HOOK_LEASE4_OFFER_PARKING_LOT_FULL',
          drop: 'DHCPX_HOOK_LEASE4_OFFER_DROP',
        },
        statNames: FAMILY4.statNames,
        setArguments: (handle) => {
          handle.setArgument('query4', ex.query, CPP.pkt4);
          handle.setArgument('response4', ex.response, CPP.pkt4);
          handle.setArgument('leases4', [offered], CPP.lease4Collection);
          handle.setArgument('offer_lifetime', 0, CPP.uint32);
          handle.setArgument('old_lease', ex.oldLease, CPP.lease4);
          handle.setArgument('host', ex.reservation, CPP.constHost);
        },
        resume: (handle, out) => {
          if (!addressInUse(server, ex, handle, true)) sendPacket(server, FAMILY4, ex, out);
        },
      });
      if (outcome === 'parked' || outcome === 'resumed' || outcome === 'full') return;
      if (outcome === 'drop') {
        handle.deleteAllArguments();
        return;
      }
      const inUse = addressInUse(server, ex, handle, false);
      handle.deleteAllArguments();
      if (inUse) return;
    } else d.reached(h.lease4_offer, server.handleOf(ex));
  }
  sendPacket(server, FAMILY4, ex, sent);
}

/**
 * A lease4_offer callout that found the offered address in use (offer_address_in_use = true)
 * makes the server decline the lease itself: lease4_server_decline runs (status ignored) and
 * the OFFER is not sent.
 */
function addressInUse(
  server: Dhcp4Server,
  ex: Exchange4,
  handle: CalloutHandle,
  unparked: boolean,
): boolean {
  let inUse = false;
  try {
    inUse = handle.getArgument<boolean>('offer_address_in_use') === true;
  } catch {
    // Kea logs the missing argument only when resuming a parked OFFER
    if (unparked && server.wants('DHCPX_HOOK_LEASE4_OFFER_ARGUMENT_MISSING'))
      server.say('DHCPX_HOOK_LEASE4_OFFER_ARGUMENT_MISSING', ex.query.getLabel());
    return false;
  }
  const lease = ex.offered;
  if (!inUse || !lease) return inUse;
  const probation = server.config?.declineProbationPeriod ?? 86400;
  const declined = lease.clone();
  declined.hwaddr = undefined;
  declined.clientId = undefined;
  declined.validLft = probation;
  declined.cltt = server.nowSeconds();
  declined.state = 1;
  if (server.store.get(declined.addr)) server.store.update(declined);
  else server.store.add(declined);
  const d = server.driver;
  const h = server.hooks.lease4_server_decline;
  if (h >= 0 && d.present(h)) {
    handle.deleteAllArguments();
    handle.setArgument('query4', ex.query, CPP.pkt4);
    handle.setArgument('lease4', declined, CPP.lease4);
    d.call(h, handle);
  } else d.reached(h, handle);
  return true;
}
