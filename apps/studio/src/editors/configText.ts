import {
  applyEdits,
  format,
  getLocation,
  type ParseError,
  parse,
  printParseErrorCode,
} from 'jsonc-parser';

/**
 * Kea config text helpers for the editor and the form view, on jsonc-parser. jsonc-parser
 * knows `//` and slash-star comments but not `#`, so `#` comments are blanked first (same
 * length, so offsets stay true).
 */
export function blankHashComments(
  text: string,
  replacement: 'spaces' | 'slashes' = 'spaces',
): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      const n = stop - i;
      // As a // comment of the same length, the formatter keeps it in place.
      out += replacement === 'slashes' && n >= 2 ? `//${' '.repeat(n - 2)}` : ' '.repeat(n);
      i = stop - 1;
    } else out += c;
  }
  return out;
}

export interface TextProblem {
  offset: number;
  length: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Syntax problems of a config text, with offsets. */
export function findSyntaxProblems(text: string): TextProblem[] {
  const errors: ParseError[] = [];
  parse(blankHashComments(text), errors, { allowTrailingComma: true, disallowComments: false });
  return errors.map((e) => ({
    offset: e.offset,
    length: Math.max(1, e.length),
    message: `syntax error: ${printParseErrorCode(e.error)}`,
    severity: 'error',
  }));
}

/** Parses config text (comments allowed) to a value; undefined when it has syntax errors. */
export function readConfigValue(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(blankHashComments(text), errors, { allowTrailingComma: true });
  return errors.length > 0 ? undefined : value;
}

/** The JSON path at `offset` and whether the cursor is on a property key. */
export function getPathAt(text: string, offset: number) {
  const location = getLocation(blankHashComments(text), offset);
  return { path: location.path, isKey: location.isAtPropertyKey, previous: location.previousNode };
}

/**
 * Re-indents config text (2 spaces) keeping every comment, through jsonc-parser's formatter on
 * the `#`-blanked text; the `#` comments are put back since offsets are unchanged.
 */
export function formatConfigText(text: string): string {
  const blank = blankHashComments(text, 'slashes');
  const edits = format(blank, undefined, { insertSpaces: true, tabSize: 2, eol: '\n' });
  // Edits only touch whitespace, so applying them to the original keeps the # comments.
  return applyEdits(text, edits);
}
