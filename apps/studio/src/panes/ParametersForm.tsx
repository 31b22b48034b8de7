import { useEffect, useId, useState } from 'react';

interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
}

export interface ParametersFormProps {
  library: string;
  /** Whether the library is in the catalog; unknown ones are checked for being a map only. */
  known: boolean;
  schema: object | undefined;
  value: Record<string, unknown> | undefined;
  onChange(parameters: Record<string, unknown> | undefined): void;
}

/**
 * A library's parameters: fields generated from its JSON Schema for strings, numbers, booleans
 * and enums, and a JSON box for the whole map (always there, for keys the form cannot draw).
 */
export function ParametersForm({ library, known, schema, value, onChange }: ParametersFormProps) {
  const properties = (schema as SchemaNode | undefined)?.properties ?? {};
  const current = value ?? {};
  const set = (key: string, v: unknown) => {
    const next = { ...current };
    if (v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="parameters">
      <legend>Parameters of {library}</legend>
      {!known && (
        <p className="hint">
          No schema for this library: its parameters must be a map, nothing more is checked.
        </p>
      )}
      {Object.entries(properties).map(([key, node]) => (
        <ParameterField
          key={key}
          name={key}
          node={node}
          value={current[key]}
          onChange={(v) => set(key, v)}
        />
      ))}
      <JsonBox label={`Parameters of ${library} as JSON`} value={value} onChange={onChange} />
    </fieldset>
  );
}

function ParameterField(props: {
  name: string;
  node: SchemaNode;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const id = useId();
  const { name, node, value } = props;
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  let input: React.ReactNode;
  if (node.enum) {
    input = (
      <select
        id={id}
        value={JSON.stringify(value ?? null)}
        onChange={(e) => props.onChange(JSON.parse(e.target.value))}
      >
        <option value="null">(unset)</option>
        {node.enum.map((option) => (
          <option key={JSON.stringify(option)} value={JSON.stringify(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else if (type === 'boolean') {
    input = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    );
  } else if (type === 'number' || type === 'integer') {
    input = (
      <input
        id={id}
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else if (type === 'string') {
    input = (
      <input
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  } else {
    return null; // arrays and maps: edited in the JSON box
  }
  return (
    <div className="field parameter">
      <label htmlFor={id} title={node.description}>
        {name}
      </label>
      {input}
    </div>
  );
}

function JsonBox(props: {
  label: string;
  value: unknown;
  onChange(v: Record<string, unknown> | undefined): void;
}) {
  const text = props.value === undefined ? '' : JSON.stringify(props.value, null, 2);
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setDraft(text), [text]);
  return (
    <div className="json-box">
      <textarea
        aria-label={props.label}
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft.trim() === '') return props.onChange(undefined);
          try {
            const parsed: unknown = JSON.parse(draft);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
              setError('parameters must be a map (a JSON object)');
              return;
            }
            setError(undefined);
            props.onChange(parsed as Record<string, unknown>);
          } catch (e) {
            setError(String(e));
          }
        }}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
