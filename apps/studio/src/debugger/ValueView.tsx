import type { JsonValue, Snapshot } from '@hookscope/trace';
import type { ReactNode } from 'react';

// A snapshot value as a field tree (packets, objects) or a table (lists of records such as
// leases), with the paths that changed marked. Paths are dotted: `query4.options.61`.
// Nested values are folded unless something inside them changed: a packet's options tree
// costs nothing until it is opened, which keeps stepping smooth.

export interface ValueViewProps {
  snapshot: Snapshot | undefined;
  /** Dotted path of this value (the argument or context name). */
  path: string;
  /** Dotted paths that differ between before and after. */
  changed: ReadonlySet<string>;
}

type Changed = ReadonlySet<string>;

function isRecord(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: JsonValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Rows of records sharing their keys: shown as a table (leases). */
function tableKeys(value: readonly JsonValue[]): string[] | undefined {
  if (value.length === 0 || !value.every(isRecord)) return undefined;
  const keys = new Set<string>();
  for (const row of value) for (const key of Object.keys(row as object)) keys.add(key);
  return keys.size <= 12 ? [...keys] : undefined;
}

function mark(path: string, changed: Changed): string {
  return changed.has(path) ? 'changed' : '';
}

/** Whether this path or anything under it changed. */
function touches(path: string, changed: Changed): boolean {
  for (const p of changed) if (p === path || p.startsWith(`${path}.`)) return true;
  return false;
}

function cellText(cell: JsonValue | undefined): string {
  if (cell === undefined) return '';
  return isRecord(cell) || Array.isArray(cell) ? JSON.stringify(cell) : scalar(cell);
}

function Table({
  rows,
  keys,
  path,
  changed,
}: {
  rows: JsonValue[];
  keys: string[];
  path: string;
  changed: Changed;
}) {
  return (
    <table className="value-table">
      <thead>
        <tr>
          {keys.map((k) => (
            <th key={k} scope="col">
              {k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <tr key={i} className={mark(`${path}.${i}`, changed)}>
            {keys.map((k) => (
              <td key={k} className={mark(`${path}.${i}.${k}`, changed)}>
                {cellText((row as Record<string, JsonValue>)[k])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A nested value folded behind its size, open when it holds a change. */
function Fold({
  path,
  changed,
  size,
  children,
}: {
  path: string;
  changed: Changed;
  size: string;
  children: ReactNode;
}) {
  return (
    <details open={touches(path, changed)}>
      <summary>{size}</summary>
      {children}
    </details>
  );
}

function Tree({
  value,
  path,
  changed,
  depth,
}: {
  value: JsonValue;
  path: string;
  changed: Changed;
  depth: number;
}) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="scalar">[]</span>;
    const keys = tableKeys(value);
    const body = keys ? (
      <Table rows={value} keys={keys} path={path} changed={changed} />
    ) : (
      <ol className="value-tree" start={0}>
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
          <li key={i} className={mark(`${path}.${i}`, changed)}>
            <Tree value={item} path={`${path}.${i}`} changed={changed} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
    return depth === 0 ? (
      body
    ) : (
      <Fold path={path} changed={changed} size={`[${value.length}]`}>
        {body}
      </Fold>
    );
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span className="scalar">{'{}'}</span>;
    const body = (
      <ul className="value-tree">
        {entries.map(([key, item]) => (
          <li key={key} className={mark(`${path}.${key}`, changed)}>
            <span className="field-name">{key}</span>:{' '}
            <Tree value={item} path={`${path}.${key}`} changed={changed} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
    return depth === 0 ? (
      body
    ) : (
      <Fold path={path} changed={changed} size={`{${entries.length}}`}>
        {body}
      </Fold>
    );
  }
  return <span className="scalar">{scalar(value)}</span>;
}

export function ValueView({ snapshot, path, changed }: ValueViewProps) {
  if (!snapshot) return <span className="absent">(absent)</span>;
  return (
    <div className={`value ${mark(path, changed)}`}>
      <span className="tag">{snapshot.tag}</span>{' '}
      {'opaque' in snapshot ? (
        <span className="opaque">(not shown)</span>
      ) : (
        <Tree value={snapshot.value} path={path} changed={changed} depth={0} />
      )}
    </div>
  );
}
