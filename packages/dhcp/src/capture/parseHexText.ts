// Hex text as people paste it: a continuous hex stream, bytes separated by spaces, colons or
// dashes, or Wireshark's "copy as hex dump" with an offset column and an ASCII column.
// Blank lines, `#` comments and a new dump starting again at offset 0 separate frames.

const OFFSET = /^([0-9a-f]{4,8})[:\s]\s*/i;

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
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') {
      flush();
      return;
    }
    let body = line.trim();
    const m = OFFSET.exec(body);
    // An offset column: 4+ hex digits then a gap, with more hex pairs after it.
    if (m && /^[0-9a-f]{2}(\s|$)/i.test(body.slice(m[0].length))) {
      if (Number.parseInt(m[1]!, 16) === 0) flush();
      body = body.slice(m[0].length);
      // the ASCII column starts after a gap of 3+ spaces
      const gap = body.search(/\s{3,}/);
      if (gap >= 0) body = body.slice(0, gap);
      if (cur.length === 0) startLine = i + 1;
      for (const tok of body.split(/\s+/)) {
        if (!/^[0-9a-f]{2}$/i.test(tok)) break;
        cur.push(Number.parseInt(tok, 16));
      }
      return;
    }
    if (cur.length === 0) startLine = i + 1;
    const clean = body.replace(/^0x/i, '').replace(/[\s:.-]/g, '');
    if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) {
      throw new TypeError(`line ${i + 1} is not hex`);
    }
    for (let k = 0; k < clean.length; k += 2) cur.push(Number.parseInt(clean.slice(k, k + 2), 16));
  });
  flush();
  return frames;
}
