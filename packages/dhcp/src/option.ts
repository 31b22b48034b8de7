// One DHCP option, v4 or v6, as a live object a callout can read and change.
//
// Strategy: an option decoded from the wire keeps a view of its bytes and decodes nothing until
// asked. The value (the part before any sub-options) is decoded on `getValue()`; sub-options
// are split on first access. Packing writes the value bytes as they came (or as last set) and
// the sub-options one by one, so an untouched option goes back byte for byte.
import { readUint32, toHex } from './bytes';
import { DhcpParseError } from './dhcpParseError';
import type { OptionDefinition, Universe } from './optionDefinition';
import { getOptionDefinition, vendorSpace } from './optionDefinitions';
import { parseOptions } from './optionList';
import { optionToText } from './optionText';
import { decodeValue, encodeValue, type OptionValue } from './optionValue';

const EMPTY = new Uint8Array(0);
/** What getOptions() gives an option without sub-options: one shared, frozen list. */
const NO_OPTIONS: readonly Option[] = Object.freeze([]);
const ASCII_FQDN4: OptionDefinition = {
  name: 'fqdn',
  code: 81,
  space: 'dhcp4',
  type: 'record',
  fields: ['uint8', 'uint8', 'uint8', 'string'],
  array: false,
};

export class Option {
  readonly universe: Universe;
  readonly code: number;
  /** The option space this option belongs to (`dhcp4`, `dhcp6`, `dhcp-agent-options-space` …). */
  readonly space: string;
  /** Byte offset of the option's header in the packet it was decoded from (-1 when built). */
  readonly offset: number;
  /** DHCPv4 only: PAD bytes that came right before this option on the wire. */
  padBefore = 0;

  #src: Uint8Array;
  #valueStart: number;
  #valueEnd: number;
  #end: number;
  #options: Option[] | undefined;
  #subParsed = false;
  #def: OptionDefinition | undefined | null = null;

  /**
   * A new option. `data` is the whole payload (value and any sub-options) as it would be on the
   * wire; sub-options in it are split as for a decoded option. No side effects.
   * `start`, `end` and `offset` are for the decoders (@internal): the payload is then
   * `data[start, end)` and its header sits at `offset`.
   */
  constructor(
    universe: Universe,
    code: number,
    data: Uint8Array = EMPTY,
    space?: string,
    start = 0,
    end = data.length,
    offset = -1,
  ) {
    this.universe = universe;
    this.code = code;
    this.space = space ?? (universe === 'v4' ? 'dhcp4' : 'dhcp6');
    this.offset = offset;
    this.#src = data;
    this.#valueStart = start;
    this.#end = end;
    this.#valueEnd = this.#computeValueEnd(start, end);
  }

  /** Kea's name for the option code. */
  getType(): number {
    return this.code;
  }

  getUniverse(): Universe {
    return this.universe;
  }

  /** The standard definition for this code in this space, or undefined (binary option). */
  getDefinition(): OptionDefinition | undefined {
    if (this.#def === null) this.#def = getOptionDefinition(this.space, this.code, this.universe);
    return this.#def;
  }

  /** Kea's option name (`dhcp-message-type`), or undefined for an unknown option. */
  getName(): string | undefined {
    return this.getDefinition()?.name;
  }

  /** Where the value part ends: sub-options follow the fixed fields of encapsulating options. */
  #computeValueEnd(s: number, e: number): number {
    const def = this.getDefinition();
    if (def?.encapsulate === undefined && def?.layout === undefined) return e;
    if (def.layout === 'vivso') return Math.min(e, s + 5);
    if (def.layout === 'vendor-v6') return Math.min(e, s + 4);
    let size = 0;
    for (const f of def.type === 'record' ? (def.fields ?? []) : [def.type]) {
      if (f === 'ipv6-address') size += 16;
      else if (f === 'uint32' || f === 'ipv4-address') size += 4;
      else if (f === 'uint16') size += 2;
      else if (f === 'uint8' || f === 'boolean') size += 1;
      // variable fields before sub-options do not occur in the standard definitions
    }
    return Math.min(e, s + size);
  }

  /** The value bytes (without sub-options). A view: do not change it, use `setData`. */
  getData(): Uint8Array {
    // built and set options hold exactly their value: no new view needed
    if (this.#valueStart === 0 && this.#valueEnd === this.#src.length) return this.#src;
    return this.#src.subarray(this.#valueStart, this.#valueEnd);
  }

  /** Byte `i` of the value (undefined past its end), without making a view. */
  dataByte(i: number): number | undefined {
    return i < this.#valueEnd - this.#valueStart ? this.#src[this.#valueStart + i] : undefined;
  }

  /**
   * Whether the value bytes are exactly `bytes[start, end)`, without making a view: a viewer
   * that kept a copy of them sees any change, even one written into the array `getData()` gave.
   */
  dataEquals(bytes: ArrayLike<number>, start = 0, end = bytes.length): boolean {
    const from = this.#valueStart;
    const n = this.#valueEnd - from;
    if (end - start !== n) return false;
    const src = this.#src;
    for (let i = 0; i < n; i++) if (src[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /**
   * Copies the value bytes into `out` at `at` (no view made; a plain array grows as needed);
   * returns the offset after them.
   */
  copyDataInto(out: Uint8Array | number[], at: number): number {
    const src = this.#src;
    let o = at;
    for (let i = this.#valueStart; i < this.#valueEnd; i++) out[o++] = src[i] as number;
    return o;
  }

  /** Replaces the value bytes; sub-options stay. */
  setData(data: Uint8Array): void {
    const subs = this.#subParsed ? this.#options : undefined;
    const subRaw = this.#src.subarray(this.#valueEnd, this.#end);
    const next = new Uint8Array(data.length + (subs === undefined ? subRaw.length : 0));
    next.set(data);
    if (subs === undefined) next.set(subRaw, data.length);
    this.#src = next;
    this.#valueStart = 0;
    this.#valueEnd = data.length;
    this.#end = next.length;
  }

  /**
   * The typed value, decoded by the option's definition (hex text for unknown options).
   * Throws DhcpParseError, with the packet offset, when the bytes do not fit the definition.
   */
  getValue(): OptionValue {
    const def = this.getDefinition();
    if (def === undefined) return toHex(this.getData());
    if (def.type === 'empty') {
      if (this.#valueEnd !== this.#valueStart) {
        throw new DhcpParseError(this.#valueStart, `no data in ${def.name}`);
      }
      return undefined;
    }
    if (def.layout === 'vivso' || def.layout === 'vendor-v6') {
      if (this.#valueEnd - this.#valueStart < 4) {
        throw new DhcpParseError(this.#valueStart, 'enterprise id (4 bytes)');
      }
      return readUint32(this.#src, this.#valueStart);
    }
    return decodeValue(
      this.#valueDef(def),
      this.#src,
      this.#valueStart,
      this.#valueEnd,
      this.universe,
    );
  }

  /** DHCPv4 client FQDN with the E flag clear carries its name in ASCII, not in labels. */
  #valueDef(def: OptionDefinition, flags = this.#src[this.#valueStart] ?? 0): OptionDefinition {
    if (def.code !== 81 || this.space !== 'dhcp4') return def;
    return flags & 0x04 ? def : ASCII_FQDN4;
  }

  /** Sets the value through the definition. Throws TypeError for a value that does not fit. */
  setValue(value: OptionValue): void {
    const def = this.getDefinition();
    if (def === undefined || def.layout !== undefined) {
      if (def?.layout !== undefined && typeof value === 'number') {
        const d = new Uint8Array(def.layout === 'vivso' ? 5 : 4);
        new DataView(d.buffer).setUint32(0, value >>> 0);
        if (def.layout === 'vivso') d[4] = this.#src[this.#valueStart + 4] ?? 0;
        this.setData(d);
        return;
      }
      throw new TypeError(`option ${this.code} has no typed value; use setData`);
    }
    const flags = Array.isArray(value) ? Number(value[0]) : 0;
    this.setData(encodeValue(this.#valueDef(def, flags), value, this.universe));
  }

  /** True when this option carries sub-options (it encapsulates a space). */
  hasSubOptionSpace(): boolean {
    const def = this.getDefinition();
    return def?.encapsulate !== undefined || def?.layout !== undefined;
  }

  /** Space of this option's sub-options, or undefined. */
  getEncapsulatedSpace(): string | undefined {
    const def = this.getDefinition();
    if (def?.layout === 'vivso' || def?.layout === 'vendor-v6') {
      return this.#valueEnd - this.#valueStart >= 4
        ? vendorSpace(readUint32(this.#src, this.#valueStart))
        : undefined;
    }
    return def?.encapsulate;
  }

  #subOptions(): Option[] | undefined {
    if (this.#subParsed) return this.#options;
    this.#subParsed = true;
    const space = this.getEncapsulatedSpace();
    if (space === undefined) return undefined;
    let start = this.#valueEnd;
    if (this.getDefinition()?.layout === 'vivso') {
      // data-len must cover the rest exactly, or we keep the bytes as they are
      if (this.#valueEnd - this.#valueStart !== 5) return undefined;
      if (this.#src[this.#valueStart + 4] !== this.#end - this.#valueEnd) return undefined;
      start = this.#valueEnd;
    }
    try {
      this.#options = parseOptions(this.universe, space, this.#src, start, this.#end).options;
    } catch (e) {
      if (!(e instanceof DhcpParseError)) throw e;
      this.#options = undefined; // sub-option area is not well-formed: keep it as bytes
    }
    return this.#options;
  }

  /** Sub-options in wire order (empty when the option has none or they are not well-formed). */
  getOptions(): readonly Option[] {
    return this.#subOptions() ?? NO_OPTIONS;
  }

  /** True when the sub-option area could not be split into options (kept as raw bytes). */
  hasRawSubOptionBytes(): boolean {
    return this.#subOptions() === undefined && this.#end > this.#valueEnd;
  }

  /** First sub-option with this code, or undefined. */
  getOption(code: number): Option | undefined {
    return this.#subOptions()?.find((o) => o.code === code);
  }

  /** Adds a sub-option at the end. Throws TypeError when this option cannot hold any. */
  addOption(opt: Option): void {
    const subs = this.#subOptions();
    if (subs !== undefined) {
      subs.push(opt);
    } else if (this.#end === this.#valueEnd) {
      this.#options = [opt];
    } else {
      throw new TypeError(`option ${this.code}: its sub-option bytes are not well-formed`);
    }
    this.#cutRaw();
  }

  /** Removes every sub-option with this code; true when one was removed. */
  delOption(code: number): boolean {
    const subs = this.#subOptions();
    if (subs === undefined) return false;
    const before = subs.length;
    this.#options = subs.filter((o) => o.code !== code);
    return this.#options.length !== before;
  }

  /** Sub-options now live as objects: forget the raw tail. */
  #cutRaw(): void {
    this.#end = this.#valueEnd;
  }

  /** Length of the payload (value and sub-options) on the wire. */
  dataLength(): number {
    let n = this.#valueEnd - this.#valueStart;
    const subs = this.#subParsed ? this.#options : undefined;
    if (subs === undefined) return n + this.#end - this.#valueEnd;
    for (const s of subs) n += s.len();
    return n;
  }

  /** Whole length on the wire, header included (PAD bytes before it not included). */
  len(): number {
    return (this.universe === 'v4' ? 2 : 4) + this.dataLength();
  }

  /**
   * Writes header and payload at `off`; returns the offset after it.
   * Throws RangeError when a DHCPv4 payload grew beyond 255 bytes.
   */
  packInto(out: Uint8Array, off: number): number {
    const n = this.dataLength();
    let o = off;
    if (this.universe === 'v4') {
      if (n > 255) throw new RangeError(`option ${this.code}: ${n} bytes do not fit in one option`);
      out[o++] = this.code;
      out[o++] = n;
    } else {
      if (n > 0xffff) throw new RangeError(`option ${this.code}: ${n} bytes is too long`);
      out[o++] = this.code >> 8;
      out[o++] = this.code & 255;
      out[o++] = n >> 8;
      out[o++] = n & 255;
    }
    // a byte loop beats subarray + set for the few bytes most options hold
    const src = this.#src;
    for (let i = this.#valueStart; i < this.#valueEnd; i++) out[o++] = src[i]!;
    const subs = this.#subParsed ? this.#options : undefined;
    if (subs === undefined) {
      for (let i = this.#valueEnd; i < this.#end; i++) out[o++] = src[i]!;
      return o;
    }
    const subStart = o;
    for (const s of subs) o = s.packInto(out, o);
    if (this.getDefinition()?.layout === 'vivso' && subStart > off) {
      out[subStart - 1] = o - subStart; // data-len follows the sub-options we hold
    }
    return o;
  }

  /** Header and payload as new bytes. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.len());
    this.packInto(out, 0);
    return out;
  }

  /** Kea's text for the option and its sub-options (see optionText.ts). */
  toText(indent = 0): string {
    return optionToText(this, indent);
  }
}
