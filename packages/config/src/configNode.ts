/**
 * The syntax tree of a Kea config. Every node knows its byte range in the text it came from
 * (`offset`, `length`, UTF-16 code units as in JavaScript strings); line and column are derived
 * on demand from a {@link LineIndex}, so an edit only has to shift offsets.
 *
 * Each node also carries `value`, the plain JSON value it stands for (objects and arrays are
 * shared with the parent's value), so the schema validator never needs a second walk.
 */
export type ConfigNode =
  | ObjectNode
  | ArrayNode
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | IncludeNode;

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

interface NodeBase {
  offset: number;
  length: number;
}

export interface PropertyNode {
  key: string;
  keyOffset: number;
  keyLength: number;
  value: ConfigNode;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  properties: PropertyNode[];
  value: { [key: string]: JsonValue };
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: ConfigNode[];
  value: JsonValue[];
}

export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
  /** Written without a fraction or exponent: Kea's grammar tells integers from reals. */
  integer: boolean;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
  value: null;
}

/**
 * `<?include "file"?>` in value position. `target` is the included file's root value, whose
 * offsets refer to `file`'s text; undefined when the file could not be resolved (an error says so).
 */
export interface IncludeNode extends NodeBase {
  kind: 'include';
  file: string;
  target: ConfigNode | undefined;
  value: JsonValue;
}

/** One segment of a JSON path: a map key or a list index. */
export type PathSegment = string | number;

/** Finds the node at a JSON path, looking through includes; undefined when absent. */
export function findNode(root: ConfigNode, path: readonly PathSegment[]): ConfigNode | undefined {
  let node: ConfigNode | undefined = root;
  for (const segment of path) {
    node = throughInclude(node);
    if (node === undefined) return undefined;
    if (node.kind === 'object' && typeof segment === 'string') {
      node = lastProperty(node, segment)?.value;
    } else if (node.kind === 'array' && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The property node that won (Kea rejects duplicates, JSON keeps the last). */
export function lastProperty(node: ObjectNode, key: string): PropertyNode | undefined {
  for (let i = node.properties.length - 1; i >= 0; i--) {
    const property = node.properties[i];
    if (property !== undefined && property.key === key) return property;
  }
  return undefined;
}

/** The node an include stands for, or the node itself. */
export function throughInclude(node: ConfigNode | undefined): ConfigNode | undefined {
  let current = node;
  while (current !== undefined && current.kind === 'include') current = current.target;
  return current;
}

/** `a/b/0/c` as Kea and our diagnostics print JSON paths. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('/')
    .replace(/\/\[/g, '[');
}
