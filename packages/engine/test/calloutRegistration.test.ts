import { beforeEach, describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { NoSuchHook, NoSuchLibrary } from '../src/hooksErrors';
import { HooksManager } from '../src/hooksManager';
import { INT_MAX, KEA_HOOKS_VERSION } from '../src/keaVersion';
import { LibraryHandle } from '../src/libraryHandle';
import { ServerHooks } from '../src/serverHooks';
import * as selfRegistering from './libraries/selfRegisteringLibrary';
import { resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

function appender(digit: string) {
  return (handle: CalloutHandle): number => {
    handle.setArgument('result', `${handle.getArgument('result')}${digit}`);
    return 0;
  };
}

describe('C. callout registration', () => {
  it('R34 R38: calls run by library index, then registration order (Kea-style 12321 digits)', () => {
    // Registration order: post "9", lib 3 "3", lib 1 "1", pre "0", lib 2 "2", lib 3 "2",
    // lib 3 "1", lib 1 "2". Call order: 0, lib 1 (1 2), lib 2 (2), lib 3 (3 2 1), post 9.
    const handles: LibraryHandle[] = [];
    const grab = {
      version: () => KEA_HOOKS_VERSION,
      load: (h: LibraryHandle) => {
        handles.push(h);
        return 0;
      },
    };
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('alpha');
    const manager = new HooksManager({ serverHooks, resolveLibrary: () => grab });
    manager.loadLibraries([{ library: '/1' }, { library: '/2' }, { library: '/3' }]);
    const [one, two, three] = handles as [LibraryHandle, LibraryHandle, LibraryHandle];
    manager.postCalloutsLibraryHandle().registerCallout('alpha', appender('9'));
    three.registerCallout('alpha', appender('3'));
    one.registerCallout('alpha', appender('1'));
    manager.preCalloutsLibraryHandle().registerCallout('alpha', appender('0'));
    two.registerCallout('alpha', appender('2'));
    three.registerCallout('alpha', appender('2'));
    three.registerCallout('alpha', appender('1'));
    one.registerCallout('alpha', appender('2'));
    const handle = manager.createCalloutHandle();
    handle.setArgument('result', '');
    manager.callCallouts(serverHooks.getIndex('alpha'), handle);
    expect(handle.getArgument('result')).toBe('01223219');
  });

  it('R35 R40: library indexes other than 0, 1..N, INT_MAX and -1 throw NoSuchLibrary', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/index-digit.so'));
    const noop = () => 0;
    const cm = t.manager.preCalloutsLibraryHandle().calloutManager;
    for (const ok of [0, 1, INT_MAX, -1])
      expect(() => cm.registerCallout('alpha', noop, ok)).not.toThrow();
    for (const bad of [2, -2, INT_MAX - 1, 1.5]) {
      expect(() => cm.registerCallout('alpha', noop, bad)).toThrow(NoSuchLibrary);
    }
    expect(() => cm.registerCallout('nope', noop, 1)).toThrow(NoSuchHook);
  });

  it('R37 R38: exports named after hooks register before load() adds its own; framework hooks too', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/load-registers.so', '/lib/context.so'));
    expect(t.run('beta')).toBe('SL');
    expect(t.manager.calloutsPresent(ServerHooks.CONTEXT_CREATE)).toBe(true);
    expect(t.manager.calloutsPresent(ServerHooks.CONTEXT_DESTROY)).toBe(true);
    expect(t.ids().filter((id) => id === 'HOOKS_STD_CALLOUT_REGISTERED')).toHaveLength(4);
  });

  it('R37: hooks created after a library loaded are not rescanned; $ names are never auto-registered', () => {
    const exports = {
      version: () => KEA_HOOKS_VERSION,
      late_hook: appender('x'),
      $foo_bar: appender('y'),
    };
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('$foo_bar');
    const manager = new HooksManager({ serverHooks, resolveLibrary: () => exports });
    manager.loadLibraries([{ library: '/x' }]);
    const late = serverHooks.registerHook('late_hook');
    expect(manager.calloutsPresent(late)).toBe(false);
    expect(manager.commandHandlersPresent('foo-bar')).toBe(false);
  });

  it('R39 R41: the same callout twice runs twice; deregistering removes every copy of that library only', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/load-registers.so', '/lib/load-registers.so'));
    expect(t.run('gamma')).toBe('LLLL');
    const pre = t.manager.preCalloutsLibraryHandle();
    expect(pre.deregisterAllCallouts('gamma')).toBe(false);
    const lib1 = new LibraryHandle(pre.calloutManager, 1);
    const appendL = lib1.calloutManager.getCallouts(t.hook('gamma'))[0]?.callout;
    expect(appendL).toBeDefined();
    expect(lib1.deregisterCallout('gamma', appendL as never)).toBe(true);
    expect(lib1.deregisterCallout('gamma', appendL as never)).toBe(false);
    expect(t.run('gamma')).toBe('LL');
    expect(t.ids()).toContain('HOOKS_CALLOUT_DEREGISTERED');
    expect(() => lib1.deregisterCallout('nope', appendL as never)).toThrow(NoSuchHook);
  });

  it('R42: deregisterAllCallouts removes only the calling library entries on that hook', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/load-registers.so', '/lib/load-registers.so'));
    const cm = t.manager.preCalloutsLibraryHandle().calloutManager;
    expect(cm.deregisterAllCallouts('beta', 2)).toBe(true);
    expect(cm.deregisterAllCallouts('beta', 2)).toBe(false);
    expect(t.run('beta')).toBe('SL');
    expect(t.run('gamma')).toBe('LLLL');
    expect(() => cm.deregisterAllCallouts('nope', 1)).toThrow(NoSuchHook);
  });

  it('R43 R44: a callout registering on its own running hook takes effect from the next call', () => {
    selfRegistering.resetCalls();
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/self-registering.so'));
    expect(t.run('alpha')).toBe('A');
    expect(t.run('alpha')).toBe('AZ');
    expect(t.run('alpha')).toBe('Z');
  });

  it('R45: calloutsPresent is true only with callouts and throws for an unknown index', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/index-digit.so'));
    expect(t.manager.calloutsPresent(t.hook('alpha'))).toBe(true);
    expect(t.manager.calloutsPresent(t.hook('beta'))).toBe(false);
    expect(() => t.manager.calloutsPresent(t.serverHooks.getCount())).toThrow(NoSuchHook);
    expect(() => t.manager.calloutsPresent(-1)).toThrow(NoSuchHook);
  });
});
