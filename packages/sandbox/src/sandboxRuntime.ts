import type { CommandAnswerView, ServerFamily, VirtualFile } from './protocol';

/**
 * What one run needs from the rest of hookscope, injected so `runWorkspace` can be tested with
 * fakes and stays independent of how the server and libraries are built. One runtime per run:
 * it owns the run's virtual files. `createDefaultRuntime` (in the worker) wires the real
 * packages.
 */
export interface SandboxRuntime {
  /** Modules a user library may import, by specifier; `@hookscope/engine` at least. */
  modules: Readonly<Record<string, unknown>>;
  /** A built-in library for a hooks-libraries path, or undefined. */
  resolveBuiltin(path: string): object | undefined;
  createServer(family: ServerFamily, options: RuntimeServerOptions): RuntimeServer;
  /** Files the run's libraries wrote (virtual: nothing touches a disk). */
  files?(): VirtualFile[];
  /** Bytes written to files so far, for the memory guard. */
  bytesWritten?(): number;
  /** Records the run in the trace format (`@hookscope/trace`), when present. */
  recorder?: RuntimeRecorder;
}

/**
 * A trace recorder as the server drives it (the server calls beginRequest, command, response…
 * itself); `runWorkspace` adds the logger, the library list and the end of the run.
 */
export interface RuntimeRecorder extends RuntimeObserver {
  bindServerHooks?(serverHooks: { getName(index: number): string }): void;
  setLibraries(
    libraries: readonly { library: string; parameters?: Record<string, unknown> }[],
  ): void;
  beginRequest?(kind: 'packet' | 'command' | 'timer' | 'config', summary: string): number;
  endRequest?(): void;
  park?(hook: string, handle?: unknown): void;
  unpark?(hook: string, handle?: unknown): void;
  command?(command: string, commandArguments?: unknown): void;
  response?(response: unknown): void;
  fileWrite?(path: string, mode: 'append' | 'write', data: string): void;
  log(record: RuntimeLogRecord): void;
  /** The trace document (JSON). */
  getTrace(): unknown;
}

export interface RuntimeLogRecord {
  severity: 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  debuglevel?: number;
  logger: string;
  id: string;
  text: string;
}

/** The engine's HooksObserver, reduced to what the hook sequence shows. */
export interface RuntimeObserver {
  hookStart?(hookIndex: number, handle: unknown): void;
  calloutStart?(hookIndex: number, libraryIndex: number, callout: unknown, handle: unknown): void;
  calloutEnd?(
    hookIndex: number,
    libraryIndex: number,
    callout: unknown,
    handle: unknown,
    outcome: { returned?: number; thrown?: unknown },
  ): void;
  hookEnd?(hookIndex: number, handle: unknown): void;
  /** The server reached a hook point that has no callouts (Kea skips it; we still show it). */
  hookWithoutCallouts?(hook: string): void;
}

export interface RuntimeServerOptions {
  resolveLibrary: (path: string) => object | undefined;
  /** The run's observer: the hook sequence, and the recorder's methods when there is one. */
  observer: RuntimeObserver & Partial<RuntimeRecorder>;
  logger: { log(record: RuntimeLogRecord): void };
  keaVersion: string;
  now: () => number;
}

/** The simulated server, as architecture.md defines SimServer. */
export interface RuntimeServer {
  configure(config: unknown): CommandAnswerView;
  receive(packet: Uint8Array): Uint8Array[];
  command(cmd: { command: string; arguments?: unknown }): CommandAnswerView;
  shutdown(): void;
  /** Hook names by index, to name hooks in the sequence. */
  hookName(index: number): string;
  /** Moves the simulated clock on (lease expiry, reclamation) when the server has timers. */
  advance?(seconds: number): void;
  /** Files the server itself wrote (config-write). */
  files?(): VirtualFile[];
}
