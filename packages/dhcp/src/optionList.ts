// Splitting a run of options into Option objects, and writing it back, for both universes.
import { DhcpParseError } from './dhcpParseError';
import { Option } from './option';
import type { Universe } from './optionDefinition';

/** A decoded run of options, with the DHCPv4 layout details needed to write it back exactly. */
export interface OptionRun {
  options: Option[];
  /** DHCPv4 `dhcp4` space: PAD bytes after the last option (before END, if any). */
  padsAfter: number;
  /** DHCPv4 `dhcp4` space: offset of the END option, or -1 when there is none. */
  endOffset: number;
  /** Lenient parsing only: offset of a truncated option where parsing stopped, else -1. */
  stoppedAt: number;
}

/**
 * Splits `src[start, end)` into options of `space`. In the top DHCPv4 space (`dhcp4`), code 0
 * is PAD and code 255 is END: parsing stops at END, the caller keeps what follows.
 * Throws DhcpParseError with the offset of a header or payload that runs past `end`.
 * `lenient` does what Kea does with a last option that runs past the end: parsing stops there
 * (`stoppedAt`) and the caller keeps the rest as bytes. A DHCPv4 option without its length
 * byte still throws, as in Kea.
 */
export function parseOptions(
  universe: Universe,
  space: string,
  src: Uint8Array,
  start: number,
  end: number,
  lenient = false,
): OptionRun {
  const options: Option[] = [];
  let off = start;
  if (universe === 'v6') {
    while (off < end) {
      if (off + 4 > end) {
        if (lenient) return { options, padsAfter: 0, endOffset: -1, stoppedAt: off };
        throw new DhcpParseError(off, 'option header (4 bytes)', `${end - off} left`);
      }
      const code = (src[off]! << 8) | src[off + 1]!;
      const len = (src[off + 2]! << 8) | src[off + 3]!;
      if (off + 4 + len > end) {
        if (lenient) return { options, padsAfter: 0, endOffset: -1, stoppedAt: off };
        throw new DhcpParseError(
          off,
          `option ${code} with ${len} bytes of data`,
          `${end - off - 4} left`,
        );
      }
      options.push(new Option('v6', code, src, space, off + 4, off + 4 + len, off));
      off += 4 + len;
    }
    return { options, padsAfter: 0, endOffset: -1, stoppedAt: -1 };
  }
  const top = space === 'dhcp4';
  let pads = 0;
  while (off < end) {
    const code = src[off]!;
    if (top && code === 0) {
      pads++;
      off++;
      continue;
    }
    if (top && code === 255) return { options, padsAfter: pads, endOffset: off, stoppedAt: -1 };
    if (off + 2 > end) throw new DhcpParseError(off, `length of option ${code}`, 'no bytes left');
    const len = src[off + 1]!;
    if (off + 2 + len > end) {
      if (lenient) return { options, padsAfter: pads, endOffset: -1, stoppedAt: off };
      throw new DhcpParseError(
        off,
        `option ${code} with ${len} bytes of data`,
        `${end - off - 2} left`,
      );
    }
    const opt = new Option('v4', code, src, space, off + 2, off + 2 + len, off);
    opt.padBefore = pads;
    pads = 0;
    options.push(opt);
    off += 2 + len;
  }
  return { options, padsAfter: pads, endOffset: -1, stoppedAt: -1 };
}

/** Bytes needed for `options` including the PAD bytes recorded before each one. */
export function optionsLength(options: readonly Option[]): number {
  let n = 0;
  for (const o of options) n += o.padBefore + o.len();
  return n;
}

/** Writes options (with their recorded PAD bytes) at `off`; returns the offset after them. */
export function packOptions(options: readonly Option[], out: Uint8Array, off: number): number {
  let o = off;
  for (const opt of options) {
    o += opt.padBefore; // PAD is 0 and `out` starts zeroed
    o = opt.packInto(out, o);
  }
  return o;
}

/** Kea keeps options in a map ordered by code; equal codes stay in wire order. */
export function sortedByCode(options: readonly Option[]): Option[] {
  return [...options].sort((a, b) => a.code - b.code);
}
