// A Wireshark-like field tree of a packet for the inspector: every node has the byte range it
// covers, so the UI can highlight bytes. Built from the packed bytes, so offsets are exact
// even after a callout changed the packet.
import { ipv4ToText, ipv6ToText, readUint16, readUint32, toHex } from './bytes';
import { DhcpParseError } from './dhcpParseError';
import { getName4, getName6, RELAY_FORW, RELAY_REPL } from './messageTypes';
import type { Option } from './option';
import { parseOptions } from './optionList';
import type { AnyPkt } from './packet';
import { Pkt4 } from './pkt4';

export interface FieldNode {
  label: string;
  value?: string;
  offset: number;
  length: number;
  children?: FieldNode[];
}

function leaf(label: string, value: string | number, offset: number, length: number): FieldNode {
  return { label, value: String(value), offset, length };
}

function valueText(o: Option): string {
  try {
    const v = o.getValue();
    if (v === undefined) return '';
    return Array.isArray(v) ? v.join(', ') : String(v);
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    return `${toHex(o.getData())} (malformed: ${e.expected})`;
  }
}

function optionNode(o: Option, bytes: Uint8Array): FieldNode {
  const hdr = o.universe === 'v4' ? 2 : 4;
  const name = o.getName() ?? 'unknown';
  const children: FieldNode[] = [leaf('Length', o.dataLength(), o.offset + hdr / 2, hdr / 2)];
  const data = o.getData();
  if (o.code === 9 && o.universe === 'v6' && o.space === 'dhcp6') {
    children.push(messageNode6(bytes, o.offset + 4, o.offset + 4 + o.dataLength()));
  } else if (data.length > 0) {
    children.push(leaf('Value', valueText(o), o.offset + hdr, data.length));
  }
  for (const s of o.getOptions()) children.push(optionNode(s, bytes));
  return {
    label: `Option: (${o.code}) ${name}`,
    value: valueText(o),
    offset: o.offset,
    length: o.len(),
    children,
  };
}

function messageNode6(b: Uint8Array, start: number, end: number): FieldNode {
  try {
    const type = b[start]!;
    const relay = type === RELAY_FORW || type === RELAY_REPL;
    const head = relay
      ? [
          leaf('Message type', `${getName6(type)} (${type})`, start, 1),
          leaf('Hop count', b[start + 1]!, start + 1, 1),
          leaf('Link address', ipv6ToText(b, start + 2), start + 2, 16),
          leaf('Peer address', ipv6ToText(b, start + 18), start + 18, 16),
        ]
      : [
          leaf('Message type', `${getName6(type)} (${type})`, start, 1),
          leaf(
            'Transaction ID',
            `0x${(readUint32(b, start) & 0xffffff).toString(16).padStart(6, '0')}`,
            start + 1,
            3,
          ),
        ];
    const run = parseOptions('v6', 'dhcp6', b, start + (relay ? 34 : 4), end, true);
    const children = [...head, ...run.options.map((o) => optionNode(o, b))];
    if (run.stoppedAt >= 0) children.push(truncatedNode(b, run.stoppedAt, end));
    return {
      label: relay ? `Relay message: ${getName6(type)}` : `DHCPv6: ${getName6(type)}`,
      offset: start,
      length: end - start,
      children,
    };
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    return { label: 'Malformed message', value: e.message, offset: start, length: end - start };
  }
}

function truncatedNode(b: Uint8Array, from: number, to: number): FieldNode {
  return leaf(
    'Truncated option (ignored, as Kea does)',
    toHex(b.subarray(from, to)),
    from,
    to - from,
  );
}

function tree4(b: Uint8Array): FieldNode {
  const p = Pkt4.unpack(b, { lenient: true });
  const hdr: FieldNode[] = [
    leaf(
      'Message type',
      p.op === 1 ? 'Boot Request (1)' : p.op === 2 ? 'Boot Reply (2)' : p.op,
      0,
      1,
    ),
    leaf('Hardware type', p.htype, 1, 1),
    leaf('Hardware address length', p.hlen, 2, 1),
    leaf('Hops', p.hops, 3, 1),
    leaf('Transaction ID', `0x${p.transid.toString(16).padStart(8, '0')}`, 4, 4),
    leaf('Seconds elapsed', p.secs, 8, 2),
    leaf(
      'Bootp flags',
      `0x${readUint16(b, 10).toString(16).padStart(4, '0')}${p.flags & 0x8000 ? ' (Broadcast)' : ''}`,
      10,
      2,
    ),
    leaf('Client IP address (ciaddr)', ipv4ToText(b, 12), 12, 4),
    leaf('Your IP address (yiaddr)', ipv4ToText(b, 16), 16, 4),
    leaf('Next server IP address (siaddr)', ipv4ToText(b, 20), 20, 4),
    leaf('Relay agent IP address (giaddr)', ipv4ToText(b, 24), 24, 4),
    leaf('Client hardware address (chaddr)', p.getHWAddr().toString(), 28, 16),
    leaf('Server host name (sname)', p.getSname() || 'not given', 44, 64),
    leaf('Boot file name (file)', p.getFile() || 'not given', 108, 128),
  ];
  if (p.hasCookie) hdr.push(leaf('Magic cookie', 'DHCP', 236, 4));
  const children = [...hdr, ...p.options.map((o) => optionNode(o, b))];
  if (p.truncatedAt >= 0) children.push(truncatedNode(b, p.truncatedAt, b.length));
  if (p.hasEnd) {
    const endAt = b.length - p.trailing.length - 1;
    children.push(leaf('Option: (255) end', '', endAt, 1));
    if (p.trailing.length > 0)
      children.push(leaf('Padding', toHex(p.trailing, ''), endAt + 1, p.trailing.length));
  }
  return {
    label: `Dynamic Host Configuration Protocol (${getName4(p.getType())})`,
    offset: 0,
    length: b.length,
    children,
  };
}

/** The field tree of a packet (packed first, so offsets match its current bytes). Pure. */
export function fieldTree(pkt: AnyPkt): FieldNode {
  const b = pkt.pack();
  return pkt.family === 'dhcp4' ? tree4(b) : messageNode6(b, 0, b.length);
}
