import type { Breakpoint } from '@hookscope/trace';
import { memo, useId, useState } from 'react';
import { useDebugger } from './useDebugger';

type Kind = Breakpoint['kind'];
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'hook', label: 'on a hook' },
  { kind: 'library', label: 'on a library' },
  { kind: 'callout', label: 'on a callout' },
  { kind: 'status-change', label: 'when a status changes' },
  { kind: 'argument-changed', label: 'when an argument changes' },
  { kind: 'exception', label: 'on an exception' },
];

/** Words for a breakpoint, in the list and in accessible names. */
export function describeBreakpoint(b: Breakpoint): string {
  switch (b.kind) {
    case 'hook':
      return `hook ${b.hook}`;
    case 'library':
      return `library ${b.library}`;
    case 'callout':
      return `callout ${b.callout}${b.hook ? ` on ${b.hook}` : ''}${b.library !== undefined ? ` in library ${b.library}` : ''}`;
    case 'status-change':
      return 'any status change';
    case 'argument-changed':
      return b.argument ? `argument ${b.argument} changed` : 'any argument changed';
    case 'exception':
      return 'any exception';
  }
}

/** The breakpoints set, and a form to add one. */
export const BreakpointsPanel = memo(function BreakpointsPanel() {
  const columns = useDebugger((s) => s.trace?.columns);
  const breakpoints = useDebugger((s) => s.breakpoints);
  const actions = useDebugger((s) => s.actions);
  const [kind, setKind] = useState<Kind>('hook');
  const [value, setValue] = useState('');
  const ids = { kind: useId(), value: useId() };
  const hooks = columns ? [...columns.hookNames].sort() : [];
  const libraries = columns?.libraries ?? [];
  const build = (): Breakpoint | undefined => {
    switch (kind) {
      case 'hook':
        return value ? { kind, hook: value } : undefined;
      case 'library':
        return value ? { kind, library: Number(value) } : undefined;
      case 'callout':
        return value.trim() ? { kind, callout: value.trim() } : undefined;
      case 'argument-changed':
        return value.trim() ? { kind, argument: value.trim() } : { kind };
      case 'status-change':
      case 'exception':
        return { kind };
    }
  };
  const needsValue =
    kind === 'hook' || kind === 'library' || kind === 'callout' || kind === 'argument-changed';
  return (
    <section className="breakpoints" aria-label="Breakpoints">
      <h3>Breakpoints</h3>
      <form
        className="breakpoint-form"
        onSubmit={(e) => {
          e.preventDefault();
          const b = build();
          if (b) actions.toggleBreakpoint(b);
        }}
      >
        <label htmlFor={ids.kind}>Break</label>
        <select
          id={ids.kind}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setValue('');
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {needsValue && (
          <>
            <label htmlFor={ids.value} className="visually-hidden">
              {kind === 'argument-changed'
                ? 'Argument name (empty for every argument)'
                : `Which ${kind}`}
            </label>
            {kind === 'hook' || kind === 'library' ? (
              <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">choose…</option>
                {kind === 'hook'
                  ? hooks.map((h) => <option key={h}>{h}</option>)
                  : libraries.map((l) => (
                      <option key={l.index} value={l.index}>
                        {l.index}: {l.library}
                      </option>
                    ))}
              </select>
            ) : (
              <input
                id={ids.value}
                value={value}
                placeholder={kind === 'callout' ? 'callout name' : 'argument (any)'}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </>
        )}
        <button type="submit">Add breakpoint</button>
      </form>
      {breakpoints.length === 0 ? (
        <p className="hint">None set.</p>
      ) : (
        <ul className="breakpoint-list">
          {breakpoints.map((b, i) => (
            <li key={JSON.stringify(b)}>
              {describeBreakpoint(b)}{' '}
              <button
                type="button"
                aria-label={`Remove breakpoint: ${describeBreakpoint(b)}`}
                onClick={() => actions.removeBreakpoint(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
