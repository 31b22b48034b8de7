import type { ExchangeBase, FamilyParts, ServerPacket } from './family';
import type { ServerCore } from './serverCore';
import type { SentPacket } from './types';

/**
 * The end of a query's processing in both servers: pkt*_send (DROP: nothing is sent; SKIP:
 * the response is not packed, an empty datagram goes out), buffer*_send (SKIP or DROP, or a
 * callout that took the response away: nothing is sent), then the datagram, counted under
 * Kea's statistic names and shown to the observer as it went out.
 */
export function sendPacket<P extends ServerPacket, S>(
  server: ServerCore,
  parts: FamilyParts<P>,
  ex: ExchangeBase<P, S>,
  sent: SentPacket[],
): void {
  let response: P | undefined = ex.response;
  if (!response) return;
  const d = server.driver;
  const h = server.common;
  const handle = server.handleOf(ex);
  let skipPack = false;
  if (d.present(h.pktSend)) {
    handle.deleteAllArguments();
    handle.setArgument(parts.queryArg, ex.query, parts.pktTag);
    handle.setArgument(parts.responseArg, response, parts.pktTag);
    if (server.features.sendHasSubnet)
      handle.setArgument(parts.subnetArg, ex.subnet, server.subnetTag);
    d.call(h.pktSend, handle);
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
  } else d.reached(h.pktSend, handle);
  if (d.present(h.bufferSend)) {
    handle.deleteAllArguments();
    handle.setArgument(parts.responseArg, response, parts.pktTag);
    d.call(h.bufferSend, handle);
    const status = handle.getStatus();
    response = handle.getArgument<P | undefined>(parts.responseArg);
    handle.deleteAllArguments();
    if (status === 1 || status === 2 || !response) {
      if (server.wants('DHCPX_HOOK_BUFFER_SEND_SKIP'))
        server.say('DHCPX_HOOK_BUFFER_SEND_SKIP', ex.query.getLabel());
      return;
    }
  } else d.reached(h.bufferSend, handle);
  const bytes = skipPack ? new Uint8Array(0) : parts.pack(response);
  if (server.wants('DHCPX_PACKET_SEND'))
    server.say(
      'DHCPX_PACKET_SEND',
      ex.query.getLabel(),
      response.getName(),
      parts.endpoint(response.localAddr, response.localPort),
      parts.endpoint(response.remoteAddr, response.remotePort),
      response.iface,
    );
  server.stats.add(parts.statNames.sent);
  const stat = parts.sentStatistic(response.getType());
  if (stat) server.stats.add(stat);
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
