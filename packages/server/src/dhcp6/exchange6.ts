import type { Pkt6 } from '@hookscope/dhcp';
import type { CalloutHandle } from '@hookscope/engine';
import type { Reservation } from '../config/configModel';
import type { Lease6 } from '../leases/lease';
import type { Subnet6 } from '../subnet';

/** Everything one DHCPv6 query carries through processing (Kea's client context). */
export interface Exchange6 {
  query: Pkt6;
  response: Pkt6 | undefined;
  handle: CalloutHandle | undefined;
  subnet: Subnet6 | undefined;
  reservation: Reservation | undefined;
  /** client DUID as hex text ("00:03:00:01:…") */
  duid: string;
  hwaddr: string | undefined;
  /** leases6 / deleted_leases6 of leases6_committed */
  leases: Lease6[];
  deleted: Lease6[];
  fake: boolean;
  hostname: string;
  fwdUpdate: boolean;
  revUpdate: boolean;
}
