// A DHCPv6 packet as a live, mutable object, with its relay layers.
//
// As in Kea, a relayed packet is represented by its innermost (client or server) message,
// with `relayInfo` holding the RELAY-FORW / RELAY-REPL layers, outermost (closest to the
// server) first. Each layer remembers where its relay-msg option sat among its options, so
// packing puts it back there.
import { allocBytes, ipv6ToBytes, ipv6ToText, readUint32, toHex } from './bytes';
import { DhcpParseError } from './dhcpParseError';
import { getName6, RELAY_FORW, RELAY_REPL } from './messageTypes';
import type { Option } from './option';
import { parseOptions, sortedByCode } from './optionList';
import { Pkt } from './pkt';

/** Shared empty bytes: fields holding it are replaced, never written into. */
const EMPTY = new Uint8Array(0);

export const D6O_RELAY_MSG = 9;

/** One relay layer (Kea's Pkt6::RelayInfo). */
export interface RelayInfo {
  msgType: number;
  hopCount: number;
  linkAddr: string;
  peerAddr: string;
  /** The layer's options, without its relay-msg option. */
  options: Option[];
  /** Index in `options` before which the relay-msg option goes. */
  relayMsgIndex: number;
  /** Lenient decoding: bytes of a truncated last option, kept so the layer packs back. */
  trailing?: Uint8Array;
}

/** Where `getAnyRelayOption` starts looking. */
export type RelaySearchOrder =
  | 'RELAY_SEARCH_FROM_CLIENT'
  | 'RELAY_SEARCH_FROM_SERVER'
  | 'RELAY_GET_FIRST'
  | 'RELAY_GET_LAST';

export class Pkt6 extends Pkt {
  readonly family = 'dhcp6' as const;
  msgType: number;
  transid: number;
  relayInfo: RelayInfo[] = [];
  /** Lenient decoding: bytes of a truncated last option of the message, kept as they were. */
  trailing: Uint8Array = EMPTY;
  /** Lenient decoding: offset of the first truncated option (any layer), else -1. */
  truncatedAt = -1;

  constructor(type = 0, transid = 0) {
    super('::', 547, 546);
    this.msgType = type;
    this.transid = transid & 0xffffff;
  }

  /**
   * Decodes a DHCPv6 message, unwrapping relay layers. Keeps views into `bytes`.
   * Throws DhcpParseError (offset into `bytes`) for short headers, options running past the
   * end, or a relay message without a relay-msg option. `lenient`: as Kea, a last option
   * running past the end of its message is not an error; its bytes are kept (see Pkt4.unpack).
   */
  static unpack(bytes: Uint8Array, opts: { lenient?: boolean } = {}): Pkt6 {
    const p = new Pkt6();
    let start = 0;
    let end = bytes.length;
    for (;;) {
      if (start >= end) throw new DhcpParseError(start, 'message type');
      const type = bytes[start]!;
      if (type !== RELAY_FORW && type !== RELAY_REPL) {
        if (end - start < 4)
          throw new DhcpParseError(start, 'message type and transaction id (4 bytes)');
        p.msgType = type;
        p.transid = readUint32(bytes, start) & 0xffffff;
        const run = parseOptions('v6', 'dhcp6', bytes, start + 4, end, opts.lenient);
        p.options = run.options;
        if (run.stoppedAt >= 0) {
          p.trailing = bytes.subarray(run.stoppedAt, end);
          if (p.truncatedAt < 0) p.truncatedAt = run.stoppedAt;
        }
        return p;
      }
      if (end - start < 34)
        throw new DhcpParseError(start, 'relay header (34 bytes)', `${end - start} left`);
      const run = parseOptions('v6', 'dhcp6', bytes, start + 34, end, opts.lenient);
      const options = run.options;
      const i = options.findIndex((o) => o.code === D6O_RELAY_MSG);
      if (i < 0)
        throw new DhcpParseError(start + 34, 'a relay-msg option (9) in the relay message');
      const msg = options[i]!;
      options.splice(i, 1);
      p.relayInfo.push({
        msgType: type,
        hopCount: bytes[start + 1]!,
        linkAddr: ipv6ToText(bytes, start + 2),
        peerAddr: ipv6ToText(bytes, start + 18),
        options,
        relayMsgIndex: i,
        ...(run.stoppedAt >= 0 ? { trailing: bytes.subarray(run.stoppedAt, end) } : {}),
      });
      if (run.stoppedAt >= 0 && p.truncatedAt < 0) p.truncatedAt = run.stoppedAt;
      start = msg.offset + 4;
      end = start + msg.dataLength();
    }
  }

  /** Encodes the packet with its relay layers. */
  pack(): Uint8Array {
    let inner = this.#packMessage();
    for (let r = this.relayInfo.length - 1; r >= 0; r--)
      inner = packRelay(this.relayInfo[r]!, inner);
    return inner;
  }

  #packMessage(): Uint8Array {
    let n = 4 + this.trailing.length;
    for (const o of this.options) n += o.len();
    const out = allocBytes(n);
    out[0] = this.msgType;
    out[1] = (this.transid >>> 16) & 255;
    out[2] = (this.transid >>> 8) & 255;
    out[3] = this.transid & 255;
    let off = 4;
    for (const o of this.options) off = o.packInto(out, off);
    out.set(this.trailing, off);
    return out;
  }

  getType(): number {
    return this.msgType;
  }
  setType(type: number): void {
    this.msgType = type;
    this.touch();
  }
  getName(): string {
    return getName6(this.msgType);
  }
  getTransid(): number {
    return this.transid;
  }
  setTransid(transid: number): void {
    this.transid = transid & 0xffffff;
    this.touch();
  }

  /** Client DUID (option 1) as hex, or undefined. */
  getClientId(): string | undefined {
    const o = this.getOption(1);
    return o ? toHex(o.getData()) : undefined;
  }

  /** True when the packet came through at least one relay. */
  isRelayed(): boolean {
    return this.relayInfo.length > 0;
  }

  /** Option `code` of relay layer `nesting` (0 = outermost), as Kea's getRelayOption. */
  getRelayOption(code: number, nesting: number): Option | undefined {
    return this.relayInfo[nesting]?.options.find((o) => o.code === code);
  }

  /** First option `code` over all relay layers, in the given order (Kea's getAnyRelayOption). */
  getAnyRelayOption(code: number, order: RelaySearchOrder): Option | undefined {
    const layers = [...this.relayInfo];
    if (order === 'RELAY_SEARCH_FROM_CLIENT' || order === 'RELAY_GET_LAST') layers.reverse();
    const single = order === 'RELAY_GET_FIRST' || order === 'RELAY_GET_LAST';
    for (const layer of single ? layers.slice(0, 1) : layers) {
      const o = layer.options.find((x) => x.code === code);
      if (o) return o;
    }
    return undefined;
  }

  /** Kea's label: `duid=[00:01:…], tid=0x2265b2`. */
  getLabel(): string {
    const duid = this.getClientId();
    return `duid=[${duid ?? 'no info'}], tid=0x${this.transid.toString(16)}`;
  }

  /** Kea's Pkt6::toText: addresses, type, transid, options sorted by code, then the relays. */
  toText(): string {
    let out = `localAddr=[${this.localAddr}]:${this.localPort} remoteAddr=[${this.remoteAddr}]:${this.remotePort}\n`;
    out += `msgtype=${this.msgType}(${this.getName()}), transid=0x${this.transid.toString(16)}\n`;
    for (const o of sortedByCode(this.options)) out += `${o.toText(0)}\n`;
    if (this.relayInfo.length === 0) return `${out}No relays traversed.\n`;
    out += `${this.relayInfo.length} relay(s):\n`;
    this.relayInfo.forEach((r, i) => {
      out += `relay[${i}]: msg-type=${r.msgType}(${getName6(r.msgType)}), hop-count=${r.hopCount},\n`;
      out += `link-address=${r.linkAddr}, peer-address=${r.peerAddr}, ${r.options.length} option(s)\n`;
      for (const o of sortedByCode(r.options)) out += `${o.toText(0)}\n`;
    });
    return out;
  }
}

function packRelay(r: RelayInfo, inner: Uint8Array): Uint8Array {
  let n = 34 + 4 + inner.length + (r.trailing?.length ?? 0);
  for (const o of r.options) n += o.len();
  const out = allocBytes(n);
  out[0] = r.msgType;
  out[1] = r.hopCount;
  out.set(ipv6ToBytes(r.linkAddr), 2);
  out.set(ipv6ToBytes(r.peerAddr), 18);
  let off = 34;
  const at = Math.min(r.relayMsgIndex, r.options.length);
  for (let i = 0; i <= r.options.length; i++) {
    if (i === at) {
      out[off++] = 0;
      out[off++] = D6O_RELAY_MSG;
      out[off++] = inner.length >> 8;
      out[off++] = inner.length & 255;
      out.set(inner, off);
      off += inner.length;
    }
    if (i < r.options.length) off = r.options[i]!.packInto(out, off);
  }
  if (r.trailing) out.set(r.trailing, off);
  return out;
}
