import type { TextChange } from './createConfigDocument';
import type { ValidateOptions } from './createConfigValidator';
import type { JsonValue, PathSegment } from './jsonPath';
import { pathOfContainer } from './locate';
import { type ConfigIndex, type ScanResult, scanSlice } from './scanKeaConfig';

/**
 * The incremental path: re-scans only the innermost map or list that holds the whole change
 * (inside its brackets), splices its new value into `scan.value` and its bracket entries into
 * the index, and shifts everything after it. Mutates `scan` and returns the JSON path of the
 * re-scanned container; returns undefined and changes nothing when only a full scan can be
 * trusted (a syntax error before or after,
 * includes, a change touching the outermost map's brackets).
 */
export function rescanAround(
  scan: ScanResult,
  newText: string,
  change: TextChange,
  options: ValidateOptions,
): PathSegment[] | undefined {
  const index = scan.index;
  if (scan.errors.length > 0 || scan.value === undefined || index.includes.length > 0) {
    return undefined;
  }
  const start = change.offset;
  const end = change.offset + change.length;
  const entry = innermostAround(index, start, end);
  if (entry <= 0) return undefined;
  const oldOpen = index.open[entry] ?? 0;
  const oldClose = index.close[entry] ?? 0;
  const delta = change.text.length - change.length;
  // Scan a small string built from the old (flat) text: reading the new 5 MB string here
  // would make V8 flatten it on the spot.
  const old = index.text;
  const sliceText = old.slice(oldOpen, start) + change.text + old.slice(end, oldClose + 1);
  const scanned = scanSlice(sliceText, 0, sliceText.length, options);
  if (scanned === undefined || scanned.index.count === 0 || scanned.index.open[0] !== 0) {
    return undefined;
  }
  const path = pathOfContainer(index, oldOpen);
  if (!setAt(scan.value, path, scanned.value)) return undefined;
  spliceIndex(index, entry, rebase(scanned.index, oldOpen), oldClose, delta);
  index.text = newText;
  return path;
}

/** Moves a slice's entries (scanned from offset 0) to where the slice sits in the text. */
function rebase(slice: ConfigIndex, base: number): ConfigIndex {
  const { open, close, slot, parent } = slice;
  for (let i = 0; i < slice.count; i++) {
    const p = parent[i] ?? -1;
    // Key offsets move; list positions do not. Parents come first, so read their old offset.
    if (p !== -1 && slice.text.charCodeAt((open[p] ?? 0) - base) === 123)
      slot[i] = (slot[i] ?? 0) + base;
    open[i] = (open[i] ?? 0) + base;
    close[i] = (close[i] ?? 0) + base;
  }
  for (const d of slice.duplicates) {
    d.keyOffset += base;
    d.previousOffset += base;
    d.mapOffset += base;
  }
  return slice;
}

/** The innermost container with open < start and end <= close; -1 when none. */
function innermostAround(index: ConfigIndex, start: number, end: number): number {
  let low = 0;
  let high = index.count - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((index.open[mid] ?? 0) < start) {
      candidate = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  while (candidate !== -1 && (index.close[candidate] ?? 0) < end)
    candidate = index.parent[candidate] ?? -1;
  return candidate;
}

function setAt(root: JsonValue, path: readonly PathSegment[], value: JsonValue): boolean {
  if (path.length === 0) return false;
  let parent: JsonValue | undefined = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (parent === null || typeof parent !== 'object') return false;
    const segment = path[i] as PathSegment;
    parent = Array.isArray(parent) ? parent[segment as number] : parent[segment as string];
  }
  const last = path[path.length - 1] as PathSegment;
  if (parent === null || typeof parent !== 'object') return false;
  if (Array.isArray(parent)) parent[last as number] = value;
  else parent[last as string] = value;
  return true;
}

/** Replaces entry `entry` and its descendants by the slice's entries; shifts the rest. */
function spliceIndex(
  index: ConfigIndex,
  entry: number,
  slice: ConfigIndex,
  oldClose: number,
  delta: number,
): void {
  let tail = entry + 1;
  while (tail < index.count && (index.open[tail] ?? 0) < oldClose) tail++;
  const removed = tail - entry - 1;
  const added = slice.count - 1;
  const count = index.count - removed + added;
  if (added === removed) {
    spliceInPlace(index, entry, slice, oldClose, delta, tail);
    shiftDuplicates(index, slice, oldClose, delta);
    return;
  }
  const open = new Int32Array(count);
  const close = new Int32Array(count);
  const parent = new Int32Array(count);
  const slot = new Int32Array(count);
  slot.set(index.slot.subarray(0, entry + 1));
  open.set(index.open.subarray(0, entry + 1));
  close.set(index.close.subarray(0, entry + 1));
  parent.set(index.parent.subarray(0, entry + 1));
  for (let i = 0; i < entry; i++)
    if ((close[i] ?? 0) > oldClose) close[i] = (close[i] ?? 0) + delta;
  close[entry] = slice.close[0] ?? oldClose + delta;
  for (let i = 1; i < slice.count; i++) {
    const at = entry + i;
    open[at] = slice.open[i] ?? 0;
    close[at] = slice.close[i] ?? 0;
    parent[at] = entry + (slice.parent[i] ?? 0);
    slot[at] = slice.slot[i] ?? 0;
  }
  const shift = added - removed;
  for (let i = tail; i < index.count; i++) {
    const at = i + shift;
    open[at] = (index.open[i] ?? 0) + delta;
    close[at] = (index.close[i] ?? 0) + delta;
    const p = index.parent[i] ?? -1;
    parent[at] = p > entry ? p + shift : p;
    // A key offset moves with the text; a list position does not.
    const inMap = p !== -1 && index.text.charCodeAt(index.open[p] ?? 0) === 123;
    slot[at] = (index.slot[i] ?? 0) + (inMap ? delta : 0);
  }
  index.open = open;
  index.close = close;
  index.parent = parent;
  index.slot = slot;
  index.count = count;
  shiftDuplicates(index, slice, oldClose, delta);
}

/** The common case (an edit inside values): same number of containers, nothing to resize. */
function spliceInPlace(
  index: ConfigIndex,
  entry: number,
  slice: ConfigIndex,
  oldClose: number,
  delta: number,
  tail: number,
): void {
  const { open, close, parent, slot } = index;
  for (let i = 0; i < entry; i++)
    if ((close[i] ?? 0) > oldClose) close[i] = (close[i] ?? 0) + delta;
  close[entry] = slice.close[0] ?? oldClose + delta;
  for (let i = 1; i < slice.count; i++) {
    open[entry + i] = slice.open[i] ?? 0;
    close[entry + i] = slice.close[i] ?? 0;
    parent[entry + i] = entry + (slice.parent[i] ?? 0);
    slot[entry + i] = slice.slot[i] ?? 0;
  }
  if (delta === 0) return;
  const text = index.text;
  for (let i = tail; i < index.count; i++) {
    open[i] = (open[i] ?? 0) + delta;
    close[i] = (close[i] ?? 0) + delta;
    const p = parent[i] ?? -1;
    // A key offset moves with the text; a list position does not. Parents before `i` are
    // already shifted when they are in the tail, so read the old text at the old offset.
    const parentOpen = (open[p] ?? 0) - (p >= tail ? delta : 0);
    if (p !== -1 && text.charCodeAt(parentOpen) === 123) slot[i] = (slot[i] ?? 0) + delta;
  }
}

function shiftDuplicates(
  index: ConfigIndex,
  slice: ConfigIndex,
  oldClose: number,
  delta: number,
): void {
  const sliceOpen = slice.open[0] ?? 0;
  const kept = index.duplicates.filter((d) => d.keyOffset > oldClose || d.keyOffset < sliceOpen);
  for (const d of kept) {
    if (d.keyOffset > oldClose) d.keyOffset += delta;
    if (d.previousOffset > oldClose) d.previousOffset += delta;
    if (d.mapOffset > oldClose) d.mapOffset += delta;
  }
  index.duplicates = [...kept, ...slice.duplicates].sort((a, b) => a.keyOffset - b.keyOffset);
}
