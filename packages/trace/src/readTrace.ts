import {
  checkSnapshotTable,
  createDecodeState,
  decodeCalloutV2,
  TRACE_FILE_VERSION_2,
} from './traceFileV2';
import {
  REQUEST_KINDS,
  type Snapshot,
  TRACE_EVENT_TYPES,
  TRACE_FORMAT,
  TRACE_VERSION,
  type TraceDocument,
  type TraceEvent,
  type TraceEventType,
} from './types';

export type ReadTraceResult =
  | { ok: true; trace: TraceDocument; ignoredEvents: number }
  | { ok: false; error: string };

const KNOWN_TYPES = new Set<string>(TRACE_EVENT_TYPES);

// Fields each known event type must carry, with their JSON types. The JSON Schema
// (trace.schema.json) says the same in full; this check is the cheap one the studio runs on
// import, without pulling a schema compiler into the page.
const REQUIRED: Record<TraceEventType, Record<string, 'number' | 'string' | 'object'>> = {
  'hook-start': { request: 'number', hook: 'string' },
  'hook-end': { request: 'number', hook: 'string', status: 'number' },
  callout: {
    request: 'number',
    hook: 'string',
    library: 'number',
    callout: 'string',
    status: 'object',
    arguments: 'object',
    context: 'object',
    durationNs: 'number',
  },
  log: { severity: 'string', logger: 'string', id: 'string', text: 'string' },
  park: { hook: 'string' },
  unpark: { hook: 'string' },
  command: { command: 'string' },
  response: {},
  'file-write': { path: 'string', mode: 'string' },
  drop: { reason: 'string' },
};

const REQUIRED_FIELDS = new Map(
  Object.entries(REQUIRED).map(([type, f]) => [type, Object.entries(f)]),
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a trace from its JSON text or from an already parsed value. Accepts versions 1 and 2
 * (snapshot table, see traceFileV2.ts) and gives both the version 1 shape in memory; events
 * of types it does not know are left out (counted in `ignoredEvents`). Never throws: a
 * malformed trace gives `{ ok: false, error }` naming the first problem. The input is not
 * modified; the result shares its objects (a version 2 snapshot is one object wherever used).
 */
export function readTrace(input: string | unknown): ReadTraceResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `not JSON: ${(error as Error).message}` };
    }
  }
  if (!isObject(value)) return { ok: false, error: 'a trace is a JSON object' };
  if (value['format'] !== TRACE_FORMAT) {
    return { ok: false, error: `format is not "${TRACE_FORMAT}"` };
  }
  const version = value['version'];
  if (version !== 1 && version !== TRACE_FILE_VERSION_2) {
    return { ok: false, error: `unsupported trace version ${JSON.stringify(version)}` };
  }
  let snapshots: Snapshot[] = [];
  if (version === TRACE_FILE_VERSION_2) {
    const table = checkSnapshotTable(value['snapshots']);
    if (!table.ok) return table;
    snapshots = table.value;
  }
  const decodeState = createDecodeState(snapshots, typeof input === 'string');
  const source = value['source'];
  if (!isObject(source) || (source['kind'] !== 'simulation' && source['kind'] !== 'kea')) {
    return { ok: false, error: 'source.kind must be "simulation" or "kea"' };
  }
  if (typeof source['keaVersion'] !== 'string') {
    return { ok: false, error: 'source.keaVersion must be a string' };
  }
  if (value['server'] !== 'dhcp4' && value['server'] !== 'dhcp6') {
    return { ok: false, error: 'server must be "dhcp4" or "dhcp6"' };
  }
  const libraries = value['libraries'];
  if (!Array.isArray(libraries)) return { ok: false, error: 'libraries must be an array' };
  for (const [i, library] of libraries.entries()) {
    if (!isObject(library) || typeof library['index'] !== 'number') {
      return { ok: false, error: `libraries[${i}] needs a numeric index` };
    }
    if (typeof library['library'] !== 'string') {
      return { ok: false, error: `libraries[${i}].library must be a string` };
    }
  }
  const requests = value['requests'];
  if (!Array.isArray(requests)) return { ok: false, error: 'requests must be an array' };
  for (const [i, request] of requests.entries()) {
    if (!isObject(request) || typeof request['id'] !== 'number') {
      return { ok: false, error: `requests[${i}] needs a numeric id` };
    }
    if (!REQUEST_KINDS.includes(request['kind'] as never)) {
      return { ok: false, error: `requests[${i}].kind ${JSON.stringify(request['kind'])} unknown` };
    }
    if (typeof request['summary'] !== 'string') {
      return { ok: false, error: `requests[${i}].summary must be a string` };
    }
  }
  const rawEvents = value['events'];
  if (!Array.isArray(rawEvents)) return { ok: false, error: 'events must be an array' };
  const events: TraceEvent[] = [];
  let ignoredEvents = 0;
  let lastSeq = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rawEvents.length; i++) {
    const event: unknown = rawEvents[i];
    if (!isObject(event) || typeof event['type'] !== 'string') {
      return { ok: false, error: `events[${i}] needs a string type` };
    }
    if (typeof event['seq'] !== 'number') {
      return { ok: false, error: `events[${i}] needs a numeric seq` };
    }
    if (event['seq'] <= lastSeq) {
      return { ok: false, error: `events[${i}]: seq ${event['seq']} is not above ${lastSeq}` };
    }
    lastSeq = event['seq'];
    if (!KNOWN_TYPES.has(event['type'])) {
      ignoredEvents += 1;
      continue;
    }
    const required = REQUIRED_FIELDS.get(event['type'])!;
    for (const [field, kind] of required) {
      const actual = event[field];
      const ok = kind === 'object' ? isObject(actual) : typeof actual === kind;
      if (!ok)
        return { ok: false, error: `events[${i}] (${event['type']}): ${field} must be ${kind}` };
    }
    if (event['type'] === 'response' && !('response' in event)) {
      return { ok: false, error: `events[${i}] (response): response is missing` };
    }
    if (version === TRACE_FILE_VERSION_2 && event['type'] === 'callout') {
      const callout = decodeCalloutV2(event, decodeState);
      if (!callout.ok) return { ok: false, error: `events[${i}] (callout): ${callout.error}` };
      events.push(callout.value);
      continue;
    }
    events.push(event as unknown as TraceEvent);
  }
  if (version === TRACE_FILE_VERSION_2) {
    const { snapshots: _table, ...head } = value;
    const trace = { ...head, version: TRACE_VERSION, events } as unknown as TraceDocument;
    return { ok: true, trace, ignoredEvents };
  }
  const trace =
    ignoredEvents === 0
      ? (value as unknown as TraceDocument)
      : ({ ...value, events } as unknown as TraceDocument);
  return { ok: true, trace, ignoredEvents };
}
