import { getCalloutLabel } from '@hookscope/trace';
import { memo } from 'react';
import type { StepCommand } from './createDebuggerStore';
import { SHORTCUTS } from './shortcuts';
import { useDebugger } from './useDebugger';

const STEP_BUTTONS = SHORTCUTS.filter(
  (s): s is (typeof SHORTCUTS)[number] & { command: StepCommand } =>
    s.command !== 'toggle-breakpoint' && s.command !== 'first-difference',
);

/** Step buttons (each names its shortcut), the current position, and the step note. */
export function StepControls({ onToggleBreakpoint }: { onToggleBreakpoint: () => void }) {
  const actions = useDebugger((s) => s.actions);
  const note = useDebugger((s) => s.note);
  const trace = useDebugger((s) => s.trace);
  const cursor = useDebugger((s) => s.cursor);
  const event = trace && cursor !== undefined ? getCalloutLabel(trace.columns, cursor) : undefined;
  return (
    <div className="step-controls" role="toolbar" aria-label="Stepping">
      {STEP_BUTTONS.map((s) => (
        <button
          key={s.command}
          type="button"
          aria-keyshortcuts={
            s.key.length === 1 && s.key !== s.key.toLowerCase() ? `Shift+${s.key}` : s.key
          }
          title={`${s.label} (${s.key})`}
          onClick={() => void actions.step(s.command)}
        >
          {s.label}
        </button>
      ))}
      <button
        type="button"
        aria-keyshortcuts="b"
        title="Breakpoint on this callout (b)"
        onClick={onToggleBreakpoint}
      >
        Breakpoint on this callout
      </button>
      <output className="position" data-testid="debugger-position" aria-live="polite">
        {event && trace && cursor !== undefined
          ? `callout ${cursor + 1} of ${trace.columns.calloutCount}: ${event.callout} on ${event.hook}, library ${event.library}`
          : 'no callout'}
      </output>
      {note && (
        <output className="note" data-testid="debugger-note">
          {note}
        </output>
      )}
    </div>
  );
}

/** The keyboard shortcuts; static, so it never redraws while stepping. */
export const ShortcutList = memo(function ShortcutList() {
  return (
    <details className="shortcut-list">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt>
          <kbd>→</kbd> / <kbd>←</kbd>
        </dt>
        <dd>Next / previous callout</dd>
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key !== s.key.toLowerCase() ? `Shift+${s.key.toLowerCase()}` : s.key}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});
