import type { TextChange } from './createConfigDocument';
import type { ValidateOptions } from './createConfigValidator';
import type { JsonValue, PathSegment } from './jsonPath';
import { pathOfContainer } from './locate';
import { type ConfigIndex, type ScanResult, scanSlice } from './scanKeaConfig';

/**
 * The incremental path: re-scans only the innermost map or list that holds the whole change
 * (inside its brackets), splices its new value into `scan.value` and its bracket entries into
 * the index, and shifts everything after it. Mutates `scan` and returns true; returns false
 * and changes nothing when only a full scan can be trusted (a syntax error before or after,
 * includes, a change touching the outermost map's brackets).
 */
export function rescanAround(
  scan: ScanResult,
  newText: string,
  change: TextChange,
  options: ValidateOptions,
): boolean {
  const index = scan.index;
  if (scan.errors.length > 0 || scan.value === undefined || index.includes.length > 0) return false;
  const start = change.offset;
  const end = change.offset + change.length;
  const entry = innermostAround(index, start, end);
  if (entry <= 0) return false;
  const oldOpen = index.open[entry] ?? 0;
  const oldClose = index.close[entry] ?? 0;
  const delta = change.text.length - change.length;
  const slice = scanSlice(newText, oldOpen, oldClose + 1 + delta, options);
  if (slice === undefined || slice.index.count === 0 || slice.index.open[0] !== oldOpen)
    return false;
  if (newText.charCodeAt(oldOpen) !== index.text.charCodeAt(oldOpen)) return false;
  const path = pathOfContainer(index, oldOpen);
  if (!setAt(scan.value, path, slice.value)) return false;
  spliceIndex(index, entry, slice.index, oldClose, delta);
  index.text = newText;
  return true;
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
  const oldOpen = open[entry] ?? 0;
  const kept = index.duplicates.filter((d) => d.keyOffset < oldOpen || d.keyOffset > oldClose);
  for (const d of kept) {
    if (d.keyOffset > oldClose) d.keyOffset += delta;
    if (d.previousOffset > oldClose) d.previousOffset += delta;
    if (d.mapOffset > oldClose) d.mapOffset += delta;
  }
  index.duplicates = [...kept, ...slice.duplicates].sort((a, b) => a.keyOffset - b.keyOffset);
}
