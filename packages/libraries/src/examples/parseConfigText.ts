/**
 * Parses Kea configuration text: JSON plus the comments Kea accepts (`//`, `/* … *\/`, `#`).
 * Comments inside strings are kept. Throws SyntaxError, as JSON.parse does, for bad JSON.
 * The studio's config editor has a full parser (`@hookscope/config`); this one is for running
 * the examples anywhere without it.
 */
export function parseConfigText(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}
