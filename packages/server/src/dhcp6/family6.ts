import { Pkt6 } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import type { FamilyParts } from '../family';
import { summary6, unpackInto6 } from './packet6';

const RECEIVED: Record<number, string> = {
  1: 'pkt6-solicit-received',
  2: 'pkt6-advertise-received',
  3: 'pkt6-request-received',
  5: 'pkt6-renew-received',
  6: 'pkt6-rebind-received',
  7: 'pkt6-reply-received',
  8: 'pkt6-release-received',
  9: 'pkt6-decline-received',
  11: 'pkt6-infrequest-received',
  20: 'pkt6-dhcpv4-query-received',
  36: 'pkt6-addr-reg-inform-received',
};

const SENT: Record<number, string> = {
  2: 'pkt6-advertise-sent',
  7: 'pkt6-reply-sent',
  37: 'pkt6-addr-reg-reply-sent',
};

/** kea-dhcp6's side of the shared code paths. */
export const FAMILY6: FamilyParts<Pkt6> = {
  name: 'dhcp6',
  digit: '6',
  queryArg: 'query6',
  responseArg: 'response6',
  subnetArg: 'subnet6',
  subnetCollectionArg: 'subnet6collection',
  leaseArg: 'lease6',
  pktTag: CPP.pkt6,
  leaseTag: CPP.lease6,
  leaseCollectionTag: CPP.lease6Collection,
  subnetCollectionTag: CPP.subnet6Collection,
  newPacket: () => new Pkt6(),
  unpack: (bytes) => Pkt6.unpack(bytes),
  unpackInto: unpackInto6,
  socketDefaults: {
    remoteAddress: 'fe80::1',
    remotePort: 546,
    localAddress: 'ff02::1:2',
    localPort: 547,
  },
  summary: summary6,
  pack: (response) => response.pack(),
  endpoint: (address, port) => `[${address}]:${port}`,
  statNames: {
    received: 'pkt6-received',
    sent: 'pkt6-sent',
    parseFailed: 'pkt6-parse-failed',
    receiveDrop: 'pkt6-receive-drop',
    queueFull: 'pkt6-queue-full',
  },
  receivedStatistic: (type) => RECEIVED[type] ?? 'pkt6-unknown-received',
  sentStatistic: (type) => SENT[type],
};
