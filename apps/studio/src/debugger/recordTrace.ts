import type { HookLibraryInfo, HooksLogRecord } from '@hookscope/engine';
import {
  createBuiltinResolver,
  createDataScopeServer,
  createLibraryEnvironment,
  createVirtualFiles,
  getExampleWorkspace,
  parseConfigText,
} from '@hookscope/libraries';
import { hexToBytes } from '@hookscope/sandbox';
import { createServer } from '@hookscope/server';
import { createTraceRecorder, type TraceDocument } from '@hookscope/trace';
import type { Workspace } from '../state/workspace';

// Full traces (arguments and context snapshots) for runs made only of hookscope's built-in
// libraries. Those are our own code, so they may run on the page; a workspace with user
// libraries never comes here (it runs in the sandbox; see traceFromRunView).

/** The input of a run that uses built-in libraries only. */
export type BuiltinRunInput = Pick<Workspace, 'family' | 'keaVersion' | 'config' | 'steps'>;

/** A fixed simulated start, as the sandbox uses, so runs are repeatable. */
const SIMULATION_START_MS = Date.UTC(2026, 0, 1);

function librariesOf(config: unknown, family: 'dhcp4' | 'dhcp6'): HookLibraryInfo[] {
  const root = (config as Record<string, unknown> | undefined)?.[
    family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6'
  ] as { 'hooks-libraries'?: HookLibraryInfo[] } | undefined;
  return Array.isArray(root?.['hooks-libraries']) ? root['hooks-libraries'] : [];
}

/**
 * Runs a workspace whose hooks-libraries are all built-in on the simulated server with a trace
 * recorder. Throws what the config parser throws for unreadable config text.
 */
export function recordBuiltinRun(input: BuiltinRunInput): TraceDocument {
  const recorder = createTraceRecorder({
    server: input.family,
    source: { kind: 'simulation', keaVersion: input.keaVersion },
  });
  const files = createVirtualFiles({ onWrite: (w) => recorder.fileWrite(w.path, w.mode, w.data) });
  const env = createLibraryEnvironment({ files, keaVersion: input.keaVersion });
  let now = SIMULATION_START_MS;
  const server = createServer(input.family, {
    resolveLibrary: createBuiltinResolver(env),
    observer: recorder,
    logger: { log: (record: HooksLogRecord) => recorder.log(record) },
    keaVersion: input.keaVersion,
    now: () => now,
  });
  recorder.bindServerHooks({ getName: (index) => server.hookName(index) });
  const config = parseConfigText(input.config);
  recorder.setLibraries(librariesOf(config, input.family));
  const configured = server.configure(config);
  if (configured.result !== 0) return recorder.getTrace();
  for (const step of input.steps) {
    if (step.kind === 'packet') {
      recorder.beginRequest('packet', step.label ?? 'packet');
      try {
        // The server reports what it sends (and command answers) to its observer itself.
        server.receive(hexToBytes(step.hex));
      } catch (error) {
        recorder.drop(error instanceof Error ? error.message : String(error));
      } finally {
        recorder.endRequest();
      }
    } else if (step.kind === 'command') {
      let command: { command: string; arguments?: unknown };
      try {
        command = JSON.parse(step.text) as typeof command;
      } catch {
        continue;
      }
      recorder.beginRequest('command', command.command);
      server.command(command);
      recorder.endRequest();
    } else {
      now += step.seconds * 1000;
      server.advance(step.seconds);
    }
  }
  server.shutdown();
  return recorder.getTrace();
}

/**
 * The guide's data-scope example on its three-hook server (alpha, beta, gamma), with the library
 * order as configured or reversed (for comparing two orders).
 */
export function recordDataScopeTrace(
  order: 'configured' | 'reversed' = 'configured',
): TraceDocument {
  const example = getExampleWorkspace('data-scope');
  if (!example) throw new Error('the data-scope example is missing from @hookscope/libraries');
  const recorder = createTraceRecorder({ server: 'dhcp4' });
  const files = createVirtualFiles({ onWrite: (w) => recorder.fileWrite(w.path, w.mode, w.data) });
  const server = createDataScopeServer({
    resolveLibrary: createBuiltinResolver(createLibraryEnvironment({ files })),
    observer: recorder,
    logger: { log: (record: HooksLogRecord) => recorder.log(record) },
    requests: recorder,
  });
  recorder.bindServerHooks(server.serverHooks);
  const config = parseConfigText(example.config) as { 'hooks-libraries': HookLibraryInfo[] };
  const libraries = [...config['hooks-libraries']];
  if (order === 'reversed') libraries.reverse();
  recorder.setLibraries(libraries);
  server.configure(libraries);
  for (const client of example.dataScopeClients ?? ['client-a']) server.process(client);
  server.shutdown();
  return recorder.getTrace();
}

/** Whether a workspace can be recorded on the page: no user-written library in it. */
export function isBuiltinOnly(workspace: Pick<Workspace, 'libraries'>): boolean {
  return workspace.libraries.length === 0;
}
