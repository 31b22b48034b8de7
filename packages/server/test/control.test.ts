import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { Logger } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { config4, discover, makeServer, request } from './helpers';

/** Registers command_processed; replaces every answer to version-get. */
const answerRewriter: LibraryModule = {
  version: () => 20200,
  command_processed(handle: CalloutHandle) {
    if (handle.getArgument('name') === 'version-get')
      handle.setArgument('response', { result: 0, text: 'rewritten' });
    return 0;
  },
};

/** load() fails (returns 1). */
const failingLoad: LibraryModule = { version: () => 20200, load: () => 1 };

/** Registers the command "hello-world" answering with its own text. */
const helloCommand: LibraryModule = {
  version: () => 20200,
  load(handle) {
    handle.registerCommandCallout('hello-world', (h: CalloutHandle) => {
      h.setArgument('response', { result: 0, text: 'hello' });
      return 0;
    });
    return 0;
  },
};

const debugLogger = new Logger('chatty', { CHATTY_SEEN: 'packet seen: %1' });
/** Logs CHATTY_SEEN at debug level 50 from pkt4_receive. */
const chatty: LibraryModule = {
  version: () => 20200,
  pkt4_receive() {
    debugLogger.debug(50, 'CHATTY_SEEN', 'yes');
    return 0;
  },
};

describe('configuration as Kea applies it', () => {
  it('a rejected configuration keeps the previous one', () => {
    const { server } = makeServer('dhcp4', {}, { keaVersion: '2.2.0' });
    expect(server.configure(config4()).result).toBe(0);
    const bad = server.configure({ Dhcp4: { 'no-such-keyword': 1 } });
    expect(bad.result).toBe(1);
    expect(bad.text).toContain('no-such-keyword');
    const get = server.command({ command: 'config-get' });
    expect((get.arguments as { Dhcp4: { subnet4: unknown[] } }).Dhcp4.subnet4).toHaveLength(1);
    expect(server.receive(discover())).toHaveLength(1);
  });

  it('keeps keys Kea accepts but the simulation does not model, for config-get', () => {
    const { server } = makeServer('dhcp4', {});
    expect(
      server.configure(config4([], { 'sanity-checks': { 'lease-checks': 'warn' } })).result,
    ).toBe(0);
    const get = server.command({ command: 'config-get' });
    expect((get.arguments as { Dhcp4: Record<string, unknown> }).Dhcp4['sanity-checks']).toEqual({
      'lease-checks': 'warn',
    });
  });

  it('a library that fails to load leaves no library loaded', () => {
    const { server } = makeServer(
      'dhcp4',
      { '/lib/hello.so': helloCommand, '/lib/bad.so': failingLoad },
      { keaVersion: '2.2.0' },
    );
    expect(server.configure(config4([{ library: '/lib/hello.so' }])).result).toBe(0);
    expect(server.command({ command: 'hello-world' }).text).toBe('hello');
    const answer = server.configure(
      config4([{ library: '/lib/hello.so' }, { library: '/lib/bad.so' }]),
    );
    expect(answer.result).toBe(1);
    expect(server.command({ command: 'hello-world' }).result).toBe(2);
  });

  it('R24: a load failure rolls the configuration back under 2.2.0, keeps it under the newest', () => {
    const modules = { '/lib/bad.so': { ...failingLoad, version: () => 20200 } };
    const old = makeServer('dhcp4', modules, { keaVersion: '2.2.0' });
    old.server.configure(config4());
    const withBad = config4([{ library: '/lib/bad.so' }], { 'valid-lifetime': 99 });
    expect(old.server.configure(withBad).result).toBe(1);
    const kept = old.server.command({ command: 'config-get' }).arguments as {
      Dhcp4: Record<string, unknown>;
    };
    expect(kept.Dhcp4['valid-lifetime']).toBe(4000);
    const newest = makeServer('dhcp4', {
      '/lib/bad.so': { ...failingLoad, version: () => 30301, multi_threading_compatible: () => 1 },
    });
    newest.server.configure(config4());
    expect(newest.server.configure(withBad).result).toBe(1);
    const taken = newest.server.command({ command: 'config-get' }).arguments as {
      Dhcp4: Record<string, unknown>;
    };
    expect(taken.Dhcp4['valid-lifetime']).toBe(99);
  });

  it('reports client-class test expressions as not evaluated', () => {
    const { server, log } = makeServer('dhcp4', {});
    server.configure(
      config4([], {
        'client-classes': [{ name: 'phones', test: "substring(option[60].hex,0,4) == 'SIPp'" }],
      }),
    );
    const warning = log.find((r) => r.id === 'DHCP4_CLASS_UNEVALUATED');
    expect(warning?.severity).toBe('WARN');
    expect(warning?.text).toContain('phones');
  });

  it('shows a library debug message only when the loggers ask for that level', () => {
    for (const [level, expected] of [
      [40, false],
      [50, true],
    ] as const) {
      const { server, log } = makeServer(
        'dhcp4',
        { '/lib/chatty.so': chatty },
        { keaVersion: '2.2.0' },
      );
      server.configure(
        config4([{ library: '/lib/chatty.so' }], {
          loggers: [{ name: 'kea-dhcp4', severity: 'DEBUG', debuglevel: level }],
        }),
      );
      server.receive(discover());
      const record = log.find((r) => r.id === 'CHATTY_SEEN');
      expect(record !== undefined).toBe(expected);
      if (record) expect(record.logger).toBe('kea-dhcp4.chatty');
    }
  });
});

describe('control commands', () => {
  it('answers unknown commands with result 2, as Kea', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    expect(server.command({ command: 'no-such-command' })).toEqual({
      result: 2,
      text: "'no-such-command' command not supported.",
    });
  });

  it('lists built-in and library commands, sorted; libreload only where it exists', () => {
    const old = makeServer('dhcp4', { '/lib/hello.so': helloCommand }, { keaVersion: '2.2.0' });
    old.server.configure(config4([{ library: '/lib/hello.so' }]));
    const names = old.server.command({ command: 'list-commands' }).arguments as string[];
    expect(names).toContain('hello-world');
    expect(names).toContain('libreload');
    expect([...names].sort()).toEqual(names);
    const newest = makeServer('dhcp4', {});
    newest.server.configure(config4());
    expect(newest.server.command({ command: 'list-commands' }).arguments).not.toContain(
      'libreload',
    );
  });

  it('R83 R86: handlers that leave no response: command_processed sees none, the answer is an error', () => {
    const seen: unknown[] = [];
    const silent: LibraryModule = {
      version: () => 20200,
      load(handle) {
        handle.registerCommandCallout('version-get', () => 0);
        return 0;
      },
      command_processed(handle: CalloutHandle) {
        seen.push(handle.getArgument('response'));
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/s.so': silent }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/s.so' }]));
    // the built-in version-get is not called: the library's handler took the command over
    expect(server.command({ command: 'version-get' })).toEqual({
      result: 1,
      text: 'internal server error: no response generated',
    });
    expect(seen).toEqual([undefined]);
  });

  it("R85: list-commands stays the server's even when a library registers it", () => {
    const grabber: LibraryModule = {
      version: () => 20200,
      load(handle) {
        handle.registerCommandCallout('list-commands', (h: CalloutHandle) => {
          h.setArgument('response', { result: 0, arguments: ['mine'] });
          return 0;
        });
        return 0;
      },
    };
    const { server } = makeServer('dhcp4', { '/lib/g.so': grabber }, { keaVersion: '2.2.0' });
    server.configure(config4([{ library: '/lib/g.so' }]));
    const answer = server.command({ command: 'list-commands' });
    expect(answer.arguments).toContain('version-get');
    expect(answer.arguments).not.toContain('mine');
  });

  it('lets command_processed replace the answer', () => {
    const { server } = makeServer(
      'dhcp4',
      { '/lib/rw.so': answerRewriter },
      { keaVersion: '2.2.0' },
    );
    server.configure(config4([{ library: '/lib/rw.so' }]));
    expect(server.command({ command: 'version-get' })).toEqual({ result: 0, text: 'rewritten' });
  });

  it('counts packets with Kea statistic names', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    server.receive(discover());
    server.receive(request('192.0.2.100'));
    const get = server.command({ command: 'statistic-get', arguments: { name: 'pkt4-received' } });
    expect((get.arguments as Record<string, [number, string][]>)['pkt4-received']?.[0]?.[0]).toBe(
      2,
    );
    expect(server.statistic('pkt4-offer-sent')).toBe(1);
    expect(server.statistic('pkt4-ack-sent')).toBe(1);
    expect(server.statistic('subnet[1].assigned-addresses')).toBe(1);
    expect(
      server.command({ command: 'statistic-reset', arguments: { name: 'pkt4-received' } }).result,
    ).toBe(0);
    expect(server.statistic('pkt4-received')).toBe(0);
  });

  it('drops queries while DHCP is disabled', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    expect(server.command({ command: 'dhcp-disable' }).result).toBe(0);
    expect(server.receive(discover())).toEqual([]);
    server.command({ command: 'dhcp-enable' });
    expect(server.receive(discover())).toHaveLength(1);
  });

  it('config-write writes the configuration to the workspace', () => {
    const { server } = makeServer('dhcp4', {});
    server.configure(config4());
    const answer = server.command({
      command: 'config-write',
      arguments: { filename: '/etc/kea/out.json' },
    });
    expect(answer.result).toBe(0);
    const file = server.files().find((f) => f.path === '/etc/kea/out.json');
    expect(JSON.parse(file?.text ?? '{}').Dhcp4.subnet4).toHaveLength(1);
  });
});

describe('lease expiry on the simulated clock', () => {
  it('reclaims an expired lease with lease4_expire when the timer runs', () => {
    const expired: string[] = [];
    const lib: LibraryModule = {
      version: () => 20200,
      lease4_expire(handle: CalloutHandle) {
        expired.push(
          `${handle.getArgument<{ addr: string }>('lease4').addr} remove=${handle.getArgument('remove_lease')}`,
        );
        return 0;
      },
    };
    const { server, clock } = makeServer('dhcp4', { '/lib/exp.so': lib }, { keaVersion: '2.2.0' });
    server.configure(
      config4([{ library: '/lib/exp.so' }], {
        'valid-lifetime': 3,
        'expired-leases-processing': { 'reclaim-timer-wait-time': 1 },
      }),
    );
    server.receive(discover());
    server.receive(request('192.0.2.100'));
    for (let i = 0; i < 2; i++) {
      clock.now += 1000;
      server.advance(1);
    }
    expect(expired).toEqual([]);
    for (let i = 0; i < 3; i++) {
      clock.now += 1000;
      server.advance(1);
    }
    expect(expired).toEqual(['192.0.2.100 remove=false']);
    expect(server.leases()[0]?.stateName).toBe('expired-reclaimed');
  });

  it('logs every reclamation run under the alloc-engine logger, an empty one too (as Kea)', () => {
    const { server, log, clock } = makeServer('dhcp4', {}, { keaVersion: '2.2.0' });
    server.configure(
      config4([], {
        'expired-leases-processing': { 'reclaim-timer-wait-time': 1 },
        loggers: [{ name: 'kea-dhcp4', severity: 'DEBUG', debuglevel: 99 }],
      }),
    );
    clock.now += 1000;
    server.advance(1);
    const runs = log.filter((r) => r.id.startsWith('ALLOC_ENGINE_V4_LEASES_RECLAMATION'));
    expect(runs.map((r) => `${r.logger} ${r.id}`)).toEqual([
      'kea-dhcp4.alloc-engine ALLOC_ENGINE_V4_LEASES_RECLAMATION_START',
      'kea-dhcp4.alloc-engine ALLOC_ENGINE_V4_LEASES_RECLAMATION_COMPLETE',
    ]);
  });
});
