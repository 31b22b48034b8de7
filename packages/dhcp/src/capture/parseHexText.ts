// Hex text as people paste it: a continuous hex stream; bytes separated by spaces, colons or
// dashes; C or escaped-string forms (`0xff, 0x01`, `\xff\x01`); Wireshark's "copy as hex dump"
// and tcpdump -xx/-X output, both with an offset column (16 bytes a line) and maybe an ASCII
// column. Blank lines, `#` comments and a dump starting again at offset 0 separate frames.

const OFFSET = /^(?:0x)?([0-9a-f]{4,8}):?\s+/i;
const BYTES_PER_DUMP_LINE = 16;

/** One frame per block of hex. Throws TypeError when a line is not hex. @internal */
export function parseHexText(text: string): { bytes: Uint8Array; line: number }[] {
  const frames: { bytes: Uint8Array; line: number }[] = [];
  let cur: number[] = [];
  let startLine = 0;
  const flush = () => {
    if (cur.length > 0) frames.push({ bytes: new Uint8Array(cur), line: startLine });
    cur = [];
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') {
      flush();
      return;
    }
    const m = OFFSET.exec(line);
    // An offset column: 4+ hex digits (maybe 0x…, maybe a colon) then hex after a gap.
    if (m && /^[0-9a-f]{2}/i.test(line.slice(m[0].length))) {
      if (Number.parseInt(m[1]!, 16) === 0) flush();
      if (cur.length === 0) startLine = i + 1;
      let body = line.slice(m[0].length);
      const gap = body.search(/\s{3,}/); // Wireshark's ASCII column
      if (gap >= 0) body = body.slice(0, gap);
      let taken = 0;
      for (const tok of body.split(/\s+/)) {
        // bytes (`ff`) or tcpdump's 16-bit groups (`ffff`); the ASCII column stops us
        if (!/^([0-9a-f]{2})+$/i.test(tok) || tok.length > 8) break;
        for (let k = 0; k < tok.length && taken < BYTES_PER_DUMP_LINE; k += 2, taken++) {
          cur.push(Number.parseInt(tok.slice(k, k + 2), 16));
        }
        if (taken >= BYTES_PER_DUMP_LINE) break;
      }
      return;
    }
    if (cur.length === 0) startLine = i + 1;
    // `x` is not a hex digit, so dropping `0x` and `\x` cannot eat data
    const clean = line.replace(/\\x|0x/gi, '').replace(/[\s:.,;"'{}-]/g, '');
    if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) {
      throw new TypeError(`line ${i + 1} is not hex`);
    }
    for (let k = 0; k < clean.length; k += 2) cur.push(Number.parseInt(clean.slice(k, k + 2), 16));
  });
  flush();
  return frames;
}
