import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';
import type { JsonValue, PathSegment } from './jsonPath';
import { locate } from './locate';
import { scanKeaConfig } from './scanKeaConfig';

/** A replacement of `length` characters at `offset` by `content` (jsonc-parser's Edit). */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** A hooks-libraries entry as the form view edits it. */
export interface LibraryEntry {
  library: string;
  parameters?: { [key: string]: JsonValue };
}

/** Applies edits (non-overlapping, any order) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, [...edits]);
}

/**
 * Edits that set (or, with `undefined`, remove) the value at `path`, keeping every comment
 * and the layout around it. jsonc-parser does the work; it does not know Kea's `#` comments
 * and `<?include?>` directives, so they are masked first (same length, so offsets stay valid;
 * see maskKeaSyntax) and never touched. With `insertAt`, a list item is inserted at that index.
 * Pure.
 */
export function setValueEdits(
  text: string,
  path: readonly PathSegment[],
  value: JsonValue | undefined,
  insertAt?: number,
): TextEdit[] {
  const masked = maskKeaSyntax(text);
  const segments = insertAt === undefined ? [...path] : [...path, insertAt];
  const edits = modify(masked, segments, value, {
    formattingOptions: detectFormatting(text),
    isArrayInsertion: insertAt !== undefined,
  });
  return edits.map((edit) => unmask(edit, text, masked));
}

/** jsonc-parser's formatter copies comments it re-indents: give `#` comments back their form. */
function unmask(edit: TextEdit, text: string, masked: string): TextEdit {
  if (masked === text || !edit.content.includes('//')) return edit;
  let content = edit.content;
  const end = edit.offset + edit.length;
  for (let i = text.indexOf('#', edit.offset); i !== -1 && i < end; i = text.indexOf('#', i + 1)) {
    if (masked[i] !== '/') continue; // a # inside a string
    const newline = text.indexOf('\n', i);
    const stop = newline === -1 ? text.length : newline;
    content = content.replace(masked.slice(i, stop), text.slice(i, stop));
  }
  return { ...edit, content };
}

/** Replaces the whole entry at `index` of `element`'s hooks-libraries. */
export function setLibraryEdits(
  text: string,
  element: string,
  index: number,
  entry: LibraryEntry,
): TextEdit[] {
  return setValueEdits(text, [element, 'hooks-libraries', index], toJson(entry));
}

/** Inserts an entry at `index` (default: at the end), creating the list if needed. */
export function insertLibraryEdits(
  text: string,
  element: string,
  entry: LibraryEntry,
  index?: number,
): TextEdit[] {
  const root = scanKeaConfig(maskKeaSyntax(text)).value;
  const list =
    root !== null && typeof root === 'object' && !Array.isArray(root) ? root[element] : undefined;
  const hooks =
    list !== null && typeof list === 'object' && !Array.isArray(list)
      ? list['hooks-libraries']
      : undefined;
  if (!Array.isArray(hooks))
    return setValueEdits(text, [element, 'hooks-libraries'], [toJson(entry)]);
  return setValueEdits(text, [element, 'hooks-libraries'], toJson(entry), index ?? hooks.length);
}

export function removeLibraryEdits(text: string, element: string, index: number): TextEdit[] {
  return setValueEdits(text, [element, 'hooks-libraries', index], undefined);
}

/** Sets (or removes, with `undefined`) one parameter of the entry at `index`. */
export function setParameterEdits(
  text: string,
  element: string,
  index: number,
  parameterPath: readonly PathSegment[],
  value: JsonValue | undefined,
): TextEdit[] {
  return setValueEdits(
    text,
    [element, 'hooks-libraries', index, 'parameters', ...parameterPath],
    value,
  );
}

/**
 * Moves the entry at `from` to index `to`. Entries are moved as text, so their comments,
 * parameters and layout inside go with them; separators and comments between entries stay put.
 * Returns no edits when the list or an index is missing.
 */
export function moveLibraryEdits(
  text: string,
  element: string,
  from: number,
  to: number,
): TextEdit[] {
  const scan = scanKeaConfig(text);
  const element_ =
    scan.value !== null && typeof scan.value === 'object' && !Array.isArray(scan.value)
      ? scan.value[element]
      : undefined;
  const hooks =
    element_ !== null && typeof element_ === 'object' && !Array.isArray(element_)
      ? element_['hooks-libraries']
      : undefined;
  if (
    !Array.isArray(hooks) ||
    from === to ||
    from < 0 ||
    to < 0 ||
    from >= hooks.length ||
    to >= hooks.length
  ) {
    return [];
  }
  // Entries inside an included file cannot be moved in this text.
  const items = hooks.map((_, i) => locate(scan.index, [element, 'hooks-libraries', i]));
  if (items.some((item) => item.file !== undefined || item.depth !== 3)) return [];
  const slices = items.map((item) => text.slice(item.offset, item.offset + item.length));
  const order = slices.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved ?? from);
  const edits: TextEdit[] = [];
  order.forEach((source, slot) => {
    const item = items[slot];
    if (source !== slot && item !== undefined) {
      edits.push({ offset: item.offset, length: item.length, content: slices[source] ?? '' });
    }
  });
  return edits;
}

function toJson(entry: LibraryEntry): JsonValue {
  return entry.parameters === undefined
    ? { library: entry.library }
    : { library: entry.library, parameters: entry.parameters };
}

/**
 * Rewrites what jsonc-parser does not know into what it does, keeping every offset: `# x`
 * comments into `//x`, `<?include "f"?>` into `null` padded with blanks.
 */
export function maskKeaSyntax(text: string): string {
  if (!text.includes('#') && !text.includes('<?include')) return text;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === '#') {
      // `# note` becomes `//note`: the same length, and a comment jsonc-parser keeps.
      const newline = text.indexOf('\n', i);
      const end = newline === -1 ? text.length : newline;
      const body = text.slice(i + 2, end);
      out += `${text.slice(last, i)}${end - i >= 2 ? `//${body}` : ' '}`;
      last = i = end;
    } else if (c === '<' && text.startsWith('<?include', i)) {
      const end = text.indexOf('?>', i);
      const stop = end === -1 ? text.length : end + 2;
      out += `${text.slice(last, i)}null${' '.repeat(Math.max(0, stop - i - 4))}`;
      last = i = stop;
    } else {
      i++;
    }
  }
  return out + text.slice(last);
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return {
    insertSpaces: !tabs,
    tabSize: tabs ? 1 : Math.min(indent.length, 8),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
