/**
 * Kea config text to a value: JSON plus `#`, `//` and slash-star comments, and the trailing
 * commas Kea 2.x tolerates. The editor reports errors with positions (through
 * `@hookscope/config`); the worker only needs the value, so this stays small and dependency-free.
 * @throws SyntaxError with the offset when the text is not valid.
 */
export function parseConfigText(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError(`unterminated comment at offset ${i}`);
      // keep line structure so JSON.parse positions stay near the original ones
      out += text.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}
