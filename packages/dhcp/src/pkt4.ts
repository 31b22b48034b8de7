// A DHCPv4 packet (BOOTP header, magic cookie, options) as a live, mutable object.
//
// Decoding reads the fixed header into numbers and splits the options into lazy Option
// objects; nothing else is decoded until asked. What Kea would not keep (PAD bytes, where END
// sits, bytes after END, the raw sname/file fields) is kept too, so that an untouched packet
// packs back to the same bytes.
import {
  allocBytes,
  ipv4ToUint32,
  readUint16,
  readUint32,
  toHex,
  uint32ToIpv4,
  writeUint16,
  writeUint32,
} from './bytes';
import { DhcpParseError } from './dhcpParseError';
import { HWAddr } from './hwAddr';
import { DHCP_NOTYPE, getName4 } from './messageTypes';
import { Option } from './option';
import {
  type OptionRun,
  optionsLength,
  packOptions,
  parseOptions,
  sortedByCode,
} from './optionList';
import { Pkt } from './pkt';

export const DHCPV4_PKT_HDR_LEN = 236;
export const DHCP_OPTIONS_COOKIE = 0x63825363;
const EMPTY = new Uint8Array(0);
// Shared zero fields for new packets: the setters replace these arrays, never write into them.
const ZERO16 = new Uint8Array(16);
const ZERO64 = new Uint8Array(64);
const ZERO128 = new Uint8Array(128);

const TYPE_BYTE = new Uint8Array(1);
let typeBlock = new Uint8Array(1024);
let typeBlockUsed = 0;

/** Copies at most `size` bytes of a fixed header field (no view when it already fits). */
function setField(out: Uint8Array, field: Uint8Array, at: number, size: number): void {
  out.set(field.length > size ? field.subarray(0, size) : field, at);
}

export class Pkt4 extends Pkt {
  readonly family = 'dhcp4' as const;
  op = 1;
  htype = 1;
  hlen = 6;
  hops = 0;
  transid = 0;
  secs = 0;
  flags = 0;
  #ciaddr = 0;
  #yiaddr = 0;
  #siaddr = 0;
  #giaddr = 0;
  // The decoded buffer; chaddr, sname and file are cut from it only when asked for.
  #raw: Uint8Array | undefined = undefined;
  #chaddr: Uint8Array | undefined = undefined;
  #sname: Uint8Array | undefined = undefined;
  #file: Uint8Array | undefined = undefined;

  /**
   * The 16-byte chaddr field as on the wire (hlen says how much of it is the address).
   * Replace it (or use setHWAddr), do not write into it: it may be shared or a view.
   */
  get chaddr(): Uint8Array {
    return this.#chaddr ?? this.#raw?.subarray(28, 44) ?? ZERO16;
  }
  set chaddr(bytes: Uint8Array) {
    this.#chaddr = bytes;
    this.touch();
  }
  /** The raw 64-byte sname field (same rule as chaddr). */
  get snameField(): Uint8Array {
    return this.#sname ?? this.#raw?.subarray(44, 108) ?? ZERO64;
  }
  set snameField(bytes: Uint8Array) {
    this.#sname = bytes;
    this.touch();
  }
  /** The raw 128-byte file field (same rule as chaddr). */
  get fileField(): Uint8Array {
    return this.#file ?? this.#raw?.subarray(108, 236) ?? ZERO128;
  }
  set fileField(bytes: Uint8Array) {
    this.#file = bytes;
    this.touch();
  }
  /** False for a plain 236-byte BOOTP packet without the magic cookie. */
  hasCookie = true;
  /** PAD bytes after the last option, and whether an END option closes the list. */
  padsAfter = 0;
  hasEnd = true;
  /** Bytes after END (often zero padding), or from a truncated last option on (lenient). */
  trailing: Uint8Array = EMPTY;
  /** Lenient decoding: offset of the truncated option where decoding stopped, else -1. */
  truncatedAt = -1;

  /** A new packet; `type` adds option 53 when non-zero. */
  constructor(type = DHCP_NOTYPE, transid = 0) {
    super('0.0.0.0', 67, 68);
    this.transid = transid >>> 0;
    if (type !== DHCP_NOTYPE) this.setType(type);
  }

  /**
   * Decodes a DHCPv4 packet. The packet keeps views into `bytes`: do not change them afterwards.
   * Throws DhcpParseError (offset into `bytes`) for a short header, a bad cookie or an option
   * running past the end. With `lenient` (Kea's own behaviour) a last option running past the
   * end is not an error: decoding stops there and the bytes stay in `trailing`
   * (`truncatedAt` says where), so the packet still packs back to `bytes`.
   */
  static unpack(bytes: Uint8Array, options: { lenient?: boolean } = {}): Pkt4 {
    const b = bytes;
    if (b.length < DHCPV4_PKT_HDR_LEN) {
      throw new DhcpParseError(
        b.length,
        `a ${DHCPV4_PKT_HDR_LEN}-byte BOOTP header`,
        `only ${b.length} bytes`,
      );
    }
    const p = new Pkt4();
    p.op = b[0]!;
    p.htype = b[1]!;
    p.hlen = b[2]!;
    p.hops = b[3]!;
    p.transid = readUint32(b, 4);
    p.secs = readUint16(b, 8);
    p.flags = readUint16(b, 10);
    p.#ciaddr = readUint32(b, 12);
    p.#yiaddr = readUint32(b, 16);
    p.#siaddr = readUint32(b, 20);
    p.#giaddr = readUint32(b, 24);
    p.#raw = b;
    if (b.length === DHCPV4_PKT_HDR_LEN) {
      p.hasCookie = false;
      p.hasEnd = false;
      return p;
    }
    if (b.length < 240)
      throw new DhcpParseError(236, 'magic cookie 63:82:53:63', `${b.length - 236} bytes left`);
    if (readUint32(b, 236) !== DHCP_OPTIONS_COOKIE) {
      throw new DhcpParseError(
        236,
        'magic cookie 63:82:53:63',
        `got ${toHex(b.subarray(236, 240))}`,
      );
    }
    const run = parseOptions('v4', 'dhcp4', b, 240, b.length, options.lenient);
    p.options = run.options;
    p.padsAfter = run.padsAfter;
    p.hasEnd = run.endOffset >= 0;
    p.truncatedAt = run.stoppedAt;
    p.trailing = p.hasEnd
      ? b.subarray(run.endOffset + 1)
      : run.stoppedAt >= 0
        ? b.subarray(run.stoppedAt)
        : EMPTY;
    return p;
  }

  /** Encodes the packet. Throws RangeError when an option grew beyond 255 bytes. */
  pack(): Uint8Array {
    const size = this.hasCookie
      ? 240 +
        optionsLength(this.options) +
        this.padsAfter +
        (this.hasEnd ? 1 : 0) +
        this.trailing.length
      : DHCPV4_PKT_HDR_LEN;
    const out = allocBytes(size);
    out[0] = this.op;
    out[1] = this.htype;
    out[2] = this.hlen;
    out[3] = this.hops;
    writeUint32(out, 4, this.transid);
    writeUint16(out, 8, this.secs);
    writeUint16(out, 10, this.flags);
    writeUint32(out, 12, this.#ciaddr);
    writeUint32(out, 16, this.#yiaddr);
    writeUint32(out, 20, this.#siaddr);
    writeUint32(out, 24, this.#giaddr);
    if (this.#raw && !this.#chaddr && !this.#sname && !this.#file) {
      out.set(this.#raw.subarray(28, 236), 28); // untouched: one copy
    } else {
      setField(out, this.chaddr, 28, 16);
      setField(out, this.snameField, 44, 64);
      setField(out, this.fileField, 108, 128);
    }
    if (!this.hasCookie) return out;
    writeUint32(out, 236, DHCP_OPTIONS_COOKIE);
    let o = packOptions(this.options, out, 240) + this.padsAfter;
    if (this.hasEnd) out[o++] = 255;
    if (this.trailing.length > 0) out.set(this.trailing, o);
    return out;
  }

  /** Message type from option 53, or DHCP_NOTYPE (0) when there is none. */
  getType(): number {
    const o = this.getOption(53);
    return o?.dataByte(0) ?? DHCP_NOTYPE;
  }

  /** Sets option 53 (adds it first in the list when missing). */
  setType(type: number): void {
    const o = this.getOption(53);
    if (o !== undefined) {
      TYPE_BYTE[0] = type;
      o.setData(TYPE_BYTE); // setData copies
      this.touch();
      return;
    }
    // every new packet does this: its one value byte comes from a shared block (an Option
    // never writes into its bytes, and a view of them covers that byte only)
    if (typeBlockUsed === typeBlock.length) {
      typeBlock = new Uint8Array(1024);
      typeBlockUsed = 0;
    }
    const at = typeBlockUsed++;
    typeBlock[at] = type;
    this.options.unshift(new Option('v4', 53, typeBlock, undefined, at, at + 1));
    this.touch();
  }

  getName(): string {
    return getName4(this.getType());
  }

  getOp(): number {
    return this.op;
  }
  getHtype(): number {
    return this.htype;
  }
  getHlen(): number {
    return this.hlen;
  }
  getHops(): number {
    return this.hops;
  }
  setHops(hops: number): void {
    this.hops = hops;
    this.touch();
  }
  getTransid(): number {
    return this.transid;
  }
  setTransid(transid: number): void {
    this.transid = transid >>> 0;
    this.touch();
  }
  getSecs(): number {
    return this.secs;
  }
  setSecs(secs: number): void {
    this.secs = secs;
    this.touch();
  }
  getFlags(): number {
    return this.flags;
  }
  setFlags(flags: number): void {
    this.flags = flags;
    this.touch();
  }
  getCiaddr(): string {
    return uint32ToIpv4(this.#ciaddr);
  }
  setCiaddr(addr: string): void {
    this.#ciaddr = ipv4ToUint32(addr);
    this.touch();
  }
  getYiaddr(): string {
    return uint32ToIpv4(this.#yiaddr);
  }
  setYiaddr(addr: string): void {
    this.#yiaddr = ipv4ToUint32(addr);
    this.touch();
  }
  getSiaddr(): string {
    return uint32ToIpv4(this.#siaddr);
  }
  setSiaddr(addr: string): void {
    this.#siaddr = ipv4ToUint32(addr);
    this.touch();
  }
  getGiaddr(): string {
    return uint32ToIpv4(this.#giaddr);
  }
  setGiaddr(addr: string): void {
    this.#giaddr = ipv4ToUint32(addr);
    this.touch();
  }

  /** Whether chaddr starts with `bytes` (no view made; a viewer checks a copy it kept). */
  chaddrStartsWith(bytes: ArrayLike<number>): boolean {
    if (bytes.length > 16) return false;
    // the same bytes the chaddr getter shows
    const own = this.#chaddr;
    const src = own ?? this.#raw ?? ZERO16;
    const at = own === undefined && this.#raw !== undefined ? 28 : 0;
    for (let i = 0; i < bytes.length; i++) if (src[at + i] !== bytes[i]) return false;
    return true;
  }

  /** The client hardware address: htype and the first hlen (at most 16) chaddr bytes. */
  getHWAddr(): HWAddr {
    return new HWAddr(this.chaddr.slice(0, Math.min(this.hlen, 16)), this.htype);
  }

  /** Sets htype, hlen and chaddr. Throws RangeError for more than 16 bytes. */
  setHWAddr(hw: HWAddr | string, htype?: number): void {
    const h = typeof hw === 'string' ? new HWAddr(hw, htype ?? 1) : hw;
    if (h.bytes.length > 16) throw new RangeError('a hardware address has at most 16 bytes');
    this.htype = h.htype;
    this.hlen = h.bytes.length;
    this.chaddr = new Uint8Array(16); // the setter moves the epoch
    this.chaddr.set(h.bytes);
  }

  /** sname as text, up to its first NUL. */
  getSname(): string {
    return fieldText(this.snameField);
  }
  setSname(text: string): void {
    this.snameField = textField(text, 64);
  }
  /** file as text, up to its first NUL. */
  getFile(): string {
    return fieldText(this.fileField);
  }
  setFile(text: string): void {
    this.fileField = textField(text, 128);
  }

  /** True when relayed (giaddr set), as Kea's Pkt4::isRelayed. */
  isRelayed(): boolean {
    return this.#giaddr !== 0;
  }

  /**
   * Options carried in the file and sname fields when option 52 (dhcp-option-overload) says
   * so. Read-only view; returns undefined for a field that is not overloaded or not well-formed.
   */
  getOverloadedOptions(): { file?: OptionRun; sname?: OptionRun } {
    const o = this.getOption(52)?.getData()[0] ?? 0;
    const out: { file?: OptionRun; sname?: OptionRun } = {};
    const parse = (field: Uint8Array): OptionRun | undefined => {
      try {
        return parseOptions('v4', 'dhcp4', field, 0, field.length);
      } catch (e) {
        if (e instanceof DhcpParseError) return undefined;
        throw e;
      }
    };
    if (o & 1) {
      const r = parse(this.fileField);
      if (r) out.file = r;
    }
    if (o & 2) {
      const r = parse(this.snameField);
      if (r) out.sname = r;
    }
    return out;
  }

  /** Kea's packet label: `[hwtype=1 00:0c:…], cid=[01:…], tid=0x6e3a7d6`. */
  getLabel(): string {
    const cid = this.getOption(61);
    const cidText = cid ? toHex(cid.getData()) : 'no info';
    return `[${this.getHWAddr().toText()}], cid=[${cidText}], tid=0x${this.transid.toString(16)}`;
  }

  /** Kea's Pkt4::toText: addresses, type, transid, then the options sorted by code. */
  toText(): string {
    let out = `local_address=${this.localAddr}:${this.localPort}, remote_address=${this.remoteAddr}:${this.remotePort}, msg_type=${this.getName()} (${this.getType()}), transid=0x${this.transid.toString(16)}`;
    if (this.options.length === 0) return `${out}, message contains no options`;
    out += ',\noptions:';
    for (const o of sortedByCode(this.options)) out += `\n${o.toText(2)}`;
    return out;
  }
}

function fieldText(field: Uint8Array): string {
  let e = field.indexOf(0);
  if (e < 0) e = field.length;
  let s = '';
  for (let i = 0; i < e; i++) s += String.fromCharCode(field[i]!);
  return s;
}

function textField(text: string, size: number): Uint8Array {
  if (text.length > size) throw new RangeError(`at most ${size} characters`);
  const out = new Uint8Array(size);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 255;
  return out;
}
