import { applyEdits, findNodeAtLocation, type JSONPath, modify, parseTree } from 'jsonc-parser';
import { blankHashComments, readConfigValue } from './configText';

export interface HooksLibraryEntry {
  library: string;
  parameters?: Record<string, unknown>;
}

function rootKey(family: 'dhcp4' | 'dhcp6') {
  return family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6';
}

/** The hooks-libraries entries of a config text; undefined when the text does not parse. */
export function readHooksLibraries(
  text: string,
  family: 'dhcp4' | 'dhcp6',
): HooksLibraryEntry[] | undefined {
  const value = readConfigValue(text) as Record<string, Record<string, unknown>> | undefined;
  if (!value) return undefined;
  const list = value[rootKey(family)]?.['hooks-libraries'];
  return Array.isArray(list) ? (list as HooksLibraryEntry[]) : [];
}

/**
 * Edits the text at `path` as a minimal text edit, so comments and layout elsewhere survive.
 * `value` undefined removes. Edits are computed on the text with `#` comments blanked (same
 * offsets) and applied to the original.
 */
function edit(text: string, path: JSONPath, value: unknown): string {
  // No formatting options: jsonc-parser would otherwise re-indent neighbouring entries.
  const edits = modify(blankHashComments(text), path, value, {});
  return applyEdits(text, edits);
}

/** One-line JSON with a space after `:` and `,` and inside braces: `{ "library": "/x.so" }`. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return JSON.stringify(value) ?? 'null';
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * Inserts `entry` at `index` of hooks-libraries as one line, indented like its neighbours.
 * Creates the array when the config has none.
 */
export function insertHooksLibrary(
  text: string,
  family: 'dhcp4' | 'dhcp6',
  entry: HooksLibraryEntry,
  index: number,
): string {
  const tree = parseTree(blankHashComments(text), [], { allowTrailingComma: true });
  const array = tree && findNodeAtLocation(tree, [rootKey(family), 'hooks-libraries']);
  if (array?.type !== 'array') {
    return edit(text, [rootKey(family), 'hooks-libraries'], [entry]);
  }
  const items = array.children ?? [];
  const json = inlineJson(entry);
  const before = items[index];
  if (before) {
    const indent = indentAt(text, before.offset);
    return `${text.slice(0, before.offset)}${json},\n${indent}${text.slice(before.offset)}`;
  }
  const last = items[items.length - 1];
  if (last) {
    const end = last.offset + last.length;
    const indent = indentAt(text, last.offset);
    return `${text.slice(0, end)},\n${indent}${json}${text.slice(end)}`;
  }
  const outer = indentAt(text, array.offset);
  const inner = `${text.slice(0, array.offset)}[\n${outer}  ${json}\n${outer}]`;
  return inner + text.slice(array.offset + array.length);
}

export function addHooksLibrary(text: string, family: 'dhcp4' | 'dhcp6', entry: HooksLibraryEntry) {
  const list = readHooksLibraries(text, family) ?? [];
  return insertHooksLibrary(text, family, entry, list.length);
}

/**
 * Removes entry `index` with its comma and its line; the comments of other entries stay.
 * Returns the text unchanged when there is no such entry.
 */
export function removeHooksLibrary(text: string, family: 'dhcp4' | 'dhcp6', index: number) {
  const blank = blankHashComments(text);
  const tree = parseTree(blank, [], { allowTrailingComma: true });
  const array = tree && findNodeAtLocation(tree, [rootKey(family), 'hooks-libraries']);
  const items = array?.children ?? [];
  const item = items[index];
  if (!item) return text;
  const next = items[index + 1];
  if (next) return text.slice(0, item.offset) + text.slice(next.offset);
  const previous = items[index - 1];
  let start = item.offset;
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (/^\s*$/.test(text.slice(lineStart + 1, start))) start = lineStart;
  let out = text.slice(0, start) + text.slice(item.offset + item.length);
  if (previous) {
    const comma = blank.indexOf(',', previous.offset + previous.length);
    if (comma >= 0 && comma < start) out = out.slice(0, comma) + out.slice(comma + 1);
  }
  return out;
}

/** Moves entry `from` to position `to` (remove, then insert), keeping the entry's value. */
export function moveHooksLibrary(
  text: string,
  family: 'dhcp4' | 'dhcp6',
  from: number,
  to: number,
) {
  const list = readHooksLibraries(text, family) ?? [];
  const entry = list[from];
  if (!entry || to < 0 || to >= list.length || to === from) return text;
  const removed = removeHooksLibrary(text, family, from);
  return insertHooksLibrary(removed, family, entry, to);
}

export function setHooksLibraryParameters(
  text: string,
  family: 'dhcp4' | 'dhcp6',
  index: number,
  parameters: Record<string, unknown> | undefined,
) {
  return edit(text, [rootKey(family), 'hooks-libraries', index, 'parameters'], parameters);
}
