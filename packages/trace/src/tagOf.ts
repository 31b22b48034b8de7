/**
 * The engine's derived type tag for a value that was stored without an explicit tag
 * (engine-api.md, "The exact-type rule"). Used only when the handle cannot report the stored
 * tag itself.
 */
export function tagOf(value: unknown): string {
  if (value === null) return 'null';
  const kind = typeof value;
  if (kind !== 'object' && kind !== 'function') return kind;
  if (kind === 'function') return 'Function';
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return prototype?.constructor?.name || 'Object';
}
