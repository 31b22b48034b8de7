import type { Pkt4 } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import type { SentPacket } from '../types';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { orderForPacking } from './packet4';

const SENT_STAT: Record<number, string> = {
  2: 'pkt4-offer-sent',
  5: 'pkt4-ack-sent',
  6: 'pkt4-nak-sent',
};

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
    const handle = server.handleOf(ex);
    if (d.present(h.leases4_committed)) {
      const lot = ex.response
        ? d.manager.getParkingLots().getParkingLot(h.leases4_committed)
        : undefined;
      const query = ex.query;
      let resumed = false;
      if (lot) {
        lot.park(
          query,
          () => {
            resumed = true;
            server.options.observer?.unpark?.('leases4_committed', handle);
            if (server.wants('DHCPX_PARK_LIMIT')) server.say('DHCPX_PARK_LIMIT', query.getLabel());
            const out: SentPacket[] = [];
            try {
              sendPacket(server, ex, out);
            } finally {
              server.parkedHandles.delete(handle);
              handle.release();
            }
            for (const s of out) {
              server.unparked.push(s);
              server.options.onUnparkedResponse?.(s);
            }
          },
          () => {
            server.parkedHandles.delete(handle);
            handle.release();
          },
        );
      }
      handle.deleteAllArguments();
      handle.setArgument('query4', query, CPP.pkt4);
      if (server.features.committedHasResponse)
        handle.setArgument('response4', ex.response, CPP.pkt4);
      handle.setArgument('leases4', ex.leases, CPP.lease4Collection);
      handle.setArgument('deleted_leases4', ex.deleted, CPP.lease4Collection);
      d.call(h.leases4_committed, handle);
      const status = handle.getStatus();
      handle.deleteAllArguments();
      if (status === 3 && lot && !resumed) {
        if (lot.isParked(query)) {
          if (server.wants('DHCPX_HOOK_LEASESX_COMMITTED_PARK'))
            server.say('DHCPX_HOOK_LEASESX_COMMITTED_PARK', query.getLabel());
          server.parkedHandles.add(handle);
          server.options.observer?.park?.('leases4_committed', handle);
          return;
        }
      }
      if (lot && !resumed) lot.drop(query);
      if (resumed) return;
      if (status === 2) {
        if (server.wants('DHCPX_HOOK_LEASESX_COMMITTED_DROP'))
          server.say('DHCPX_HOOK_LEASESX_COMMITTED_DROP', query.getLabel());
        return;
      }
    } else d.reached(h.leases4_committed, handle);
  }
  sendPacket(server, ex, sent);
}

/** pkt4_send, pack, buffer4_send, send. */
function sendPacket(server: Dhcp4Server, ex: Exchange4, sent: SentPacket[]): void {
  let response: Pkt4 | undefined = ex.response;
  if (!response) return;
  const d = server.driver;
  const h = server.hooks;
  const handle = server.handleOf(ex);
  let skipPack = false;
  if (d.present(h.pkt4_send)) {
    handle.deleteAllArguments();
    handle.setArgument('query4', ex.query, CPP.pkt4);
    handle.setArgument('response4', response, CPP.pkt4);
    if (server.features.sendHasSubnet) handle.setArgument('subnet4', ex.subnet, server.subnetTag);
    d.call(h.pkt4_send, handle);
    const status = handle.getStatus();
    handle.deleteAllArguments();
    if (status === 2) {
      if (server.wants('DHCPX_HOOK_PACKET_SEND_DROP'))
        server.say('DHCPX_HOOK_PACKET_SEND_DROP', ex.query.getLabel());
      return;
    }
    if (status === 1) {
      if (server.wants('DHCPX_HOOK_PACKET_SEND_SKIP'))
        server.say('DHCPX_HOOK_PACKET_SEND_SKIP', ex.query.getLabel());
      skipPack = true;
    }
  } else d.reached(h.pkt4_send, handle);
  if (d.present(h.buffer4_send)) {
    handle.deleteAllArguments();
    handle.setArgument('response4', response, CPP.pkt4);
    d.call(h.buffer4_send, handle);
    const status = handle.getStatus();
    response = handle.getArgument<Pkt4 | undefined>('response4');
    handle.deleteAllArguments();
    if (status === 1 || status === 2 || !response) {
      if (server.wants('DHCPX_HOOK_BUFFER_SEND_SKIP'))
        server.say('DHCPX_HOOK_BUFFER_SEND_SKIP', ex.query.getLabel());
      return;
    }
  } else d.reached(h.buffer4_send, handle);
  let bytes: Uint8Array;
  if (skipPack) bytes = new Uint8Array(0);
  else {
    orderForPacking(response);
    bytes = response.pack();
  }
  if (server.wants('DHCPX_PACKET_SEND'))
    server.say(
      'DHCPX_PACKET_SEND',
      ex.query.getLabel(),
      response.getName(),
      `${response.localAddr}:${response.localPort}`,
      `${response.remoteAddr}:${response.remotePort}`,
      response.iface,
    );
  server.stats.add('pkt4-sent');
  const stat = SENT_STAT[response.getType()];
  if (stat) server.stats.add(stat);
  sent.push({
    bytes,
    remoteAddress: response.remoteAddr,
    remotePort: response.remotePort,
    localAddress: response.localAddr,
    localPort: response.localPort,
    iface: response.iface,
  });
}
