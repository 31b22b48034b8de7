// Entry points: bytes in, packet objects out, and back.
import { Pkt4 } from './pkt4';
import { Pkt6 } from './pkt6';

export type DhcpFamily = 'dhcp4' | 'dhcp6';
export type AnyPkt = Pkt4 | Pkt6;

/** Decodes a DHCPv4 message. See Pkt4.unpack. */
export function unpack4(bytes: Uint8Array): Pkt4 {
  return Pkt4.unpack(bytes);
}

/** Decodes a DHCPv6 message with its relay layers. See Pkt6.unpack. */
export function unpack6(bytes: Uint8Array): Pkt6 {
  return Pkt6.unpack(bytes);
}

/**
 * Decodes the UDP payload of a DHCP message of the given family. The packet keeps views into
 * `bytes`. Throws DhcpParseError with the byte offset of the first problem.
 */
export function unpack(bytes: Uint8Array, family: 'dhcp4'): Pkt4;
export function unpack(bytes: Uint8Array, family: 'dhcp6'): Pkt6;
export function unpack(bytes: Uint8Array, family: DhcpFamily): AnyPkt;
export function unpack(bytes: Uint8Array, family: DhcpFamily): AnyPkt {
  return family === 'dhcp4' ? Pkt4.unpack(bytes) : Pkt6.unpack(bytes);
}

/** Encodes a packet; an untouched decoded packet gives back its original bytes. */
export function pack(pkt: AnyPkt): Uint8Array {
  return pkt.pack();
}
