import { EXAMPLE_WORKSPACES } from '@hookscope/libraries';
import { describe, expect, it } from 'vitest';
import { runCollected } from './runCollected';

const play = runCollected;

const CONFIG = (library: string) => `{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "eth0" ] },
    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] } ],
    "hooks-libraries": [ { "library": "${library}" } ]
  }
}`;

describe('the default runtime (real server and libraries)', () => {
  it('runs the tutorial example to its log line', () => {
    const example = EXAMPLE_WORKSPACES.find((e) => e.id === 'tutorial');
    if (!example) throw new Error('no tutorial example');
    const { summary, steps } = play({
      family: 'dhcp4',
      keaVersion: '3.3.1',
      config: example.config,
      libraries: [],
      steps: example.steps.flatMap((s, i) =>
        s.kind === 'packet' ? [{ kind: 'packet' as const, id: `s${i}`, hex: s.hex }] : [],
      ),
      budgetMs: 2000,
    });
    expect(summary.failure).toBeUndefined();
    expect(summary.configure?.result).toBe(0);
    expect(summary.commands).toEqual(expect.arrayContaining(['list-commands', 'status-get']));
    expect(steps.every((s) => s.kind !== 'packet' || s.responses.length === 1)).toBe(true);
    const trace = summary.trace as {
      format: string;
      libraries: { library: string }[];
      events: { type: string; hook?: string; library?: number }[];
      requests: { kind: string; summary: string }[];
    };
    // The server labels each request, so the debugger's overview can name the packets.
    expect(trace.requests.filter((r) => r.kind === 'packet').map((r) => r.summary)).toEqual([
      'DHCPDISCOVER xid=0x1001 from 00:0c:01:02:03:06',
      'DHCPDISCOVER xid=0x1002 from 00:0c:01:02:03:05',
    ]);
    expect(trace.events.filter((e) => e.type === 'response')).toHaveLength(2);
    expect(trace.format).toBe('hookscope-trace');
    expect(trace.libraries.map((l) => l.library)).toEqual([
      '/usr/local/lib/hookscope/libtutorial.so',
    ]);
    expect(trace.events.filter((e) => e.type === 'callout').map((e) => e.hook)).toEqual([
      'pkt4_receive',
      'pkt4_send',
      'pkt4_receive',
      'pkt4_send',
    ]);
    expect(trace.events.some((e) => e.type === 'file-write')).toBe(true);
    expect(trace.events.some((e) => e.type === 'command')).toBe(false);
    const log = summary.files.find((f) => f.path === '/data/clients/interesting.log');
    expect(log?.content).toMatch(/^hwtype=1 00:0c:01:02:03:06 192\.0\.2\.\d+\n$/);
  });

  it('runs a user TypeScript library that imports the engine, dhcp and files modules', () => {
    const source = `import { type CalloutHandle, KEA_HOOKS_VERSION, Logger, NextStep } from '@hookscope/engine';
import type { Pkt4 } from '@hookscope/dhcp';
import { files } from '@hookscope/files';
const logger = new Logger('mine', { MINE_SEEN: 'saw %1' });
export function version(): number { return KEA_HOOKS_VERSION; }
export function pkt4_receive(handle: CalloutHandle): number {
  const query = handle.getArgument<Pkt4>('query4');
  logger.info('MINE_SEEN', query.getHWAddr().toText(false));
  files.append('/data/seen.log', query.getHWAddr().toText(false) + '\\n');
  handle.setStatus(NextStep.DROP);
  return 0;
}`;
    const path = '/usr/lib/kea/hooks/libmine.so';
    const { summary, hooks, log, steps } = play({
      family: 'dhcp4',
      keaVersion: '2.2.0',
      config: CONFIG(path),
      libraries: [{ path, language: 'ts', source }],
      steps: [
        {
          kind: 'packet',
          id: 'p',
          hex:
            EXAMPLE_WORKSPACES[0]?.steps[0]?.kind === 'packet'
              ? EXAMPLE_WORKSPACES[0].steps[0].hex
              : '',
        },
      ],
      budgetMs: 2000,
    });
    expect(summary.failure).toBeUndefined();
    expect(summary.configure?.result).toBe(0);
    expect(steps).toEqual([{ step: 'p', kind: 'packet', responses: [] }]);
    expect(hooks).toContainEqual(
      expect.objectContaining({ hook: 'pkt4_receive', library: 1, statusAfter: 2 }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ id: 'MINE_SEEN', logger: 'kea-dhcp4.mine' }),
    );
    expect(summary.files).toContainEqual({
      path: '/data/seen.log',
      content: '00:0c:01:02:03:06\n',
    });
  });
});
