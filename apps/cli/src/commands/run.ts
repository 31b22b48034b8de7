import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pkt4, Pkt6, readDhcpPackets } from '@hookscope/dhcp';
import type { HooksLogRecord, LibraryModule } from '@hookscope/engine';
import {
  createBuiltinResolver,
  createLibraryEnvironment,
  createRecorderLibrary,
  createVirtualFiles,
  getBuiltinLibrary,
  type LibraryEnvironment,
  parseConfigText,
} from '@hookscope/libraries';
import {
  createServer,
  NEWEST_KEA_VERSION,
  type SentPacket,
  SUPPORTED_KEA_VERSIONS,
  versionNumber,
} from '@hookscope/server';
import { createTraceRecorder, type TraceEvent, writeTrace } from '@hookscope/trace';
import { type CliCommand, EXIT_FAILURE, EXIT_OK, UsageError } from '../command';

const USAGE = `hookscope run --config <file> [--kea-version V] [--packets <capture|hex>]...
              [--library <path>=<file.ts|file.js|builtin:NAME>]... [--trace <out.json>] [--json]
  Configures a simulated kea-dhcp4 / kea-dhcp6 (family from the config's top-level key), loads
  each hooks-libraries path from the module given for it (or a built-in library), feeds the
  queries of the captures in order and prints, per request, the hook points reached, the
  responses and the log.
  --kea-version V   behave as this Kea release (default ${NEWEST_KEA_VERSION}; e.g. ${SUPPORTED_KEA_VERSIONS.join(', ')})
  --packets X       a pcap / pcapng / hex-text file, or hex bytes of one message; repeatable
  --library P=M     the module for hooks-libraries path P: a .ts/.js file or builtin:NAME
                    (builtin:recorder is the recording library of the conformance tests)
  --trace FILE      write the trace document (hookscope-trace v1)
  --json            print one JSON document instead of text
  Exit 0 on success, 1 when the configuration or a library is rejected, 2 on bad arguments.`;

interface RunArguments {
  config: string;
  keaVersion: string;
  packets: string[];
  libraries: Map<string, string>;
  trace: string | undefined;
  json: boolean;
}

function parseArguments(argv: readonly string[]): RunArguments {
  const out: RunArguments = {
    config: '',
    keaVersion: NEWEST_KEA_VERSION,
    packets: [],
    libraries: new Map(),
    trace: undefined,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--json') out.json = true;
    else if (name === '--config') out.config = value();
    else if (name === '--kea-version') {
      out.keaVersion = value();
      try {
        versionNumber(out.keaVersion);
      } catch {
        throw new UsageError(`unsupported Kea version '${out.keaVersion}'`);
      }
    } else if (name === '--packets') out.packets.push(value());
    else if (name === '--trace') out.trace = value();
    else if (name === '--library') {
      const spec = value();
      const at = spec.lastIndexOf('=');
      if (at <= 0 || at === spec.length - 1)
        throw new UsageError(`--library wants <path>=<module>, got '${spec}'`);
      out.libraries.set(spec.slice(0, at), spec.slice(at + 1));
    } else throw new UsageError(`unknown argument '${arg}'`);
  }
  if (out.config === '') throw new UsageError('--config is required');
  return out;
}

/** Queries of a capture file or hex text: client-to-server messages only. */
function readQueries(
  spec: string,
  cwd: string,
): { bytes: Uint8Array; meta: Record<string, unknown> }[] {
  let data: Uint8Array;
  try {
    data = readFileSync(resolve(cwd, spec));
  } catch {
    data = new TextEncoder().encode(spec);
  }
  const out: { bytes: Uint8Array; meta: Record<string, unknown> }[] = [];
  for (const f of readDhcpPackets(data)) {
    const pkt = f.pkt;
    if (!pkt) continue;
    const query =
      pkt instanceof Pkt4
        ? pkt.op === 1
        : [1, 3, 4, 5, 6, 8, 9, 11, 12].includes((pkt as Pkt6).getType());
    if (!query) continue;
    out.push({
      bytes: f.bytes,
      meta:
        f.srcPort === 0
          ? {}
          : {
              remoteAddress: f.srcAddr,
              remotePort: f.srcPort,
              localAddress: f.dstAddr,
              localPort: f.dstPort,
            },
    });
  }
  return out;
}

async function loadModules(
  args: RunArguments,
  cwd: string,
  env: LibraryEnvironment,
): Promise<Map<string, LibraryModule | undefined>> {
  const modules = new Map<string, LibraryModule | undefined>();
  for (const [path, spec] of args.libraries) {
    if (spec.startsWith('builtin:')) {
      const name = spec.slice('builtin:'.length);
      if (name === 'recorder')
        modules.set(path, createRecorderLibrary({ hooksVersion: env.hooksVersion }));
      else {
        const builtin = getBuiltinLibrary(name);
        if (!builtin) throw new UsageError(`no built-in library '${name}'`);
        modules.set(path, builtin.create(env));
      }
      continue;
    }
    try {
      modules.set(path, (await import(pathToFileURL(resolve(cwd, spec)).href)) as LibraryModule);
    } catch (error) {
      // as a .so that cannot be opened: the engine reports it when loading
      modules.set(path, undefined);
      process.stderr.write(
        `hookscope run: cannot import ${spec}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  return modules;
}

function describeResponse(sent: SentPacket, family: 'dhcp4' | 'dhcp6'): Record<string, unknown> {
  const base = { to: `${sent.remoteAddress}:${sent.remotePort}`, bytes: sent.bytes.length };
  if (sent.bytes.length === 0) return { type: 'empty datagram', ...base };
  try {
    if (family === 'dhcp4') {
      const p = Pkt4.unpack(sent.bytes);
      return { type: p.getName(), yiaddr: p.getYiaddr(), ...base };
    }
    const p = Pkt6.unpack(sent.bytes);
    return { type: p.getName(), ...base };
  } catch {
    return { type: 'unparsable', ...base };
  }
}

function hooksOf(
  events: readonly TraceEvent[],
  request: number,
): { hook: string; callouts: number }[] {
  const out: { hook: string; callouts: number }[] = [];
  for (const e of events) {
    if (e.request !== request) continue;
    if (e.type === 'hook-start') out.push({ hook: e.hook, callouts: 0 });
    else if (e.type === 'callout') {
      const last = out[out.length - 1];
      if (last && last.hook === e.hook) last.callouts++;
      else out.push({ hook: e.hook, callouts: 1 });
    }
  }
  return out;
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run packets through a simulated kea-dhcp4/kea-dhcp6 with hooks libraries',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArguments(argv);
    const configPath = resolve(io.cwd, args.config);
    let config: unknown;
    try {
      config = parseConfigText(readFileSync(configPath, 'utf8'));
    } catch (error) {
      io.err(
        `hookscope run: cannot read ${args.config}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return EXIT_FAILURE;
    }
    const family =
      typeof config === 'object' && config !== null && 'Dhcp6' in config ? 'dhcp6' : 'dhcp4';
    const log: HooksLogRecord[] = [];
    const recorder = createTraceRecorder({
      server: family,
      source: { kind: 'simulation', keaVersion: args.keaVersion },
    });
    // One virtual file system for every library of the run; its writes go into the trace.
    const files = createVirtualFiles({
      onWrite: (w) => recorder.fileWrite(w.path, w.mode, w.data),
    });
    const env = createLibraryEnvironment({ keaVersion: args.keaVersion, files });
    const modules = await loadModules(args, io.cwd, env);
    const builtins = createBuiltinResolver(env);
    const server = createServer(family, {
      keaVersion: args.keaVersion,
      observer: recorder,
      logger: {
        log: (record) => {
          log.push(record);
          recorder.log(record);
        },
      },
      resolveLibrary: (path) => (modules.has(path) ? modules.get(path) : builtins(path)),
    });
    const answer = server.configure(config);
    const responses: SentPacket[][] = [];
    if (answer.result === 0) {
      for (const spec of args.packets) {
        for (const q of readQueries(spec, io.cwd))
          responses.push(server.receiveDetailed(q.bytes, q.meta));
      }
      server.advance(0);
    }
    server.shutdown();
    const trace = recorder.getTrace();
    if (args.trace) writeFileSync(resolve(io.cwd, args.trace), writeTrace(trace));
    const packetRequests = trace.requests.filter((r) => r.kind === 'packet');
    const requests = trace.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      summary: r.summary,
      hooks: hooksOf(trace.events, r.id),
      responses:
        r.kind === 'packet'
          ? (responses[packetRequests.indexOf(r)] ?? []).map((s) => describeResponse(s, family))
          : [],
      log: trace.events
        .filter((e) => e.type === 'log' && e.request === r.id)
        .map((e) => (e.type === 'log' ? `${e.severity} ${e.logger} ${e.id} ${e.text}` : '')),
    }));
    if (args.json) {
      io.out(
        `${JSON.stringify({ server: family, keaVersion: args.keaVersion, configure: answer, requests }, undefined, 2)}\n`,
      );
    } else {
      io.out(
        `${family === 'dhcp4' ? 'kea-dhcp4' : 'kea-dhcp6'} ${args.keaVersion} (simulated): configure -> result ${answer.result}${answer.text ? `: ${answer.text}` : ''}\n`,
      );
      for (const r of requests) {
        io.out(`#${r.id} ${r.kind} ${r.summary}\n`);
        if (r.hooks.length)
          io.out(
            `   hooks: ${r.hooks.map((h) => (h.callouts ? h.hook : `(${h.hook})`)).join(' ')}\n`,
          );
        for (const s of r.responses)
          io.out(
            `   -> ${s.type}${s.yiaddr ? ` ${s.yiaddr}` : ''} to ${s.to} (${s.bytes} bytes)\n`,
          );
        for (const line of r.log) io.out(`   log: ${line}\n`);
      }
    }
    if (answer.result !== 0) {
      const errors = log.filter((r) => r.severity === 'ERROR' || r.severity === 'FATAL');
      for (const r of errors) io.err(`${r.severity} [${r.logger}] ${r.id} ${r.text}\n`);
      io.err(`hookscope run: configuration rejected: ${answer.text ?? ''}\n`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  },
};
