import type { HookEvent, LogLine } from '@hookscope/sandbox';
import {
  type CalloutEvent,
  TRACE_FORMAT,
  TRACE_VERSION,
  type TraceDocument,
  type TraceEvent,
  type TraceLibrary,
  type TraceRequest,
} from '@hookscope/trace';

/** What the sandbox streams today for a run (see `useRun`'s RunView). */
export interface RunViewLike {
  hooks: readonly HookEvent[];
  log: readonly LogLine[];
}

export interface RunViewContext {
  family: 'dhcp4' | 'dhcp6';
  keaVersion: string;
  /** hooks-libraries paths, by position (library index 1 is the first). */
  libraryPaths: readonly string[];
  /** A label per step id, for request summaries. */
  stepLabel: (step: string) => string;
}

/**
 * A trace document from the hook sequence the sandbox sends (hooks, callouts, statuses, returns,
 * exceptions, logs). The sandbox does not record argument or context snapshots yet, so those
 * maps are empty: the timeline, badges and stepping work, the inspector shows no values.
 * Requests are the run's steps (the configuration and shutdown form request 0). Pure.
 */
export function traceFromRunView(view: RunViewLike, context: RunViewContext): TraceDocument {
  const requests: TraceRequest[] = [];
  const requestOf = new Map<string, number>();
  const events: TraceEvent[] = [];
  let seq = 0;
  const request = (step: string | undefined): number => {
    const key = step ?? '';
    let id = requestOf.get(key);
    if (id === undefined) {
      id = requests.length + 1;
      requestOf.set(key, id);
      requests.push({
        id,
        kind: step === undefined ? 'config' : 'packet',
        summary: step === undefined ? 'configuration and shutdown' : context.stepLabel(step),
      });
    }
    return id;
  };
  // The open hook of each request: closed (hook-end) when the next hook starts.
  const open = new Map<number, { hook: string; status: number }>();
  const close = (id: number) => {
    const hook = open.get(id);
    if (!hook) return;
    events.push({
      type: 'hook-end',
      seq: ++seq,
      request: id,
      hook: hook.hook,
      status: hook.status,
    });
    open.delete(id);
  };
  const libraries = new Set<number>();
  for (const h of view.hooks) {
    const id = request(h.step);
    if (h.library === undefined) {
      close(id);
      events.push({ type: 'hook-start', seq: ++seq, request: id, hook: h.hook });
      open.set(id, { hook: h.hook, status: 0 });
      if (h.noCallouts) close(id);
      continue;
    }
    if (open.get(id)?.hook !== h.hook) {
      close(id);
      events.push({ type: 'hook-start', seq: ++seq, request: id, hook: h.hook });
      open.set(id, { hook: h.hook, status: 0 });
    }
    libraries.add(h.library);
    const callout: CalloutEvent = {
      type: 'callout',
      seq: ++seq,
      request: id,
      hook: h.hook,
      library: h.library,
      callout: h.callout ?? '?',
      status: { before: h.statusBefore ?? 0, after: h.statusAfter ?? 0 },
      arguments: { before: {}, after: {} },
      context: { before: {}, after: {} },
      durationNs: 0,
    };
    if (h.thrown) callout.thrown = { ...h.thrown };
    else if (h.returned !== undefined) callout.returned = h.returned;
    events.push(callout);
    const hook = open.get(id);
    if (hook) hook.status = callout.status.after;
  }
  for (const id of [...open.keys()]) close(id);
  // Log lines follow the hook sequence by step only (the sandbox does not say which callout).
  for (const line of view.log) {
    events.push({
      type: 'log',
      seq: ++seq,
      request: request(line.step),
      severity: line.severity,
      logger: line.logger,
      id: line.id,
      text: line.text,
      ...(line.debuglevel === undefined ? {} : { debuglevel: line.debuglevel }),
    });
  }
  events.sort((a, b) => a.seq - b.seq);
  const traceLibraries: TraceLibrary[] = [...libraries]
    .sort((a, b) => a - b)
    .map((index) => ({
      index,
      library: context.libraryPaths[index - 1] ?? (index >= 1 ? `library ${index}` : 'server'),
    }));
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    source: { kind: 'simulation', keaVersion: context.keaVersion },
    server: context.family,
    libraries: traceLibraries,
    requests,
    events,
  };
}
