import { guessRequestKind } from './requestTracker';
import type {
  CalloutEvent,
  JsonValue,
  SnapshotMap,
  TraceDocument,
  TraceEvent,
  TraceLibrary,
  TraceRequest,
} from './types';

// Real Kea can be traced too: the recording hooks library of the kea-real-traces corpus writes
// one JSON line per callout (hook, library index, handle id, status on entry, argument names,
// C++ types and summaries of the values). This turns such a recording into a trace, so the
// studio shows real Kea the way it shows a simulation, and `compareTraces` can set the two side
// by side. A recording knows only what a callout saw on entry, so "after" equals "before",
// except the status a recorder set on purpose (`set_status`).

const FRAMEWORK_HOOKS = new Set(['context_create', 'context_destroy']);

export interface ImportKeaRecordingOptions {
  server: 'dhcp4' | 'dhcp6';
  /** Default "2.2.0", the release the corpus was recorded with. */
  keaVersion?: string;
}

interface RecordingLine {
  seq?: number;
  event?: string;
  tag?: string;
  parameters?: Record<string, JsonValue>;
  hook?: string;
  library_index?: number;
  handle_id?: number;
  status?: number;
  set_status?: number;
  arguments?: string[];
  types?: Record<string, string>;
  pkt?: Record<string, JsonValue>;
  lease?: Record<string, JsonValue>;
  values?: Record<string, JsonValue>;
}

function summaryOf(line: RecordingLine): string {
  const packet = (line.pkt?.['query4'] ?? line.pkt?.['query6']) as
    | Record<string, JsonValue>
    | undefined;
  if (!packet) return line.hook ?? 'request';
  const parts = [String(packet['type_name'] ?? 'packet')];
  const xid = packet['xid'] ?? packet['transid'];
  if (typeof xid === 'number') parts.push(`xid=0x${xid.toString(16)}`);
  else if (xid !== undefined) parts.push(`xid=${String(xid)}`);
  const client = packet['hwaddr'] ?? packet['duid'];
  if (client !== undefined) parts.push(`from ${String(client)}`);
  return parts.join(' ');
}

/** Whether the line's query has a message type yet (at buffer*_receive it is not parsed). */
function knownType(line: RecordingLine): boolean {
  const packet = (line.pkt?.['query4'] ?? line.pkt?.['query6']) as
    | Record<string, JsonValue>
    | undefined;
  const name = packet?.['type_name'];
  return typeof name === 'string' && name !== '' && !name.startsWith('UNKNOWN');
}

function argumentsOf(line: RecordingLine): SnapshotMap {
  const out: SnapshotMap = {};
  for (const name of line.arguments ?? []) {
    const tag = line.types?.[name] ?? 'unknown';
    const value = line.pkt?.[name] ?? line.lease?.[name] ?? line.values?.[name];
    out[name] = value === undefined ? { tag, opaque: true } : { tag, value };
  }
  return out;
}

/**
 * Converts the JSON lines of a Kea recording into a trace (source kind "kea"). Requests group
 * the callouts of one handle (`handle_id`); consecutive callouts of one handle on one hook, in
 * increasing library order, are one hook call. Lines that are not JSON objects are skipped.
 * Pure.
 */
export function importKeaRecording(
  text: string,
  options: ImportKeaRecordingOptions,
): TraceDocument {
  const events: TraceEvent[] = [];
  const requests: TraceRequest[] = [];
  const libraries = new Map<number, TraceLibrary>();
  const requestOfHandle = new Map<number, number>();
  const loads: RecordingLine[] = [];
  const vague = new Set<number>();
  let seq = 0;
  let open:
    | { handle: number; hook: string; library: number; request: number; status: number }
    | undefined;
  const close = () => {
    if (!open) return;
    events.push({
      type: 'hook-end',
      seq: ++seq,
      request: open.request,
      hook: open.hook,
      status: open.status,
    });
    open = undefined;
  };

  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let line: RecordingLine;
    try {
      line = JSON.parse(raw) as RecordingLine;
    } catch {
      continue;
    }
    if (line.event === 'load') loads.push(line);
    if (line.event !== 'callout' || line.hook === undefined) continue;
    const handle = line.handle_id ?? -1;
    const library = line.library_index ?? 1;
    if (!libraries.has(library)) {
      const load = loads[libraries.size];
      const name = load?.tag ? `recorder (${load.tag})` : `library ${library}`;
      libraries.set(library, { index: library, library: name });
    }
    let request = requestOfHandle.get(handle);
    if (request === undefined) {
      request = requests.length + 1;
      requests.push({ id: request, kind: guessRequestKind(line.hook), summary: summaryOf(line) });
      requestOfHandle.set(handle, request);
      vague.add(request);
    }
    // A handle's first line is context_create, which says nothing of what the request is; the
    // first line that carries the query (or a telling hook) names it.
    if (vague.has(request) && !FRAMEWORK_HOOKS.has(line.hook)) {
      const entry = requests[request - 1]!;
      entry.kind = guessRequestKind(line.hook);
      entry.summary = summaryOf(line);
      if (knownType(line) || entry.kind !== 'packet') vague.delete(request);
    }
    const continues =
      open && open.handle === handle && open.hook === line.hook && open.library < library;
    if (!continues) {
      close();
      events.push({ type: 'hook-start', seq: ++seq, request, hook: line.hook });
    }
    const before = line.status ?? 0;
    const after = line.set_status ?? before;
    const snapshot = argumentsOf(line);
    const callout: CalloutEvent = {
      type: 'callout',
      seq: ++seq,
      request,
      hook: line.hook,
      library,
      callout: line.hook,
      status: { before, after },
      returned: 0,
      arguments: { before: snapshot, after: snapshot },
      context: { before: {}, after: {} },
      durationNs: 0,
    };
    events.push(callout);
    open = { handle, hook: line.hook, library, request, status: after };
  }
  close();
  return {
    format: 'hookscope-trace',
    version: 1,
    source: { kind: 'kea', keaVersion: options.keaVersion ?? '2.2.0' },
    server: options.server,
    libraries: [...libraries.values()].sort((a, b) => a.index - b.index),
    requests,
    events,
  };
}
