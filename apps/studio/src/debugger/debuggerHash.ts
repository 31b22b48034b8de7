// The debugger's place in the URL hash, so a link opens the same step:
//   #debug&step=<StepKey>&bp=<breakpoints>&source=<source>&ws=<shared workspace>
// Only the studio's debugger writes these keys; other hash content is kept as it is.

export interface DebuggerHash {
  /** The debugger is open. */
  open: boolean;
  /** `formatStepKey` text of the cursor. */
  step?: string;
  /** `formatBreakpoints` text. */
  breakpoints?: string;
  /** Which trace the debugger shows (see DebuggerPane's sources). */
  source?: string;
  /** A shared workspace (`encodeSharedWorkspace`). */
  workspace?: string;
}

const KEYS = ['debug', 'step', 'bp', 'source', 'ws'];

/** Reads the debugger's keys from a location hash ("#…" or ""). Pure; never throws. */
export function readDebuggerHash(hash: string): DebuggerHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: DebuggerHash = { open: params.has('debug') };
  const step = params.get('step');
  const breakpoints = params.get('bp');
  const source = params.get('source');
  const workspace = params.get('ws');
  if (step) out.step = step;
  if (breakpoints) out.breakpoints = breakpoints;
  if (source) out.source = source;
  if (workspace) out.workspace = workspace;
  return out;
}

/** Writes the debugger's keys into `hash`, keeping any other keys. Pure. */
export function writeDebuggerHash(hash: string, value: DebuggerHash): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const key of KEYS) params.delete(key);
  if (value.open) params.set('debug', '');
  if (value.source) params.set('source', value.source);
  if (value.step) params.set('step', value.step);
  if (value.breakpoints && value.breakpoints !== '%5B%5D') params.set('bp', value.breakpoints);
  if (value.workspace) params.set('ws', value.workspace);
  const text = params.toString().replace(/(^|&)debug=(?=&|$)/, '$1debug');
  return text === '' ? '' : `#${text}`;
}
