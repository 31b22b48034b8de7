// Replays one recorded scenario (shared/corpora/kea-real-traces or a fixture copy) against the
// simulated server with the recording library, and reduces both sides to comparable rows:
// per callout handle the hook sequence with argument names and type tags, per query the
// responses' message types and addresses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnyPkt, Pkt4, Pkt6, readDhcpPackets } from '@hookscope/dhcp';
import type { LibraryModule } from '@hookscope/engine';
import {
  createRecorderLibrary,
  type RecorderLine,
} from '../../libraries/src/recorder/recorderLibrary';
import { createServer } from '../src/createServer';
import type { SimServer } from '../src/types';

export interface HookRow {
  hook: string;
  args: string;
}
export interface HandleRows {
  key: string;
  rows: HookRow[];
}
export interface ResponseRow {
  type: string;
  addresses: string[];
}
export interface ScenarioResult {
  expectedHandles: Map<number, HandleRows[]>;
  actualHandles: Map<number, HandleRows[]>;
  expectedResponses: ResponseRow[][];
  actualResponses: ResponseRow[][];
  commands: { command: string; expected: number; actual: number }[];
}

interface TraceLine {
  event: string;
  hook?: string;
  library_index?: number;
  handle_id?: number;
  arguments?: string[];
  types?: Record<string, string>;
}

function readJsonl<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Groups callout lines of one library index by handle (a new epoch at every load). */
export function groupByHandle(
  lines: readonly (TraceLine | RecorderLine)[],
): Map<number, HandleRows[]> {
  const out = new Map<number, HandleRows[]>();
  const byKey = new Map<string, HandleRows>();
  let epoch = 0;
  for (const line of lines) {
    if (line.event === 'load') {
      epoch++;
      continue;
    }
    if (line.event !== 'callout') continue;
    const l = line as TraceLine;
    const library = l.library_index ?? 0;
    const key = `${library}|${epoch}|${l.handle_id}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, rows: [] };
      byKey.set(key, group);
      const list = out.get(library) ?? [];
      list.push(group);
      out.set(library, list);
    }
    const names = l.arguments ?? [];
    group.rows.push({
      hook: l.hook ?? '?',
      args: names.map((n) => `${n}:${l.types?.[n] ?? '?'}`).join(','),
    });
  }
  return out;
}

function describe(pkt: AnyPkt | undefined, bytes: Uint8Array): ResponseRow {
  if (bytes.length === 0 || !pkt)
    return { type: bytes.length === 0 ? 'EMPTY' : 'UNPARSABLE', addresses: [] };
  if (pkt instanceof Pkt4) return { type: pkt.getName(), addresses: [pkt.getYiaddr()] };
  const addresses: string[] = [];
  for (const ia of (pkt as Pkt6).options.filter((o) => o.code === 3 || o.code === 25)) {
    for (const sub of ia.getOptions()) {
      if (sub.code === 5 || sub.code === 26) addresses.push(sub.toText());
    }
  }
  return { type: pkt.getName(), addresses };
}

function responseRow(bytes: Uint8Array, family: 'dhcp4' | 'dhcp6'): ResponseRow {
  if (bytes.length === 0) return { type: 'EMPTY', addresses: [] };
  try {
    return describe(family === 'dhcp4' ? Pkt4.unpack(bytes) : Pkt6.unpack(bytes), bytes);
  } catch {
    return { type: 'UNPARSABLE', addresses: [] };
  }
}

function isQuery(pkt: AnyPkt | undefined, bytes: Uint8Array, family: 'dhcp4' | 'dhcp6'): boolean {
  if (family === 'dhcp4') return bytes.length > 0 && bytes[0] === 1;
  const type = (pkt as Pkt6 | undefined)?.getType() ?? bytes[0] ?? 0;
  return [1, 3, 4, 5, 6, 8, 9, 11, 12].includes(type);
}

/** Replays scenario `name` from `dir`; `config` overrides the scenario's own config file. */
export function replayScenario(dir: string, name: string, config?: unknown): ScenarioResult {
  const scenarioConfig = config ?? JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  const family = 'Dhcp4' in (scenarioConfig as object) ? 'dhcp4' : 'dhcp6';
  const modules = new Map<string, LibraryModule & { lines: RecorderLine[] }>();
  const all: RecorderLine[] = [];
  let clock = Date.UTC(2026, 10, 25, 3, 0, 0);
  const server: SimServer = createServer(family, {
    keaVersion: '2.2.0',
    now: () => clock,
    resolveLibrary: (path) => {
      let module = modules.get(path);
      if (!module) {
        module = createRecorderLibrary({ sink: (line) => all.push(line) });
        modules.set(path, module);
      }
      return module;
    },
  });
  const advance = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      clock += 1000;
      server.advance(1);
    }
  };
  const frames = [...readDhcpPackets(readFileSync(join(dir, `${name}.pcap`)))];
  const expectedResponses: ResponseRow[][] = [];
  const queries: { bytes: Uint8Array; meta: Parameters<SimServer['receive']>[1] }[] = [];
  for (const f of frames) {
    if (isQuery(f.pkt, f.bytes, family)) {
      queries.push({
        bytes: f.bytes,
        meta: {
          remoteAddress: f.srcAddr,
          remotePort: f.srcPort,
          localAddress: f.dstAddr,
          localPort: f.dstPort,
          iface: 'kosrv0',
        },
      });
      expectedResponses.push([]);
    } else expectedResponses[expectedResponses.length - 1]?.push(responseRow(f.bytes, family));
  }
  const client = readJsonl<{
    dir: string;
    command?: { command: string; arguments?: unknown };
    response?: { result: number };
  }>(join(dir, `${name}.client.jsonl`));
  const actualResponses: ResponseRow[][] = [];
  const commands: ScenarioResult['commands'] = [];
  server.configure(scenarioConfig);
  let next = 0;
  const sendNext = () => {
    const q = queries[next++];
    if (q) actualResponses.push(server.receive(q.bytes, q.meta).map((b) => responseRow(b, family)));
  };
  for (const line of client) {
    if (line.dir === 'sent') sendNext();
    if (line.dir === 'control' && line.command) {
      if (next > 0) advance(5);
      const answer = server.command(line.command);
      commands.push({
        command: line.command.command,
        expected: line.response?.result ?? -1,
        actual: answer.result,
      });
    }
  }
  while (next < queries.length) sendNext();
  advance(5);
  server.shutdown();
  const expectedLines = readJsonl<TraceLine>(join(dir, `${name}.jsonl`));
  return {
    expectedHandles: groupByHandle(expectedLines),
    actualHandles: groupByHandle(all),
    expectedResponses,
    actualResponses,
    commands,
  };
}
