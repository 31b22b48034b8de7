import { leasesCommitted } from '../leasesCommitted';
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
  if (ex.response && !ex.fake && !NO_COMMIT.has(ex.query.getType())) {
    if (!leasesCommitted(server, FAMILY6, ex, true, sent)) return;
  }
  sendPacket(server, FAMILY6, ex, sent);
}
