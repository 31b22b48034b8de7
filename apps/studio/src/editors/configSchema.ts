import type { Segment } from 'jsonc-parser';

export interface PathInfo {
  description: string | undefined;
  properties: { name: string; description: string }[];
}

interface SchemaNode {
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
}

function resolve(
  root: SchemaNode,
  node: SchemaNode | undefined,
  depth = 0,
): SchemaNode | undefined {
  if (!node?.$ref || depth > 20) return node;
  const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(node.$ref);
  const target = m
    ? (m[1] === 'definitions' ? root.definitions : root.$defs)?.[m[2] ?? '']
    : undefined;
  return resolve(
    root,
    target ? { ...target, description: node.description ?? target.description } : undefined,
    depth + 1,
  );
}

/** The alternatives of a node (anyOf/oneOf/allOf flattened), each resolved. */
function variants(root: SchemaNode, node: SchemaNode | undefined): SchemaNode[] {
  const n = resolve(root, node);
  if (!n) return [];
  const subs = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  return [n, ...subs.flatMap((s) => variants(root, s))];
}

function step(root: SchemaNode, node: SchemaNode, segment: Segment): SchemaNode | undefined {
  for (const v of variants(root, node)) {
    if (typeof segment === 'number') {
      const items = Array.isArray(v.items) ? v.items[0] : v.items;
      if (items) return items;
    } else {
      const p = v.properties?.[segment];
      if (p) return p;
      if (typeof v.additionalProperties === 'object') return v.additionalProperties;
    }
  }
  return undefined;
}

/**
 * What a JSON Schema says about the value at `path`: its description and the properties it may
 * have. Follows local `$ref`s, array items and anyOf/oneOf/allOf. Pure.
 */
export function describeSchemaPath(schema: unknown, path: readonly Segment[]): PathInfo {
  const root = (schema ?? {}) as SchemaNode;
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    node = node && step(root, node, segment);
    if (!node) return { description: undefined, properties: [] };
  }
  const all = variants(root, node);
  const properties = new Map<string, string>();
  for (const v of all) {
    for (const [name, p] of Object.entries(v.properties ?? {})) {
      if (!properties.has(name))
        properties.set(name, resolve(root, p)?.description ?? p.description ?? '');
    }
  }
  return {
    description: all.find((v) => v.description)?.description,
    properties: [...properties].map(([name, description]) => ({ name, description })),
  };
}

/** The closest name by edit distance (at most 2 edits), for did-you-mean fixes. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        current + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
