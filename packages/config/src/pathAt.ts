import type { PathSegment } from './jsonPath';
import { pathOfContainer, skipTrivia, valueEnd } from './locate';
import type { ConfigIndex } from './scanKeaConfig';

/** What is under a text offset, for hover and completion. */
export interface PathAtOffset {
  /** JSON path of the value (or key) under the offset; the container's path between items. */
  path: PathSegment[];
  /** The offset is on a key (hover shows the key's description). */
  onKey: boolean;
  /** Path of the innermost map or list around the offset (where completion inserts). */
  containerPath: PathSegment[];
  /** That container is a map (complete keys) rather than a list. */
  inMap: boolean;
}

/**
 * Finds the JSON path under `offset` in the main text: binary search for the innermost map
 * or list, then a walk over that container's own entries. O(log n + entries of that map).
 * Undefined outside the outermost value.
 */
export function pathAt(index: ConfigIndex, offset: number): PathAtOffset | undefined {
  let entry = -1;
  let low = 0;
  let high = index.count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((index.open[mid] ?? 0) < offset) {
      entry = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  while (entry !== -1 && (index.close[entry] ?? 0) < offset) entry = index.parent[entry] ?? -1;
  if (entry === -1) return undefined;
  const text = index.text;
  const open = index.open[entry] ?? 0;
  const close = index.close[entry] ?? 0;
  const containerPath = pathOfContainer(index, open);
  const inMap = text.charCodeAt(open) === 123;
  let pos = skipTrivia(text, open + 1);
  for (let item = 0; pos < close && pos <= offset; item++) {
    let key: string | undefined;
    if (inMap) {
      const keyStart = pos;
      const keyEnd = valueEnd(index, pos);
      key = safeKey(text.slice(keyStart, keyEnd));
      if (offset >= keyStart && offset < keyEnd && key !== undefined) {
        return { path: [...containerPath, key], onKey: true, containerPath, inMap };
      }
      pos = skipTrivia(text, skipTrivia(text, keyEnd) + 1);
    }
    const end = valueEnd(index, pos);
    if (offset >= pos && offset < end) {
      const segment = inMap ? key : item;
      if (segment === undefined) break;
      return { path: [...containerPath, segment], onKey: false, containerPath, inMap };
    }
    pos = skipTrivia(text, end);
    if (text.charCodeAt(pos) === 44) pos = skipTrivia(text, pos + 1);
  }
  return { path: containerPath, onKey: false, containerPath, inMap };
}

function safeKey(raw: string): string | undefined {
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
