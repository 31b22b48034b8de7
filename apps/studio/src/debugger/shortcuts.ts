import type { StepCommand } from './createDebuggerStore';

export type ShortcutCommand = StepCommand | 'toggle-breakpoint' | 'first-difference';

/** Keyboard shortcuts of the debugger: key (as KeyboardEvent.key), command and label. */
export const SHORTCUTS: readonly { key: string; command: ShortcutCommand; label: string }[] = [
  { key: 'n', command: 'next-callout', label: 'Next callout' },
  { key: 'p', command: 'previous-callout', label: 'Previous callout' },
  { key: 'h', command: 'next-hook', label: 'Next hook' },
  { key: 'H', command: 'previous-hook', label: 'Previous hook' },
  { key: 'r', command: 'next-request', label: 'Next request' },
  { key: 'R', command: 'previous-request', label: 'Previous request' },
  { key: 'c', command: 'run-forward', label: 'Run to next breakpoint' },
  { key: 'C', command: 'run-backward', label: 'Run back to previous breakpoint' },
  { key: 'b', command: 'toggle-breakpoint', label: 'Breakpoint on this callout' },
  { key: 'd', command: 'first-difference', label: 'Go to first difference' },
];

/** The command for a key press, or undefined. Arrow keys step callouts too. */
export function getShortcutCommand(key: string): ShortcutCommand | undefined {
  if (key === 'ArrowRight') return 'next-callout';
  if (key === 'ArrowLeft') return 'previous-callout';
  return SHORTCUTS.find((s) => s.key === key)?.command;
}
