import type { PathSegment } from './jsonPath';
import type { ConfigIndex } from './scanKeaConfig';

/** Where a JSON path is in the text (or in an included file's text). */
export interface Location {
  /** Included file holding it; undefined for the main text. */
  file: string | undefined;
  /** Start of the value. */
  offset: number;
  length: number;
  /** The key naming the value, when its parent is a map. */
  keyOffset: number | undefined;
  keyLength: number | undefined;
  /** How many path segments were found; less than the path length when it stops early. */
  depth: number;
}

/**
 * Finds the value at `path` (the last duplicate wins, like JSON). Walks only the maps and
 * lists on the way, jumping over the others through the bracket index: cost grows with the
 * size of those maps, not of the text. Stops at the deepest existing ancestor.
 */
export function locate(root: ConfigIndex, path: readonly PathSegment[]): Location {
  let index = root;
  let offset = root.rootOffset;
  let keyOffset: number | undefined;
  let keyLength: number | undefined;
  let depth = 0;
  for (const segment of path) {
    const include = includeAt(index, offset);
    if (include !== undefined) {
      index = include;
      offset = include.rootOffset;
    }
    const text = index.text;
    const c = text.charCodeAt(offset);
    const found =
      c === 123 && typeof segment === 'string'
        ? findKey(index, offset, segment)
        : c === 91 && typeof segment === 'number'
          ? findItem(index, offset, segment)
          : undefined;
    if (found === undefined) break;
    offset = found.offset;
    keyOffset = found.keyOffset;
    keyLength = found.keyLength;
    depth++;
  }
  return {
    file: index.file,
    offset,
    length: valueEnd(index, offset) - offset,
    keyOffset,
    keyLength,
    depth,
  };
}

function includeAt(index: ConfigIndex, offset: number): ConfigIndex | undefined {
  if (index.text.charCodeAt(offset) !== 60) return undefined;
  return index.includes.find((site) => site.offset === offset)?.index;
}

function findKey(
  index: ConfigIndex,
  open: number,
  key: string,
): { offset: number; keyOffset: number; keyLength: number } | undefined {
  const text = index.text;
  const close = closeOf(index, open);
  let pos = skipTrivia(text, open + 1);
  let found: { offset: number; keyOffset: number; keyLength: number } | undefined;
  while (pos < close && text.charCodeAt(pos) === 34) {
    const keyOffset = pos;
    const keyEnd = stringEnd(text, pos);
    pos = skipTrivia(text, keyEnd);
    pos = skipTrivia(text, pos + 1); // ':'
    if (keyMatches(text, keyOffset, keyEnd, key))
      found = { offset: pos, keyOffset, keyLength: keyEnd - keyOffset };
    pos = skipTrivia(text, valueEnd(index, pos));
    if (text.charCodeAt(pos) === 44) pos = skipTrivia(text, pos + 1);
  }
  return found;
}

function findItem(
  index: ConfigIndex,
  open: number,
  target: number,
): { offset: number; keyOffset: undefined; keyLength: undefined } | undefined {
  const text = index.text;
  const close = closeOf(index, open);
  let pos = skipTrivia(text, open + 1);
  for (let i = 0; pos < close; i++) {
    if (i === target) return { offset: pos, keyOffset: undefined, keyLength: undefined };
    pos = skipTrivia(text, valueEnd(index, pos));
    if (text.charCodeAt(pos) === 44) pos = skipTrivia(text, pos + 1);
  }
  return undefined;
}

function keyMatches(text: string, start: number, end: number, key: string): boolean {
  if (end - start === key.length + 2 && text.startsWith(key, start + 1)) return true;
  for (let i = start + 1; i < end - 1; i++) {
    if (text.charCodeAt(i) === 92) return JSON.parse(text.slice(start, end)) === key;
  }
  return false;
}

/** Index entry of the container opening at `open` (binary search), -1 when none. */
export function containerAt(index: ConfigIndex, open: number): number {
  const opens = index.open;
  let low = 0;
  let high = index.count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = opens[mid] ?? 0;
    if (value < open) low = mid + 1;
    else if (value > open) high = mid - 1;
    else return mid;
  }
  return -1;
}

function closeOf(index: ConfigIndex, open: number): number {
  const entry = containerAt(index, open);
  return entry === -1 ? open : (index.close[entry] ?? open);
}

/** End offset (exclusive) of the value starting at `pos`. */
export function valueEnd(index: ConfigIndex, pos: number): number {
  const text = index.text;
  const c = text.charCodeAt(pos);
  if (c === 123 || c === 91) return closeOf(index, pos) + 1;
  if (c === 34) return stringEnd(text, pos);
  if (c === 60) {
    const end = text.indexOf('?>', pos);
    return end === -1 ? text.length : end + 2;
  }
  let i = pos;
  for (;;) {
    const d = text.charCodeAt(i);
    if (
      (d >= 48 && d <= 57) ||
      (d >= 97 && d <= 122) ||
      (d >= 65 && d <= 90) ||
      d === 45 ||
      d === 43 ||
      d === 46
    )
      i++;
    else return i;
  }
}

function stringEnd(text: string, pos: number): number {
  let i = pos + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 34 || Number.isNaN(c)) return i + 1;
    i += c === 92 ? 2 : 1;
  }
}

export function skipTrivia(text: string, start: number): number {
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else return i;
  }
}

/**
 * The JSON path of the map or list opening at `open`, from the parent and slot entries of
 * the index: O(depth), whatever the size of the lists on the way.
 */
export function pathOfContainer(index: ConfigIndex, open: number): PathSegment[] {
  const path: PathSegment[] = [];
  let entry = containerAt(index, open);
  while (entry !== -1) {
    const parent = index.parent[entry] ?? -1;
    if (parent === -1) break;
    const slot = index.slot[entry] ?? 0;
    const parentIsList = index.text.charCodeAt(index.open[parent] ?? 0) === 91;
    path.unshift(
      parentIsList
        ? slot
        : (JSON.parse(index.text.slice(slot, stringEnd(index.text, slot))) as string),
    );
    entry = parent;
  }
  return path;
}
