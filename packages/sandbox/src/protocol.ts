/**
 * The sandbox's messages. Three parties: the page (studio), the sandboxed iframe (opaque
 * origin, CSP without network) and the worker the iframe starts. Every message is a member of
 * a union tagged by `type`, all in the `sandbox/` namespace, and carries the `channel` of the
 * sandbox it belongs to (a page may hold several) and, for run traffic, the `runId`.
 *
 *   page ──init──▶ iframe ──(creates worker from the source)      worker ──worker-ready──▶ iframe
 *   page ──run───▶ iframe ──run──▶ worker
 *   page ◀─batch── iframe ◀─batch── worker   (repeated: results stream)
 *   page ◀─done─── iframe ◀─done─── worker
 *   page ◀─failed─ iframe                    (budget exceeded: the iframe terminated the worker)
 */

export type ServerFamily = 'dhcp4' | 'dhcp6';

/** A library written by the user, in TypeScript or JavaScript, mapped to a hooks-libraries path. */
export interface SourceLibrary {
  path: string;
  language: 'ts' | 'js';
  source: string;
}

/** One step of a run, in order. Packets are hex text (spaces allowed). */
export type RunStep =
  | { kind: 'packet'; id: string; hex: string; label?: string; time?: string }
  | { kind: 'command'; id: string; text: string }
  | { kind: 'advance'; id: string; seconds: number };

export interface RunRequest {
  family: ServerFamily;
  keaVersion: string;
  /** Kea config text (JSON with #, // and slash-star comments). */
  config: string;
  libraries: readonly SourceLibrary[];
  steps: readonly RunStep[];
  /** Milliseconds one run may take before the iframe terminates the worker. Default 2000. */
  budgetMs: number;
}

/** Caps that keep a runaway library from exhausting memory through what it produces. */
export interface RunLimits {
  maxLogRecords: number;
  maxHookEvents: number;
  maxFileBytes: number;
}
export const DEFAULT_LIMITS: RunLimits = {
  maxLogRecords: 20_000,
  maxHookEvents: 200_000,
  maxFileBytes: 4 * 1024 * 1024,
};

export interface CommandAnswerView {
  result: number;
  text?: string;
  arguments?: unknown;
}

export interface LogLine {
  step: string | undefined;
  severity: 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  debuglevel?: number;
  logger: string;
  id: string;
  text: string;
}

/** One callout call as the run's hook sequence shows it. */
export interface HookEvent {
  step: string | undefined;
  hook: string;
  /** The hook point was reached but no library has a callout on it. */
  noCallouts?: boolean;
  /** `hook` alone marks a hook reached (with or without callouts); a callout has a library. */
  library?: number;
  callout?: string;
  statusBefore?: number;
  statusAfter?: number;
  returned?: number;
  thrown?: { name: string; message: string; stack?: string };
}

export type StepOutcome =
  | { step: string; kind: 'packet'; responses: string[]; error?: string }
  | { step: string; kind: 'command'; answer: CommandAnswerView }
  | { step: string; kind: 'advance'; seconds: number; error?: string };

export interface VirtualFile {
  path: string;
  content: string;
}

/** A failure of the whole run (not of one packet: those are in StepOutcome). */
export interface RunFailure {
  kind: 'compile' | 'config' | 'budget' | 'memory' | 'crash' | 'cancelled';
  message: string;
  /** The library the failure comes from, when known. */
  library?: string;
  stack?: string;
}

export interface RunBatch {
  log: LogLine[];
  hooks: HookEvent[];
  steps: StepOutcome[];
}

export interface RunSummary {
  configure: CommandAnswerView | undefined;
  /** Commands the server and its libraries answer (`list-commands` after the run), if known. */
  commands?: string[];
  /** The run in the trace format (@hookscope/trace's TraceDocument), when it was recorded. */
  trace?: unknown;
  files: VirtualFile[];
  failure: RunFailure | undefined;
  durationMs: number;
}

export type PageToFrame =
  | { type: 'sandbox/init'; channel: string; workerSource: string }
  | { type: 'sandbox/run'; channel: string; runId: number; request: RunRequest };

export type FrameToWorker = { type: 'sandbox/run'; runId: number; request: RunRequest };

export type WorkerToFrame =
  | { type: 'sandbox/worker-ready' }
  | { type: 'sandbox/batch'; runId: number; batch: RunBatch }
  | { type: 'sandbox/done'; runId: number; summary: RunSummary };

export type FrameToPage =
  | { type: 'sandbox/ready'; channel: string }
  | ({ channel: string } & Exclude<WorkerToFrame, { type: 'sandbox/worker-ready' }>)
  | { type: 'sandbox/failed'; channel: string; runId: number; failure: RunFailure };

/** Narrows an unknown message (from postMessage) to one of this sandbox's frame messages. */
export function isFrameToPage(value: unknown, channel: string): value is FrameToPage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; channel?: unknown };
  return typeof m.type === 'string' && m.type.startsWith('sandbox/') && m.channel === channel;
}

export function assertUnreachable(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}
