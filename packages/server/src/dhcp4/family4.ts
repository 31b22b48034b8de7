import { Pkt4 } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import type { FamilyParts } from '../family';
import { orderForPacking, summary4, unpackInto } from './packet4';

const RECEIVED: Record<number, string> = {
  1: 'pkt4-discover-received',
  2: 'pkt4-offer-received',
  3: 'pkt4-request-received',
  4: 'pkt4-decline-received',
  5: 'pkt4-ack-received',
  6: 'pkt4-nak-received',
  7: 'pkt4-release-received',
  8: 'pkt4-inform-received',
};

const SENT: Record<number, string> = {
  2: 'pkt4-offer-sent',
  5: 'pkt4-ack-sent',
  6: 'pkt4-nak-sent',
};

/** kea-dhcp4's side of the shared code paths. */
export const FAMILY4: FamilyParts<Pkt4> = {
  name: 'dhcp4',
  digit: '4',
  queryArg: 'query4',
  responseArg: 'response4',
  subnetArg: 'subnet4',
  subnetCollectionArg: 'subnet4collection',
  leaseArg: 'lease4',
  pktTag: CPP.pkt4,
  leaseTag: CPP.lease4,
  leaseCollectionTag: CPP.lease4Collection,
  subnetCollectionTag: CPP.subnet4Collection,
  newPacket: () => new Pkt4(),
  unpack: (bytes) => Pkt4.unpack(bytes),
  unpackInto,
  socketDefaults: {
    remoteAddress: '0.0.0.0',
    remotePort: 68,
    localAddress: '255.255.255.255',
    localPort: 67,
  },
  summary: summary4,
  pack(response) {
    orderForPacking(response);
    return response.pack();
  },
  endpoint: (address, port) => `${address}:${port}`,
  statNames: {
    received: 'pkt4-received',
    sent: 'pkt4-sent',
    parseFailed: 'pkt4-parse-failed',
    receiveDrop: 'pkt4-receive-drop',
    queueFull: 'pkt4-queue-full',
  },
  receivedStatistic: (type) => RECEIVED[type] ?? 'pkt4-unknown-received',
  sentStatistic: (type) => SENT[type],
};
