import type { AnyPkt } from '../packet';
import { buildUdpFrame } from './writePcap';

/**
 * An Ethernet frame carrying `pkt` as the server receives it: from the packet's remote
 * address and port to its local ones. MACs default to the packet's hardware addresses.
 */
export function packetFrame(
  pkt: AnyPkt,
  macs: { srcMac?: string; dstMac?: string } = {},
): Uint8Array {
  const srcMac =
    macs.srcMac ??
    pkt.remoteHWAddr ??
    (pkt.family === 'dhcp4' ? pkt.getHWAddr().toString() : undefined);
  const dstMac = macs.dstMac ?? pkt.localHWAddr;
  return buildUdpFrame({
    payload: pkt.pack(),
    srcAddr: pkt.remoteAddr,
    dstAddr: pkt.localAddr,
    srcPort: pkt.remotePort,
    dstPort: pkt.localPort,
    ...(srcMac && srcMac.split(':').length === 6 ? { srcMac } : {}),
    ...(dstMac ? { dstMac } : {}),
  });
}
