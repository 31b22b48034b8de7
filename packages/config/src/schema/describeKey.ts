import type { PathSegment } from '../jsonPath';
import type { SchemaProfile } from '../keaVersion';
import { ELEMENT_DESCRIPTIONS, KEY_DESCRIPTIONS } from './keyDescriptions';
import { type KeySpec, keysFor, type ValueSpec } from './keyTable';
import { kindAt } from './kindAt';

/** One key an editor can offer or explain. */
export interface KeyInfo {
  key: string;
  description: string;
  /** Short type label: "integer", "list of subnet4 maps", … */
  type: string;
}

/**
 * The key at the end of `path` (a map key), explained for hover; undefined when the path is
 * outside the known grammar (inside parameters or user-context, say).
 */
export function describeKey(
  path: readonly PathSegment[],
  profile: SchemaProfile,
): KeyInfo | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  if (path.length === 1) {
    const description = ELEMENT_DESCRIPTIONS[key];
    return description === undefined ? undefined : { key, description, type: 'map' };
  }
  const kind = kindAt(path.slice(0, -1));
  if (kind === undefined) return undefined;
  const spec = keysFor(kind, profile)[key];
  return spec === undefined ? undefined : info(key, spec);
}

/** The keys a map at `mapPath` accepts, for completion (already present ones included). */
export function keysAt(mapPath: readonly PathSegment[], profile: SchemaProfile): KeyInfo[] {
  if (mapPath.length === 0) {
    return Object.entries(ELEMENT_DESCRIPTIONS).map(([key, description]) => ({
      key,
      description,
      type: 'map',
    }));
  }
  const kind = kindAt(mapPath);
  if (kind === undefined) return [];
  return Object.entries(keysFor(kind, profile)).map(([key, spec]) => info(key, spec));
}

function info(key: string, spec: KeySpec): KeyInfo {
  return { key, description: KEY_DESCRIPTIONS[key] ?? '', type: typeLabel(spec.value) };
}

function typeLabel(value: ValueSpec): string {
  if (typeof value === 'string') return value === 'freeMap' ? 'map (any content)' : value;
  if ('map' in value) return 'map';
  if ('list' in value) return 'list of maps';
  if ('mapOf' in value) return 'map of maps';
  return `list of ${value.listOf === 'freeMap' ? 'maps' : `${value.listOf}s`}`;
}
