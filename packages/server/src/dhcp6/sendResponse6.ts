import type { Pkt6 } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import { callParkable } from '../parkableHook';
import type { SentPacket } from '../types';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';

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
        resume: (_handle, out) => sendPacket6(server, ex, out),
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
  sendPacket6(server, ex, sent);
}

function sendPacket6(server: Dhcp6Server, ex: Exchange6, sent: SentPacket[]): void {
  let response: Pkt6 | undefined = ex.response;
  if (!response) return;
  const d = server.driver;
  const h = server.hooks;
  const handle = server.handleOf(ex);
  let skipPack = false;
  if (d.present(h.pkt6_send)) {
    handle.deleteAllArguments();
    handle.setArgument('query6', ex.query, CPP.pkt6);
    handle.setArgument('response6', response, CPP.pkt6);
    if (server.features.sendHasSubnet) handle.setArgument('subnet6', ex.subnet, server.subnetTag);
    d.call(h.pkt6_send, handle);
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
  } else d.reached(h.pkt6_send, handle);
  if (d.present(h.buffer6_send)) {
    handle.deleteAllArguments();
    handle.setArgument('response6', response, CPP.pkt6);
    d.call(h.buffer6_send, handle);
    const status = handle.getStatus();
    response = handle.getArgument<Pkt6 | undefined>('response6');
    handle.deleteAllArguments();
    if (status === 1 || status === 2 || !response) {
      if (server.wants('DHCPX_HOOK_BUFFER_SEND_SKIP'))
        server.say('DHCPX_HOOK_BUFFER_SEND_SKIP', ex.query.getLabel());
      return;
    }
  } else d.reached(h.buffer6_send, handle);
  const bytes = skipPack ? new Uint8Array(0) : response.pack();
  if (server.wants('DHCPX_PACKET_SEND'))
    server.say(
      'DHCPX_PACKET_SEND',
      ex.query.getLabel(),
      response.getName(),
      `[${response.localAddr}]:${response.localPort}`,
      `[${response.remoteAddr}]:${response.remotePort}`,
      response.iface,
    );
  server.stats.add('pkt6-sent');
  if (response.getType() === 2) server.stats.add('pkt6-advertise-sent');
  if (response.getType() === 7) server.stats.add('pkt6-reply-sent');
  if (response.getType() === 37) server.stats.add('pkt6-addr-reg-reply-sent');
  sent.push({
    bytes,
    remoteAddress: response.remoteAddr,
    remotePort: response.remotePort,
    localAddress: response.localAddr,
    localPort: response.localPort,
    iface: response.iface,
  });
  // The trace shows what went out on the wire, so two runs' responses can be compared.
  d.observer?.response?.(response);
}
