import type { PathSegment } from '../jsonPath';
import type { SchemaProfile } from '../keaVersion';
import { type KeySpec, keysFor, MAPS, type MapKind, TOP_LEVEL_ELEMENTS } from './keyTable';

/**
 * The map kind at a JSON path of a whole config (`['Dhcp4', 'subnet4', 3]` → `subnet4`), or
 * undefined when the path leaves the known grammar (inside user-context, parameters, …).
 */
export function kindAt(path: readonly PathSegment[]): MapKind | undefined {
  const [first, ...rest] = path;
  if (typeof first !== 'string' || !(first in TOP_LEVEL_ELEMENTS)) return undefined;
  let kind: MapKind | undefined = TOP_LEVEL_ELEMENTS[first as keyof typeof TOP_LEVEL_ELEMENTS];
  let inList = false;
  let agentSockets = false;
  for (const segment of rest) {
    if (kind === undefined) return undefined;
    if (typeof segment === 'number') {
      if (!inList) return undefined;
      inList = false;
      continue;
    }
    if (inList) return undefined;
    if (agentSockets) {
      // The agent's control-sockets maps a server name to its socket.
      agentSockets = false;
      kind = 'controlSocket';
      continue;
    }
    if (kind === 'controlAgent' && segment === 'control-sockets') {
      agentSockets = true;
      continue;
    }
    const spec: KeySpec | undefined = MAPS[kind][segment];
    if (spec === undefined || typeof spec.value === 'string') return undefined;
    if ('map' in spec.value) kind = spec.value.map;
    else if ('list' in spec.value) {
      kind = spec.value.list;
      inList = true;
    } else return undefined;
  }
  return inList || agentSockets ? undefined : kind;
}

/** Keywords renamed between Kea 2.2 and 3.x: 3.x name → 2.2 name. */
const RENAMED: Readonly<Record<string, string>> = {
  'output-options': 'output_options',
  'control-sockets': 'control-socket',
  'only-in-additional-list': 'only-if-required',
  'evaluate-additional-classes': 'require-client-classes',
  'client-classes': 'client-class',
};

/** Says why `key` is unknown here when the other profile knows it; undefined otherwise. */
export function otherVersionNote(
  path: readonly PathSegment[],
  key: string,
  profile: SchemaProfile,
): string | undefined {
  const kind = kindAt(path);
  if (kind === undefined) return undefined;
  const other: SchemaProfile = profile === 'v22' ? 'v3' : 'v22';
  if (!(key in keysFor(kind, other))) return undefined;
  if (profile === 'v22') {
    const old = RENAMED[key];
    const alternative =
      old !== undefined && old in keysFor(kind, 'v22') ? `; Kea 2.2 uses '${old}'` : '';
    return `: it is a Kea 3.x keyword that Kea 2.2 does not know${alternative}`;
  }
  return ': it is a Kea 2.2 keyword that Kea 3.x no longer accepts';
}

/** The name this profile uses for a keyword the other profile renamed, when it has one. */
export function renamedKeyword(
  path: readonly PathSegment[],
  key: string,
  profile: SchemaProfile,
): string | undefined {
  const kind = kindAt(path);
  if (kind === undefined) return undefined;
  const allowed = keysFor(kind, profile);
  if (profile === 'v22') {
    const old = RENAMED[key];
    return old !== undefined && old in allowed ? old : undefined;
  }
  const renamed = Object.entries(RENAMED).find(([, old]) => old === key)?.[0];
  return renamed !== undefined && renamed in allowed && !(key in allowed) ? renamed : undefined;
}

/** Keys the map at `path` allows in this profile. */
export function allowedKeysAt(
  path: readonly PathSegment[],
  profile: SchemaProfile,
): string[] | undefined {
  const kind = kindAt(path);
  return kind === undefined ? undefined : Object.keys(keysFor(kind, profile));
}
