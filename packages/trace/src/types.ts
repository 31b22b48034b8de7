// The trace format, version 1 (see docs: trace-format). A trace is one JSON document per run.
// Events form one union tagged by `type`; a reader keeps the types it knows and drops the rest,
// so a newer writer can add event types without breaking older readers.

/** A JSON value: what snapshots, parameters and command answers are made of. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const TRACE_FORMAT = 'hookscope-trace';
export const TRACE_VERSION = 1;

/** Kea's next-step status numbers: CONTINUE 0, SKIP 1, DROP 2, PARK 3. */
export type StatusNumber = number;

/** A snapshot of one argument or context item: its engine type tag and a JSON view. */
export type Snapshot = ShownSnapshot | OpaqueSnapshot;
export interface ShownSnapshot {
  tag: string;
  value: JsonValue;
}
/** A value the serializer cannot show; it is listed, never dropped. */
export interface OpaqueSnapshot {
  tag: string;
  opaque: true;
}
export type SnapshotMap = Record<string, Snapshot>;

export interface BeforeAfter<T> {
  before: T;
  after: T;
}

export interface ThrownError {
  name: string;
  message: string;
  stack?: string;
}

export interface TraceSource {
  kind: 'simulation' | 'kea';
  keaVersion: string;
}

export interface TraceLibrary {
  /** Library index, 1-based as Kea's. */
  index: number;
  library: string;
  parameters?: JsonObject;
}

export type RequestKind = 'packet' | 'command' | 'timer' | 'config';
export const REQUEST_KINDS: readonly RequestKind[] = ['packet', 'command', 'timer', 'config'];

export interface TraceRequest {
  id: number;
  kind: RequestKind;
  summary: string;
}

interface EventBase {
  seq: number;
}
/** Events that may happen while a callout runs carry that callout's `seq`. */
interface AttachableEvent extends EventBase {
  request?: number;
  /** `seq` of the callout that was running when this happened. */
  callout?: number;
}

export interface HookStartEvent extends EventBase {
  type: 'hook-start';
  request: number;
  hook: string;
}

export interface HookEndEvent extends EventBase {
  type: 'hook-end';
  request: number;
  hook: string;
  /** The status the server sees after the last callout. */
  status: StatusNumber;
}

export interface CalloutEvent extends EventBase {
  type: 'callout';
  request: number;
  hook: string;
  library: number;
  callout: string;
  status: BeforeAfter<StatusNumber>;
  returned?: number;
  thrown?: ThrownError;
  arguments: BeforeAfter<SnapshotMap>;
  context: BeforeAfter<SnapshotMap>;
  durationNs: number;
}

export type LogSeverity = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

export interface LogEvent extends AttachableEvent {
  type: 'log';
  severity: LogSeverity;
  debuglevel?: number;
  logger: string;
  id: string;
  args?: string[];
  text: string;
}

export interface ParkEvent extends AttachableEvent {
  type: 'park';
  hook: string;
}

export interface UnparkEvent extends AttachableEvent {
  type: 'unpark';
  hook: string;
}

export interface CommandEvent extends AttachableEvent {
  type: 'command';
  command: string;
  arguments?: JsonValue;
}

/** What the server answered: a command answer, or a packet sent back (its JSON view). */
export interface ResponseEvent extends AttachableEvent {
  type: 'response';
  response: JsonValue;
}

export interface FileWriteEvent extends AttachableEvent {
  type: 'file-write';
  path: string;
  mode: 'append' | 'write';
  /** The text written, when known (a library's virtual file). */
  data?: string;
  /** The size written, when the text is not kept (e.g. config-write). */
  bytes?: number;
}

/** The server dropped the request's packet, and why. */
export interface DropEvent extends AttachableEvent {
  type: 'drop';
  reason: string;
}

export type TraceEvent =
  | HookStartEvent
  | HookEndEvent
  | CalloutEvent
  | LogEvent
  | ParkEvent
  | UnparkEvent
  | CommandEvent
  | ResponseEvent
  | FileWriteEvent
  | DropEvent;

export type TraceEventType = TraceEvent['type'];
export const TRACE_EVENT_TYPES: readonly TraceEventType[] = [
  'hook-start',
  'hook-end',
  'callout',
  'log',
  'park',
  'unpark',
  'command',
  'response',
  'file-write',
  'drop',
];

export interface TraceDocument {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  source: TraceSource;
  server: 'dhcp4' | 'dhcp6';
  libraries: TraceLibrary[];
  requests: TraceRequest[];
  events: TraceEvent[];
}

export function assertUnreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
