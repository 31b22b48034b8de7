import type { CalloutHandle } from '@hookscope/engine';
import type { SentPacket } from '../types';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';

export type ParkOutcome = 'continue' | 'drop' | 'parked' | 'resumed';

/**
 * Calls a hook point whose callouts may PARK the query (leases4_committed, lease4_offer), in
 * Kea's order: the query is parked before the callouts run (when there is a response to hold),
 * dropped from the lot again unless they left PARK. On unpark, `resume` runs with the handle
 * (its arguments still set, so in/out ones can be read) and whatever it sends goes to the
 * server's unparked queue; then the handle is released (context_destroy).
 */
export function callParkable4(
  server: Dhcp4Server,
  ex: Exchange4,
  hook: number,
  hookName: string,
  setArguments: (handle: CalloutHandle) => void,
  resume: (handle: CalloutHandle, out: SentPacket[]) => void,
): { outcome: ParkOutcome; handle: CalloutHandle; sentNow: SentPacket[] } {
  const d = server.driver;
  const handle = server.handleOf(ex);
  const query = ex.query;
  const lot = ex.response ? d.manager.getParkingLots().getParkingLot(hook) : undefined;
  let resumed = false;
  let parked = false;
  const sentNow: SentPacket[] = [];
  lot?.park(
    query,
    () => {
      resumed = true;
      server.options.observer?.unpark?.(hookName, handle);
      if (server.wants('DHCPX_PARK_LIMIT')) server.say('DHCPX_PARK_LIMIT', query.getLabel());
      const out: SentPacket[] = [];
      try {
        resume(handle, out);
      } finally {
        handle.deleteAllArguments();
        if (parked) {
          server.parkedHandles.delete(handle);
          handle.release();
        }
      }
      if (parked) {
        for (const s of out) {
          server.unparked.push(s);
          server.options.onUnparkedResponse?.(s);
        }
      } else sentNow.push(...out);
    },
    () => {
      server.parkedHandles.delete(handle);
      handle.release();
    },
  );
  handle.deleteAllArguments();
  setArguments(handle);
  d.call(hook, handle);
  const status = handle.getStatus();
  // unparked from inside its own callout: the response went out already
  if (resumed) return { outcome: 'resumed', handle, sentNow };
  if (status === 3 && lot?.isParked(query)) {
    parked = true;
    if (server.wants('DHCPX_HOOK_LEASESX_COMMITTED_PARK')) {
      server.say('DHCPX_HOOK_LEASESX_COMMITTED_PARK', query.getLabel());
    }
    server.parkedHandles.add(handle);
    server.options.observer?.park?.(hookName, handle);
    return { outcome: 'parked', handle, sentNow };
  }
  lot?.drop(query);
  return { outcome: status === 2 ? 'drop' : 'continue', handle, sentNow };
}
