import type { JsonValue, Snapshot } from '@hookscope/trace';

// A snapshot value as a field tree (packets, objects) or a table (lists of records such as
// leases), with the paths that changed marked. Paths are dotted: `query4.options.61`.

export interface ValueViewProps {
  snapshot: Snapshot | undefined;
  /** Dotted path of this value (the argument or context name). */
  path: string;
  /** Dotted paths that differ between before and after. */
  changed: ReadonlySet<string>;
}

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

function mark(path: string, changed: ReadonlySet<string>): string {
  return changed.has(path) ? 'changed' : '';
}

function Tree({
  value,
  path,
  changed,
}: {
  value: JsonValue;
  path: string;
  changed: ReadonlySet<string>;
}) {
  if (Array.isArray(value)) {
    const keys = tableKeys(value);
    if (keys) {
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
            {value.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <tr key={i} className={mark(`${path}.${i}`, changed)}>
                {keys.map((k) => {
                  const cell = (row as Record<string, JsonValue>)[k];
                  return (
                    <td key={k} className={mark(`${path}.${i}.${k}`, changed)}>
                      {cell === undefined
                        ? ''
                        : isRecord(cell) || Array.isArray(cell)
                          ? JSON.stringify(cell)
                          : scalar(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    if (value.length === 0) return <span className="scalar">[]</span>;
    return (
      <ol className="value-tree" start={0}>
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
          <li key={i} className={mark(`${path}.${i}`, changed)}>
            <Tree value={item} path={`${path}.${i}`} changed={changed} />
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span className="scalar">{'{}'}</span>;
    return (
      <ul className="value-tree">
        {entries.map(([key, item]) => (
          <li key={key} className={mark(`${path}.${key}`, changed)}>
            <span className="field">{key}</span>:{' '}
            <Tree value={item} path={`${path}.${key}`} changed={changed} />
          </li>
        ))}
      </ul>
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
        <Tree value={snapshot.value} path={path} changed={changed} />
      )}
    </div>
  );
}
