import { compileLibrary, LibraryCompileError } from './compileLibrary';
import { parseConfigText } from './parseConfigText';
import {
  assertUnreachable,
  DEFAULT_LIMITS,
  type HookEvent,
  type LogLine,
  type RunBatch,
  type RunLimits,
  type RunRequest,
  type RunSummary,
  type StepOutcome,
} from './protocol';
import type {
  RuntimeObserver,
  RuntimeRecorder,
  RuntimeServer,
  SandboxRuntime,
} from './sandboxRuntime';

class MemoryGuardError extends Error {}

export const SIMULATION_START_MS = Date.UTC(2026, 0, 1);

export interface RunWorkspaceOptions {
  limits?: RunLimits;
  /** Receives results as they come, about one batch per step. */
  onBatch?: (batch: RunBatch) => void;
  /** Wall clock for durationMs (default performance.now). */
  clock?: () => number;
}

/** Hex text ("01 01 06 00", "0x0101…", with line breaks) to bytes. @throws Error on odd digits. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/0x/gi, '').replace(/[^0-9a-f]/gi, '');
  if (clean.length % 2 !== 0) throw new Error('hex text has an odd number of digits');
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function errorView(thrown: unknown) {
  if (thrown instanceof Error) {
    return { name: thrown.name, message: thrown.message, stack: thrown.stack };
  }
  return { name: typeof thrown, message: String(thrown) };
}

/**
 * Runs one workspace: compiles the user libraries, creates the simulated server with a
 * resolver over user and built-in libraries, configures it, then plays each step (packet,
 * control command, clock advance). Synchronous apart from `onBatch`; the caller (the worker)
 * is the one that can be terminated, so nothing here needs to check the time budget.
 * Never throws: every failure is in the summary or in a step's outcome.
 */
export function runWorkspace(
  request: RunRequest,
  runtime: SandboxRuntime,
  options: RunWorkspaceOptions = {},
): RunSummary {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  let pending: RunBatch = { log: [], hooks: [], steps: [] };
  let logCount = 0;
  let hookCount = 0;
  let currentStep: string | undefined;
  const flush = () => {
    if (pending.log.length + pending.hooks.length + pending.steps.length === 0) return;
    options.onBatch?.(pending);
    pending = { log: [], hooks: [], steps: [] };
  };
  // Set while the sandbox asks the server something for itself (list-commands): not the user's run.
  let muted = false;
  // Over a limit, records are dropped (throwing here would land in the engine's callout error
  // handling) and the run stops after the current step.
  let tripped: string | undefined;
  const pushLog = (line: LogLine) => {
    if (muted) return;
    if (++logCount > limits.maxLogRecords)
      tripped ??= `more than ${limits.maxLogRecords} log records`;
    else pending.log.push(line);
  };
  const pushHook = (event: HookEvent) => {
    if (muted) return;
    if (++hookCount > limits.maxHookEvents)
      tripped ??= `more than ${limits.maxHookEvents} callouts`;
    else pending.hooks.push(event);
  };
  const checkGuard = () => {
    const written = runtime.bytesWritten?.() ?? 0;
    if (written > limits.maxFileBytes)
      tripped ??= `more than ${limits.maxFileBytes} bytes written to files`;
    if (tripped) throw new MemoryGuardError(tripped);
  };
  const summary = (partial: Partial<RunSummary>, server?: RuntimeServer): RunSummary => {
    flush();
    return {
      configure: undefined,
      files: [...(runtime.files?.() ?? []), ...(server?.files?.() ?? [])],
      failure: undefined,
      ...partial,
      durationMs: clock() - started,
    };
  };

  // 1. compile
  const userModules = new Map<string, object>();
  for (const library of request.libraries) {
    try {
      userModules.set(library.path, compileLibrary(library, runtime.modules));
    } catch (error) {
      const e = error instanceof LibraryCompileError ? error : undefined;
      const where = e?.line !== undefined ? ` (line ${e.line})` : '';
      return summary({
        failure: {
          kind: 'compile',
          library: library.path,
          message: `${library.path}${where}: ${e?.message ?? String(error)}`,
        },
      });
    }
  }

  // 2. server
  // A fixed start (2026-01-01T00:00:00Z) keeps runs repeatable and lease times realistic.
  let simulatedNow = SIMULATION_START_MS;
  let server: RuntimeServer | undefined;
  const statusBefore = new Map<unknown, number | undefined>();
  try {
    let config: unknown;
    try {
      config = parseConfigText(request.config);
    } catch (error) {
      return summary({ failure: { kind: 'config', message: `config: ${String(error)}` } });
    }
    const recorder = runtime.recorder;
    let hookName = (index: number) => `#${index}`;
    const ours: Required<RuntimeObserver> = {
      hookStart: (hook) => pushHook({ step: currentStep, hook: hookName(hook) }),
      hookEnd: () => {},
      hookWithoutCallouts: (hook) => pushHook({ step: currentStep, hook, noCallouts: true }),
      calloutStart: (_hook, _library, callout, handle) =>
        statusBefore.set(callout, statusOf(handle)),
      calloutEnd: (hook, library, callout, handle, outcome) =>
        pushHook({
          step: currentStep,
          hook: hookName(hook),
          library,
          callout: typeof callout === 'function' ? callout.name || '(anonymous)' : '?',
          statusBefore: statusBefore.get(callout),
          statusAfter: statusOf(handle),
          returned: outcome.returned,
          thrown: outcome.thrown === undefined ? undefined : errorView(outcome.thrown),
        }),
    };
    recorder?.setLibraries(librariesOf(config, request.family));
    const created: RuntimeServer = runtime.createServer(request.family, {
      keaVersion: request.keaVersion,
      now: () => simulatedNow,
      resolveLibrary: (path) => userModules.get(path) ?? runtime.resolveBuiltin(path),
      logger: {
        log: (r) => {
          recorder?.log(r);
          pushLog({
            step: currentStep,
            severity: r.severity,
            debuglevel: r.debuglevel,
            logger: r.logger,
            id: r.id,
            text: r.text,
          });
        },
      },
      observer: composeObserver(ours, recorder),
    });
    hookName = (index) => created.hookName(index);
    server = created;
    const configure = created.configure(config);
    flush();
    for (const step of request.steps) {
      currentStep = step.id;
      pending.steps.push(
        playStep(created, step, (seconds) => {
          simulatedNow += seconds * 1000;
          created.advance?.(seconds);
        }),
      );
      flush();
      checkGuard();
    }
    currentStep = undefined;
    const trace = recorder?.getTrace();
    muted = true;
    const commands = listCommands(created);
    muted = false;
    created.shutdown();
    return summary({ configure, commands, trace }, created);
  } catch (error) {
    if (error instanceof MemoryGuardError) {
      return summary(
        {
          failure: { kind: 'memory', message: `run stopped by the memory guard: ${error.message}` },
        },
        server,
      );
    }
    const e = errorView(error);
    return summary({ failure: { kind: 'crash', message: e.message, stack: e.stack } }, server);
  }
}

/** The commands the configured server and its libraries answer (for completion). */
function listCommands(server: RuntimeServer): string[] | undefined {
  try {
    const answer = server.command({ command: 'list-commands' });
    return Array.isArray(answer.arguments)
      ? answer.arguments.filter((c): c is string => typeof c === 'string')
      : undefined;
  } catch {
    return undefined;
  }
}

/** The run's observer: ours (the hook sequence) first, then the recorder's, for every method. */
function composeObserver(
  ours: Required<RuntimeObserver>,
  recorder: RuntimeRecorder | undefined,
): RuntimeObserver & Partial<RuntimeRecorder> {
  if (!recorder) return ours;
  const { log: _log, getTrace: _getTrace, setLibraries: _setLibraries, ...forwarded } = recorder;
  const composed: RuntimeObserver & Partial<RuntimeRecorder> = {};
  for (const key of Object.keys(ours) as (keyof RuntimeObserver)[]) {
    const mine = ours[key] as (...args: unknown[]) => void;
    const theirs = recorder[key] as ((...args: unknown[]) => void) | undefined;
    (composed as Record<string, unknown>)[key] = (...args: unknown[]) => {
      mine(...args);
      theirs?.apply(recorder, args);
    };
  }
  for (const key of Object.keys(forwarded)) {
    if (key in composed) continue;
    const theirs = (recorder as unknown as Record<string, unknown>)[key];
    if (typeof theirs === 'function') {
      (composed as Record<string, unknown>)[key] = (...args: unknown[]) =>
        theirs.apply(recorder, args);
    }
  }
  return composed;
}

/** The hooks-libraries entries of a config value, for the trace's library list. */
function librariesOf(config: unknown, family: 'dhcp4' | 'dhcp6') {
  const root = (config as Record<string, { 'hooks-libraries'?: unknown }> | undefined)?.[
    family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6'
  ];
  const list = root?.['hooks-libraries'];
  return Array.isArray(list)
    ? (list as { library: string; parameters?: Record<string, unknown> }[])
    : [];
}

function statusOf(handle: unknown): number | undefined {
  const h = handle as { getStatus?: () => number };
  return typeof h?.getStatus === 'function' ? h.getStatus() : undefined;
}

function playStep(
  server: RuntimeServer,
  step: RunRequest['steps'][number],
  advance: (seconds: number) => void,
): StepOutcome {
  switch (step.kind) {
    case 'packet': {
      let bytes: Uint8Array;
      try {
        bytes = hexToBytes(step.hex);
      } catch (error) {
        return { step: step.id, kind: 'packet', responses: [], error: String(error) };
      }
      try {
        return { step: step.id, kind: 'packet', responses: server.receive(bytes).map(bytesToHex) };
      } catch (error) {
        if (error instanceof MemoryGuardError) throw error;
        return { step: step.id, kind: 'packet', responses: [], error: errorView(error).message };
      }
    }
    case 'command': {
      let cmd: { command: string; arguments?: unknown };
      try {
        cmd = parseConfigText(step.text) as typeof cmd;
      } catch (error) {
        return { step: step.id, kind: 'command', answer: { result: 1, text: String(error) } };
      }
      return { step: step.id, kind: 'command', answer: server.command(cmd) };
    }
    case 'advance':
      advance(step.seconds);
      return { step: step.id, kind: 'advance', seconds: step.seconds };
    default:
      return assertUnreachable(step);
  }
}
