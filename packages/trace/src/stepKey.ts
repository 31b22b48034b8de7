import type { TraceColumns } from './buildTraceIndex';
import type { Breakpoint } from './stepping';
import { getCalloutLabel } from './traceColumns';

/**
 * A callout named by where it is, not by its `seq`, so a re-run of an edited workspace (where
 * every seq may shift) still finds "the same step" if it exists: request position, hook column
 * within the request, library, and the n-th callout of that library in that column.
 */
export interface StepKey {
  request: number;
  column: number;
  library: number;
  ordinal: number;
  hook: string;
  callout: string;
}

/** The key of the callout at `position`. Throws RangeError outside the trace. */
export function getStepKey(index: TraceColumns, position: number): StepKey {
  if (position < 0 || position >= index.calloutCount)
    throw new RangeError(`no callout ${position}`);
  const request = index.calloutRequest[position]!;
  const occurrence = index.calloutOccurrence[position]!;
  const library = index.calloutLibrary[position]!;
  let ordinal = 0;
  for (let c = position - 1; c >= 0 && index.calloutOccurrence[c] === occurrence; c--) {
    if (index.calloutLibrary[c] === library) ordinal += 1;
  }
  const label = getCalloutLabel(index, position);
  return {
    request,
    column: occurrence - index.requestOccurrenceStart[request]!,
    library,
    ordinal,
    hook: label.hook,
    callout: label.callout,
  };
}

/** The position of the callout with this key, or undefined when that step no longer exists. */
export function findStep(index: TraceColumns, key: StepKey): number | undefined {
  const occurrence = (index.requestOccurrenceStart[key.request] ?? -1) + key.column;
  if (
    key.request >= index.requestCount ||
    occurrence >= index.requestOccurrenceStart[key.request + 1]!
  ) {
    return undefined;
  }
  let ordinal = 0;
  const end = index.requestCalloutStart[key.request + 1]!;
  for (let c = index.requestCalloutStart[key.request]!; c < end; c++) {
    if (index.calloutOccurrence[c] !== occurrence || index.calloutLibrary[c] !== key.library)
      continue;
    if (ordinal++ !== key.ordinal) continue;
    const label = getCalloutLabel(index, c);
    return label.hook === key.hook && label.callout === key.callout ? c : undefined;
  }
  return undefined;
}

/** `r<request>.c<column>.l<library>.<ordinal>.<hook>.<callout>`, safe in a URL. */
export function formatStepKey(key: StepKey): string {
  return [
    `r${key.request}`,
    `c${key.column}`,
    `l${key.library}`,
    key.ordinal,
    key.hook,
    key.callout,
  ]
    .map((part) => encodeURIComponent(String(part)).replace(/\./g, '%2E'))
    .join('.');
}

export function parseStepKey(text: string): StepKey | undefined {
  const parts = text.split('.').map((part) => decodeURIComponent(part));
  if (parts.length !== 6) return undefined;
  const [r, c, l, ordinal, hook, callout] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const match = /^r(\d+)$/.exec(r) && /^c(\d+)$/.exec(c) && /^l(-?\d+)$/.exec(l);
  if (!match || !/^\d+$/.test(ordinal)) return undefined;
  return {
    request: Number(r.slice(1)),
    column: Number(c.slice(1)),
    library: Number(l.slice(1)),
    ordinal: Number(ordinal),
    hook,
    callout,
  };
}

/** Breakpoints as a compact URL-safe string (JSON, URI-encoded); `parseBreakpoints` undoes it. */
export function formatBreakpoints(breakpoints: readonly Breakpoint[]): string {
  return encodeURIComponent(JSON.stringify(breakpoints));
}

const BREAKPOINT_KINDS = new Set([
  'hook',
  'library',
  'callout',
  'status-change',
  'argument-changed',
  'exception',
]);

/** Parses `formatBreakpoints` output; malformed entries are left out, never thrown. */
export function parseBreakpoints(text: string): Breakpoint[] {
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(text));
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Breakpoint => {
    if (typeof item !== 'object' || item === null) return false;
    const b = item as Record<string, unknown>;
    if (!BREAKPOINT_KINDS.has(b['kind'] as string)) return false;
    if (b['kind'] === 'hook') return typeof b['hook'] === 'string';
    if (b['kind'] === 'library') return typeof b['library'] === 'number';
    if (b['kind'] === 'callout') return typeof b['callout'] === 'string';
    return true;
  });
}
