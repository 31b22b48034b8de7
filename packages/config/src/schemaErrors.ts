import type { ErrorObject } from 'ajv';
import { bisonToken, kindOf } from './checkHooksLibraries';
import type { DiagnosticInput } from './diagnostic';
import type { JsonValue, PathSegment } from './jsonPath';

const TYPE_WORDS: Record<string, { ours: string; bison: string }> = {
  integer: { ours: 'an integer', bison: 'integer' },
  number: { ours: 'a number', bison: 'floating point' },
  string: { ours: 'a string', bison: 'constant string' },
  boolean: { ours: 'true or false', bison: 'boolean' },
  object: { ours: 'a map', bison: '{' },
  array: { ours: 'a list', bison: '[' },
};

export interface SchemaErrorContext {
  /** Keys allowed in the map at a path (for "did you mean"), when known. */
  allowedKeys?: (mapPath: readonly PathSegment[]) => readonly string[] | undefined;
  /** Explains a key that another Kea version knows ("a Kea 3.x keyword"). */
  otherVersionNote?: (mapPath: readonly PathSegment[], key: string) => string | undefined;
  /** This version's name for a keyword the other version spells differently. */
  renamedKeyword?: (mapPath: readonly PathSegment[], key: string) => string | undefined;
}

/** Ajv's `/a/0/b` → ['a', 0, 'b'], numbers where the value at that point is a list. */
export function decodePointer(pointer: string, root: JsonValue): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let value: JsonValue | undefined = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value !== null && typeof value === 'object' ? value[segment] : undefined;
    }
  }
  return path;
}

/** The name Kea gives a map in "got unexpected keyword … in X map": its key, or the list's key. */
export function mapName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return 'toplevel';
}

/**
 * Turns one Ajv error into our diagnostic, with Kea's grammar wording beside ours. `root` is
 * the value Ajv validated, `base` the JSON path of that value within the whole config.
 */
export function schemaErrorToDiagnostic(
  error: ErrorObject,
  root: JsonValue,
  base: readonly PathSegment[],
  context: SchemaErrorContext = {},
): DiagnosticInput {
  const local = decodePointer(error.instancePath, root);
  const path = [...base, ...local];
  const value = valueAt(root, local);
  const key = path[path.length - 1];
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
      const where = mapName(path);
      const note = context.otherVersionNote?.(path, unknown);
      const suggestion = note ? undefined : closest(unknown, context.allowedKeys?.(path) ?? []);
      const hint = note ?? (suggestion ? ` (did you mean '${suggestion}'?)` : '');
      const renameTo = suggestion ?? context.renamedKeyword?.(path, unknown);
      return {
        code: 'unknown-keyword',
        message: `unknown keyword '${unknown}' in ${where} map${hint}`,
        keaMessage: `got unexpected keyword "${unknown}" in ${where} map.`,
        path: [...path, unknown],
        atKey: true,
        ...(renameTo === undefined ? {} : { renameTo }),
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',')[0] ?? 'string';
      const words = TYPE_WORDS[expected] ?? { ours: expected, bison: expected };
      return {
        code: 'wrong-type',
        message: `'${String(key)}' must be ${words.ours}, not ${kindOf(value)}`,
        keaMessage: `syntax error, unexpected ${bisonToken(value)}, expecting ${words.bison}`,
        path,
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return {
        code: 'missing-keyword',
        message: `'${missing}' is required in ${mapName(path)}`,
        keaMessage: `missing parameter '${missing}'`,
        path,
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        code: 'wrong-type',
        message: `'${String(key)}' must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        path,
      };
    }
    default:
      return {
        code: 'wrong-type',
        message: `'${String(key ?? 'value')}' ${error.message ?? 'is invalid'}`,
        path,
      };
  }
}

function valueAt(root: JsonValue, path: readonly PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[segment as number] : value[segment as string];
  }
  return value;
}

/** The allowed key nearest to `key` by edit distance, when it is a plausible typo. */
export function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const candidate of allowed) {
    if (Math.abs(candidate.length - key.length) >= bestDistance) continue;
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
