import { beforeEach, describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { HooksManager } from '../src/hooksManager';
import type { HooksObserver } from '../src/hooksObserver';
import { KEA_HOOKS_VERSION } from '../src/keaVersion';
import { ServerHooks } from '../src/serverHooks';
import * as contextLibrary from './libraries/contextLibrary';
import { resetTestBuild } from './libraries/testBuild';
import * as throwingCallouts from './libraries/throwingCallouts';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

function recordingObserver(events: string[], serverHooks: () => ServerHooks): HooksObserver {
  const name = (i: number) => serverHooks().getName(i);
  return {
    hookStart: (hook, h) => events.push(`start ${name(hook)} status=${h.getStatus()}`),
    calloutStart: (hook, lib, callout) =>
      events.push(`  call ${name(hook)} ${lib} ${callout.name}`),
    calloutEnd: (hook, lib, _callout, h, outcome) =>
      events.push(
        `  end ${name(hook)} ${lib} ${'thrown' in outcome ? `threw ${String(outcome.thrown)}` : `returned ${outcome.returned}`} status=${h.getStatus()}`,
      ),
    hookEnd: (hook, h) => events.push(`end ${name(hook)} status=${h.getStatus()}`),
  };
}

describe('HooksObserver', () => {
  it('reports each hook with callouts, each callout, its outcome and the status', () => {
    const events: string[] = [];
    let hooks: ServerHooks | undefined;
    const t = createTestManager({
      observer: recordingObserver(events, () => hooks as ServerHooks),
    });
    hooks = t.serverHooks;
    t.manager.loadLibraries(libs('/lib/context.so', '/lib/throwing-callouts.so'));
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), handle);
    t.manager.callCallouts(t.hook('beta'), handle);
    t.manager.callCallouts(t.hook('leases4_committed'), handle);
    handle.release();
    expect(events).toEqual([
      'start context_create status=0',
      '  call context_create 1 context_create',
      '  end context_create 1 returned 0 status=0',
      'end context_create status=0',
      'start alpha status=0',
      '  call alpha 1 alpha',
      '  end alpha 1 returned 0 status=0',
      '  call alpha 2 alpha',
      '  end alpha 2 threw Error: boom status=0',
      'end alpha status=2',
      'start beta status=0',
      '  call beta 2 beta',
      '  end beta 2 threw boom status=0',
      'end beta status=2',
      'start context_destroy status=0',
      '  call context_destroy 1 context_destroy',
      '  end context_destroy 1 returned 0 status=0',
      'end context_destroy status=0',
    ]);
  });

  it('R53: under 2.2.0 hookEnd still comes when a thrown value escapes', () => {
    resetTestBuild(20200);
    const events: string[] = [];
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('beta');
    const manager = new HooksManager({
      serverHooks,
      keaVersion: '2.2.0',
      resolveLibrary: () => throwingCallouts,
      observer: recordingObserver(events, () => serverHooks),
    });
    manager.loadLibraries([{ library: '/t' }]);
    const handle = manager.createCalloutHandle();
    expect(() => manager.callCallouts(serverHooks.getIndex('beta'), handle)).toThrow();
    expect(events).toEqual([
      'start beta status=0',
      '  call beta 1 beta',
      '  end beta 1 threw boom status=0',
      'end beta status=0',
    ]);
  });

  it('costs nothing when absent: no clock reads and no records on the callout path', () => {
    let clockReads = 0;
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('alpha');
    const build = (observer?: HooksObserver) =>
      new HooksManager({
        serverHooks,
        resolveLibrary: () => contextLibrary,
        observer,
        now: () => ++clockReads,
      });
    const quiet = build();
    quiet.loadLibraries([{ library: '/c' }]);
    const handle = quiet.createCalloutHandle();
    handle.setArgument('result', '');
    quiet.callCallouts(serverHooks.getIndex('alpha'), handle);
    handle.release();
    expect(clockReads).toBe(0);
    expect(handle.isReleased()).toBe(true);
  });

  it('debug records are built only when the logger wants them (isEnabled)', () => {
    const quiet = createTestManager({ enabled: (_logger, severity) => severity !== 'DEBUG' });
    quiet.manager.loadLibraries(libs('/lib/index-digit.so'));
    quiet.run('alpha');
    expect(quiet.ids().filter((id) => id.startsWith('HOOKS_CALLOUT'))).toEqual([]);
    const chatty = createTestManager({ enabled: () => true });
    chatty.manager.loadLibraries(libs('/lib/index-digit.so'));
    chatty.run('alpha');
    expect(chatty.ids().slice(-3)).toEqual([
      'HOOKS_CALLOUTS_BEGIN',
      'HOOKS_CALLOUT_CALLED',
      'HOOKS_CALLOUTS_COMPLETE',
    ]);
    const called = chatty.records.find((r) => r.id === 'HOOKS_CALLOUT_CALLED');
    expect(called).toMatchObject({ logger: 'callouts', severity: 'DEBUG', debuglevel: 55 });
  });

  it('an observer may look at the handle before and after each callout', () => {
    const snapshots: string[] = [];
    const observer: HooksObserver = {
      calloutStart: (_h, _l, _c, handle: CalloutHandle) =>
        snapshots.push(`before ${handle.getArgumentNames().join(',')}`),
      calloutEnd: (_h, _l, _c, handle: CalloutHandle) =>
        snapshots.push(`after ${handle.getArgument('result')}`),
    };
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('alpha');
    const manager = new HooksManager({
      serverHooks,
      observer,
      resolveLibrary: () => ({
        version: () => KEA_HOOKS_VERSION,
        alpha: (h: CalloutHandle) => {
          h.setArgument('result', 'x');
          return 0;
        },
      }),
    });
    manager.loadLibraries([{ library: '/a' }]);
    const handle = manager.createCalloutHandle();
    handle.setArgument('query4', 1);
    manager.callCallouts(serverHooks.getIndex('alpha'), handle);
    expect(snapshots).toEqual(['before query4', 'after x']);
  });
});
