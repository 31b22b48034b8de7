import type { Pkt4 } from '@hookscope/dhcp';
import type { CalloutHandle } from '@hookscope/engine';
import type { Reservation } from '../config/configModel';
import type { Lease4 } from '../leases/lease';
import type { Subnet4 } from '../subnet';

/** Everything one DHCPv4 query carries through processing (Kea's Dhcpv4Exchange + context). */
export interface Exchange4 {
  query: Pkt4;
  /** the query's message type, read once after pkt4_receive */
  type: number;
  response: Pkt4 | undefined;
  /** The query's callout handle, created the first time it is needed (R75, R76). */
  handle: CalloutHandle | undefined;
  subnet: Subnet4 | undefined;
  reservation: Reservation | undefined;
  /** client-id option bytes as hex, undefined without one */
  clientId: string | undefined;
  hwaddr: string | undefined;
  /** leases4 / deleted_leases4 of leases4_committed */
  leases: Lease4[];
  deleted: Lease4[];
  /** the lease a DISCOVER offers (not stored) */
  offered: Lease4 | undefined;
  /** the client's lease before this query (lease4_offer's old_lease) */
  oldLease: Lease4 | undefined;
  /** whether leases4_committed runs for this query (Kea: a lease-assignment context exists) */
  committed: boolean;
  hostname: string;
  fwdUpdate: boolean;
  revUpdate: boolean;
}

export function newExchange(query: Pkt4, handle: CalloutHandle | undefined): Exchange4 {
  return {
    query,
    type: 0,
    response: undefined,
    handle,
    subnet: undefined,
    reservation: undefined,
    clientId: undefined,
    hwaddr: undefined,
    leases: [],
    deleted: [],
    offered: undefined,
    oldLease: undefined,
    committed: false,
    hostname: '',
    fwdUpdate: false,
    revUpdate: false,
  };
}
