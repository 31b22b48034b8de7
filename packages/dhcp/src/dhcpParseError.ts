/**
 * Raised for bytes that are not a well-formed packet, option or capture. `offset` is the byte
 * offset (from the start of the buffer handed to the decoder) where the trouble starts, and
 * `expected` says what should have been there.
 */
export class DhcpParseError extends Error {
  override name = 'DhcpParseError';
  readonly offset: number;
  readonly expected: string;

  constructor(offset: number, expected: string, detail?: string) {
    super(`at byte ${offset}: expected ${expected}${detail ? ` (${detail})` : ''}`);
    this.offset = offset;
    this.expected = expected;
  }

  /** The same error, with the offset moved by `base` (for a packet decoded inside a frame). */
  shifted(base: number): DhcpParseError {
    const moved = new DhcpParseError(this.offset + base, this.expected);
    moved.message = this.message.replace(/^at byte \d+/, `at byte ${this.offset + base}`);
    return moved;
  }
}
