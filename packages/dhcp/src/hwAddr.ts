import { fromHex, toHex } from './bytes';

/** A hardware address with its type, as Kea's HWAddr. */
export class HWAddr {
  readonly htype: number;
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array | string, htype = 1) {
    this.bytes = typeof bytes === 'string' ? fromHex(bytes) : bytes;
    this.htype = htype;
  }

  /** `00:0c:01:02:03:05` */
  toString(): string {
    return toHex(this.bytes);
  }

  /** Kea's text form: `hwtype=1 00:0c:01:02:03:05`. */
  toText(includeType = true): string {
    return includeType ? `hwtype=${this.htype} ${toHex(this.bytes)}` : toHex(this.bytes);
  }
}
