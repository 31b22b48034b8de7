// Runs an example workspace on the real simulated server (or the data-scope server), with a
// trace recorder and the libraries' virtual files, as the studio's worker would.
import { fromHex, unpack4 } from '@hookscope/dhcp';
import type { HooksLogRecord } from '@hookscope/engine';
import { type CommandAnswer, createServer } from '@hookscope/server';
import { createTraceRecorder, type TraceDocument } from '@hookscope/trace';
import { createBuiltinResolver } from '../src/builtinLibraries';
import { createVirtualFiles } from '../src/createVirtualFiles';
import { createDataScopeServer } from '../src/dataScope/createDataScopeServer';
import type { ExampleWorkspace } from '../src/examples/exampleWorkspaces';
import { parseConfigText } from '../src/examples/parseConfigText';
import { createLibraryEnvironment } from '../src/libraryEnvironment';

export interface StepOutcome {
  label: string;
  /** Packets sent back: message type and yiaddr of each. */
  replies?: { type: string; yiaddr: string }[];
  answer?: CommandAnswer;
}

export interface ExampleRun {
  configured: CommandAnswer;
  steps: StepOutcome[];
  files: Record<string, string>;
  logs: HooksLogRecord[];
  trace: TraceDocument;
}

export function runExample(
  example: ExampleWorkspace,
  options: { keaVersion?: string; config?: unknown } = {},
): ExampleRun {
  const recorder = createTraceRecorder({ server: 'dhcp4' });
  const files = createVirtualFiles({ onWrite: (w) => recorder.fileWrite(w.path, w.mode, w.data) });
  const env = createLibraryEnvironment(
    options.keaVersion ? { files, keaVersion: options.keaVersion } : { files },
  );
  const logs: HooksLogRecord[] = [];
  const logger = {
    log(record: HooksLogRecord) {
      logs.push(record);
      recorder.log(record);
    },
  };
  const resolveLibrary = createBuiltinResolver(env);
  const config = options.config ?? parseConfigText(example.config);
  const steps: StepOutcome[] = [];

  if (example.server === 'data-scope') {
    const server = createDataScopeServer({
      resolveLibrary,
      observer: recorder,
      logger,
      requests: recorder,
    });
    recorder.bindServerHooks(server.serverHooks);
    const libraries = (config as { 'hooks-libraries': { library: string }[] })['hooks-libraries'];
    recorder.setLibraries(libraries);
    const ok = server.configure(libraries);
    for (const client of example.dataScopeClients ?? []) {
      const outcome = server.process(client);
      steps.push({ label: `request from ${client}`, answer: { result: 0, arguments: outcome } });
    }
    server.shutdown();
    return {
      configured: { result: ok ? 0 : 1 },
      steps,
      files: files.snapshot(),
      logs,
      trace: recorder.getTrace(),
    };
  }

  const server = createServer('dhcp4', {
    resolveLibrary,
    observer: recorder,
    logger,
    ...(options.keaVersion ? { keaVersion: options.keaVersion } : {}),
    now: () => 1_700_000_000_000,
  });
  recorder.bindServerHooks({ getName: (index) => server.hookName(index) });
  const configured = server.configure(config);
  for (const step of example.steps) {
    if (step.kind === 'packet') {
      const replies = server.receive(fromHex(step.hex)).map((bytes) => {
        const reply = unpack4(bytes);
        return { type: reply.getName(), yiaddr: reply.getYiaddr() };
      });
      steps.push({ label: step.label, replies });
    } else {
      const command =
        step.arguments === undefined
          ? { command: step.command }
          : { command: step.command, arguments: step.arguments };
      steps.push({ label: step.label, answer: server.command(command) });
    }
  }
  server.shutdown();
  return { configured, steps, files: files.snapshot(), logs, trace: recorder.getTrace() };
}
