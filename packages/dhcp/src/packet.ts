// Entry points: bytes in, packet objects out, and back.
import { Pkt4 } from './pkt4';
import { Pkt6 } from './pkt6';

export type DhcpFamily = 'dhcp4' | 'dhcp6';
export type AnyPkt = Pkt4 | Pkt6;

/** How to decode: `lenient` accepts a truncated last option as Kea does (default false). */
export interface UnpackOptions {
  lenient?: boolean;
}

/** Decodes a DHCPv4 message. See Pkt4.unpack. */
export function unpack4(bytes: Uint8Array, options: UnpackOptions = {}): Pkt4 {
  return Pkt4.unpack(bytes, options);
}

/** Decodes a DHCPv6 message with its relay layers. See Pkt6.unpack. */
export function unpack6(bytes: Uint8Array, options: UnpackOptions = {}): Pkt6 {
  return Pkt6.unpack(bytes, options);
}

/**
 * Decodes the UDP payload of a DHCP message of the given family. The packet keeps views into
 * `bytes`. Throws DhcpParseError with the byte offset of the first problem.
 */
export function unpack(bytes: Uint8Array, family: 'dhcp4', options?: UnpackOptions): Pkt4;
export function unpack(bytes: Uint8Array, family: 'dhcp6', options?: UnpackOptions): Pkt6;
export function unpack(bytes: Uint8Array, family: DhcpFamily, options?: UnpackOptions): AnyPkt;
export function unpack(bytes: Uint8Array, family: DhcpFamily, options: UnpackOptions = {}): AnyPkt {
  return family === 'dhcp4' ? Pkt4.unpack(bytes, options) : Pkt6.unpack(bytes, options);
}

/** Encodes a packet; an untouched decoded packet gives back its original bytes. */
export function pack(pkt: AnyPkt): Uint8Array {
  return pkt.pack();
}
