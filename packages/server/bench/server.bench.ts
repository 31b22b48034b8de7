// Full exchanges per second through the simulated servers: DHCPv4 DORA (DISCOVER + REQUEST)
// and DHCPv6 SARR (SOLICIT + REQUEST), each client new, with 0, 1 and 4 hooks libraries and
// with or without a trace recorder. Prints one JSON line and one readable line per case.
import { buildDiscover, buildRequest, buildRequest6, buildSolicit } from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { createTraceRecorder } from '../../trace/src/index';
import { createServer } from '../src/createServer';

const CLIENTS4 = 40_000;
const CLIENTS6 = 20_000;
/** Traced runs keep every callout's snapshots in memory: fewer clients. */
const TRACED_CLIENTS = 3_000;
/** CPU seconds of the last run: on a busy machine, exchanges per CPU second are steadier. */
let cpuSeconds = 0;

/** A light, realistic library: reads the query at pkt*_receive, the lease at lease*_select,
 * and stamps the response at pkt*_send, keeping a per-request counter in its context. */
function benchLibrary(): LibraryModule {
  const touch = (name: string) => (handle: CalloutHandle) => {
    handle.getArgument(name);
    handle.setContext('n', 1);
    return 0;
  };
  return {
    version: () => 30301,
    multi_threading_compatible: () => 1,
    pkt4_receive: touch('query4'),
    lease4_select: touch('lease4'),
    pkt4_send: touch('response4'),
    pkt6_receive: touch('query6'),
    lease6_select: touch('lease6'),
    pkt6_send: touch('response6'),
  };
}

function libraries(count: number) {
  return Array.from({ length: count }, (_, i) => ({ library: `/usr/lib/bench${i}.so` }));
}

function hw(i: number): string {
  return `02:00:${((i >>> 24) & 255).toString(16).padStart(2, '0')}:${((i >>> 16) & 255).toString(16).padStart(2, '0')}:${((i >>> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
}

function ipv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

const POOL_START = (10 << 24) + (1 << 8); // 10.0.1.0
const packets4 = Array.from({ length: CLIENTS4 }, (_, i) => ({
  discover: buildDiscover({ hwaddr: hw(i), xid: i + 1 }).pack(),
  request: buildRequest('selecting', {
    hwaddr: hw(i),
    xid: i + 1,
    address: ipv4(POOL_START + i),
    serverId: '10.0.0.1',
  }).pack(),
}));

const SERVER_DUID = '00:02:00:00:09:bf:01:23:45:67:89';
const packets6 = Array.from({ length: CLIENTS6 }, (_, i) => {
  const addr = `2001:db8::1:${(i >>> 16).toString(16)}:${(i & 0xffff).toString(16)}`;
  return {
    solicit: buildSolicit({ hwaddr: hw(i), transid: i + 1 }).pack(),
    request: buildRequest6({
      hwaddr: hw(i),
      transid: i + 1,
      serverId: SERVER_DUID,
      addresses: [addr],
    }).pack(),
  };
});

function run4(libs: number, traced: boolean, clients = CLIENTS4): number {
  const modules = new Map<string, LibraryModule>();
  const recorder = traced ? createTraceRecorder({ server: 'dhcp4' }) : undefined;
  const server = createServer('dhcp4', {
    resolveLibrary: (path) => {
      if (!modules.has(path)) modules.set(path, benchLibrary());
      return modules.get(path);
    },
    observer: recorder,
    now: () => 1_764_000_000_000,
  });
  const answer = server.configure({
    Dhcp4: {
      'interfaces-config': { interfaces: ['eth0'] },
      'valid-lifetime': 4000,
      subnet4: [{ id: 1, subnet: '10.0.0.0/8', pools: [{ pool: '10.0.1.0 - 10.255.255.254' }] }],
      'hooks-libraries': libraries(libs),
    },
  });
  if (answer.result !== 0) throw new Error(answer.text);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let acks = 0;
  for (let i = 0; i < clients; i++) {
    const p = packets4[i] as (typeof packets4)[number];
    server.receive(p.discover);
    const out = server.receive(p.request);
    if (out[0]?.[242] === 5) acks++;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  cpuSeconds = (used.user + used.system) / 1e6;
  if (acks !== clients) throw new Error(`only ${acks} of ${clients} DORA ended in an ACK`);
  return clients / seconds;
}

function run6(libs: number, traced: boolean, clients = CLIENTS6): number {
  const modules = new Map<string, LibraryModule>();
  const recorder = traced ? createTraceRecorder({ server: 'dhcp6' }) : undefined;
  const server = createServer('dhcp6', {
    resolveLibrary: (path) => {
      if (!modules.has(path)) modules.set(path, benchLibrary());
      return modules.get(path);
    },
    observer: recorder,
    now: () => 1_764_000_000_000,
  });
  const answer = server.configure({
    Dhcp6: {
      'interfaces-config': { interfaces: ['eth0'] },
      'server-id': { type: 'EN', 'enterprise-id': 2495, identifier: '0123456789' },
      subnet6: [
        {
          id: 1,
          subnet: '2001:db8::/64',
          pools: [{ pool: '2001:db8::1:0:0 - 2001:db8::1:ffff:ffff' }],
        },
      ],
      'hooks-libraries': libraries(libs),
    },
  });
  if (answer.result !== 0) throw new Error(answer.text);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let replies = 0;
  for (let i = 0; i < clients; i++) {
    const p = packets6[i] as (typeof packets6)[number];
    server.receive(p.solicit);
    const out = server.receive(p.request);
    if (out[0]?.[0] === 7) replies++;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  cpuSeconds = (used.user + used.system) / 1e6;
  if (replies !== clients) throw new Error(`only ${replies} of ${clients} SARR ended in a REPLY`);
  return clients / seconds;
}

/** `SERVER_BENCH_ONLY=4lib_trace` (a comma-separated list) runs only those cases, for profiling. */
const only = process.env['SERVER_BENCH_ONLY']?.split(',');
const results: Record<string, number> = {};
for (const traced of [false, true]) {
  for (const libs of [0, 1, 4]) {
    const suffix = `${libs}lib${traced ? '_trace' : ''}`;
    if (only && !only.includes(suffix)) continue;
    const n4 = traced ? TRACED_CLIENTS : CLIENTS4;
    const n6 = traced ? TRACED_CLIENTS : CLIENTS6;
    run4(libs, traced, Math.min(n4, 5000)); // warm-up
    if (traced) {
      // the recorder's code is new to the process here, and one short traced run leaves V8
      // still optimising it: two rounds of each exchange before measuring the steady state
      run4(libs, traced, n4);
      run6(libs, traced, n6);
      run6(libs, traced, n6);
    }
    results[`dora4_${suffix}`] = Math.round(run4(libs, traced, n4));
    results[`dora4_${suffix}_per_cpu_s`] = Math.round(n4 / cpuSeconds);
    results[`sarr6_${suffix}`] = Math.round(run6(libs, traced, n6));
    results[`sarr6_${suffix}_per_cpu_s`] = Math.round(n6 / cpuSeconds);
    console.error(`  done: ${suffix}`);
  }
}
console.log(
  JSON.stringify({
    bench: 'server',
    unit: 'exchanges/s',
    clients4: CLIENTS4,
    clients6: CLIENTS6,
    ...results,
  }),
);
const line = (kind: 'dora4' | 'sarr6', suffix = '') =>
  [0, 1, 4]
    .map(
      (l) =>
        `${l} lib ${results[`${kind}_${l}lib${suffix}_per_cpu_s`]} (${results[`${kind}_${l}lib${suffix}`]} wall)`,
    )
    .join(', ');
console.log(
  `server, exchanges per CPU second (per wall-clock second): DORA ${line('dora4')}; ` +
    `traced DORA ${line('dora4', '_trace')}; SARR ${line('sarr6')}; traced SARR ${line('sarr6', '_trace')}; ` +
    'target >= 65000 DORA/s untraced, >= 6500 traced with 4 libraries',
);
