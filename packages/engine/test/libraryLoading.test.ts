import { beforeEach, describe, expect, it } from 'vitest';
import { LibrariesStillOpened } from '../src/hooksErrors';
import { HooksManager } from '../src/hooksManager';
import { KEA_HOOKS_VERSION } from '../src/keaVersion';
import type { LibraryHandle } from '../src/libraryHandle';
import { journal, resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

describe('B. loading and unloading libraries', () => {
  it('R13 R15 R18: a library without version() is refused; neither load() nor unload() runs', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs('/lib/noVersion.so'))).toBe(false);
    expect(journal).toEqual([]);
    expect(t.ids()).toContain('HOOKS_NO_VERSION');
    expect(t.manager.getLibraryNames()).toEqual([]);
    expect(t.manager.calloutsPresent(t.hook('alpha'))).toBe(false);
  });

  it('R14 R15: a different version number, or a throwing version(), refuses the library', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs('/lib/badVersion.so'))).toBe(false);
    const record = t.records.find((r) => r.id === 'HOOKS_INCORRECT_VERSION');
    expect(record?.args).toEqual(['/lib/badVersion.so', '1', String(KEA_HOOKS_VERSION)]);
    expect(record?.severity).toBe('ERROR');
    expect(t.manager.loadLibraries(libs('/lib/throwingVersion.so'))).toBe(false);
    expect(t.ids()).toContain('HOOKS_VERSION_EXCEPTION');
    expect(journal).toEqual([]);
  });

  it('R14: under Kea 2.2.0 a library must return 20200, and one built for 3.3.1 is refused', () => {
    const t = createTestManager({ keaVersion: '2.2.0' });
    expect(t.manager.hooksVersion).toBe(20200);
    expect(t.manager.loadLibraries(libs('/lib/index-digit.so'))).toBe(false);
    resetTestBuild(20200);
    expect(t.manager.loadLibraries(libs('/lib/index-digit.so'))).toBe(true);
  });

  it('R16: with multi-threading off the check is skipped; on, absent/0/throwing refuse', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs('/lib/mtAbsent.so', '/lib/mtZero.so'), false)).toBe(true);
    for (const name of ['mtAbsent', 'mtZero', 'mtThrows']) {
      expect(t.manager.loadLibraries(libs(`/lib/${name}.so`), true)).toBe(false);
    }
    expect(
      t.ids().filter((id) => id === 'HOOKS_LIBRARY_MULTI_THREADING_NOT_COMPATIBLE'),
    ).toHaveLength(2);
    expect(t.ids()).toContain('HOOKS_MULTI_THREADING_COMPATIBLE_EXCEPTION');
    expect(t.manager.loadLibraries(libs('/lib/index-digit.so'), true)).toBe(true);
    expect(t.ids()).toContain('HOOKS_LIBRARY_MULTI_THREADING_COMPATIBLE');
    // refused by a check: load() was never called for the MT failures
    expect(journal.filter((line) => line.startsWith('load mt'))).toEqual([
      'load mtAbsent',
      'load mtZero',
    ]);
  });

  it('R17: newest Kea checks the configuration being applied', () => {
    const t = createTestManager();
    expect(t.manager.validateLibraries(libs('/lib/mtAbsent.so'), true)).toEqual([
      '/lib/mtAbsent.so',
    ]);
    expect(t.manager.loadLibraries(libs('/lib/mtAbsent.so'), true)).toBe(false);
    expect(t.manager.loadLibraries(libs('/lib/mtAbsent.so'), false)).toBe(true);
  });

  it('R17: Kea 2.2.0 checks the running mode: the previous configuration, single-threaded at start', () => {
    resetTestBuild(20200);
    const t = createTestManager({ keaVersion: '2.2.0' });
    expect(t.manager.getMultiThreadingMode()).toBe(false);
    // first start with multi-threading on: the process is still single-threaded
    expect(t.manager.validateLibraries(libs('/lib/mtAbsent.so'), true)).toEqual([]);
    expect(t.manager.loadLibraries(libs('/lib/mtAbsent.so'), true)).toBe(true);
    expect(t.manager.getMultiThreadingMode()).toBe(true);
    // reconfiguring to single-threaded: the check still sees multi-threading
    expect(t.manager.validateLibraries(libs('/lib/mtAbsent.so'), false)).toEqual([
      '/lib/mtAbsent.so',
    ]);
    expect(t.manager.loadLibraries(libs('/lib/index-digit.so'), false)).toBe(true);
    expect(t.manager.getMultiThreadingMode()).toBe(false);
    expect(t.manager.loadLibraries(libs('/lib/mtAbsent.so'), true)).toBe(true);
    t.manager.setMultiThreadingMode(true);
    expect(t.manager.loadLibraries(libs('/lib/mtZero.so'), false)).toBe(false);
  });

  it('R19 R20: a load() returning non-zero gets its unload() and loses every callout', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs('/lib/failingLoad.so'))).toBe(false);
    expect(journal).toEqual(['load failingLoad', 'unload failingLoad']);
    expect(t.manager.calloutsPresent(t.hook('alpha'))).toBe(false);
    expect(t.records.find((r) => r.id === 'HOOKS_LOAD_ERROR')?.args).toEqual([
      '/lib/failingLoad.so',
      '1',
    ]);
  });

  it('R19 R21: load() throwing, or registering on an unknown hook, is a load failure', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs('/lib/throwingLoad.so'))).toBe(false);
    expect(t.manager.loadLibraries(libs('/lib/unknownHookLoad.so'))).toBe(false);
    expect(journal).toEqual([
      'load throwingLoad',
      'unload throwingLoad',
      'load unknownHookLoad',
      'unload unknownHookLoad',
    ]);
    const thrown = t.records.filter((r) => r.id === 'HOOKS_LOAD_EXCEPTION').map((r) => r.args[1]);
    expect(thrown).toEqual(['cannot initialise', "hook name 'no_such_hook' is not recognised"]);
  });

  it('R22: the same library listed three times gets indexes 1, 2, 3 and runs three times', () => {
    const t = createTestManager();
    const list = libs('/lib/index-digit.so', '/lib/index-digit.so', '/lib/index-digit.so');
    expect(t.manager.loadLibraries(list)).toBe(true);
    expect(t.run('alpha')).toBe('123');
    expect(t.manager.getLibraryNames()).toEqual(list.map((l) => l.library));
  });

  it('R22 R23: a failing load() after earlier libraries loaded unloads them, last first', () => {
    const t = createTestManager();
    const list = libs(
      ['/lib/named.so', { name: 'A' }],
      ['/lib/named.so', { name: 'B' }],
      '/lib/failingLoad.so',
      ['/lib/named.so', { name: 'never' }],
    );
    expect(t.manager.loadLibraries(list)).toBe(false);
    expect(journal).toEqual([
      'load A',
      'load B',
      'load failingLoad',
      'unload failingLoad',
      'unload B',
      'unload A',
    ]);
    expect(t.manager.getLibraryNames()).toEqual([]);
    expect(t.run('alpha')).toBe('');
  });

  it('R23 R24: a failed reload leaves nothing loaded, not even the previous set', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs(['/lib/named.so', { name: 'old' }]))).toBe(true);
    expect(t.manager.loadLibraries(libs('/lib/badVersion.so'))).toBe(false);
    expect(journal).toEqual(['load old', 'unload old']);
    expect(t.manager.getLibraryNames()).toEqual([]);
    expect(t.run('alpha')).toBe('');
  });

  it('R24 R26 R30: loading again unloads the current set last-first and wipes pre/post callouts', () => {
    const t = createTestManager();
    const list = libs(['/lib/named.so', { name: 'A' }], ['/lib/named.so', { name: 'B' }]);
    expect(t.manager.loadLibraries(list)).toBe(true);
    t.manager.preCalloutsLibraryHandle().registerCallout('alpha', (h) => {
      h.setArgument('result', `${h.getArgument('result')}<`);
      return 0;
    });
    expect(t.run('alpha')).toBe('<nn');
    expect(t.manager.loadLibraries(list)).toBe(true);
    expect(journal).toEqual(['load A', 'load B', 'unload B', 'unload A', 'load A', 'load B']);
    expect(t.run('alpha')).toBe('nn');
  });

  it('R25: validation opens and checks every library, reports all failures, never calls load()', () => {
    const t = createTestManager();
    const failing = t.manager.validateLibraries(
      libs('/lib/badVersion.so', '/lib/index-digit.so', '/lib/missing.so', '/lib/mtAbsent.so'),
      true,
    );
    expect(failing).toEqual(['/lib/badVersion.so', '/lib/missing.so', '/lib/mtAbsent.so']);
    expect(journal).toEqual([]);
    expect(t.manager.getLibraryNames()).toEqual([]);
    expect(t.ids()).toContain('HOOKS_OPEN_ERROR');
  });

  it('R26 R27: unload() runs once, last library first; a throwing or failing unload() is only logged', () => {
    const t = createTestManager();
    const list = libs(
      '/lib/throwingUnload.so',
      ['/lib/named.so', { name: 'B' }],
      '/lib/failingUnload.so',
    );
    expect(t.manager.loadLibraries(list)).toBe(true);
    t.manager.prepareUnloadLibraries();
    expect(t.manager.calloutsPresent(t.hook('alpha'))).toBe(false);
    expect(t.manager.unloadLibraries()).toBe(true);
    expect(journal.filter((l) => l.startsWith('unload'))).toEqual([
      'unload failingUnload',
      'unload B',
      'unload throwingUnload',
    ]);
    expect(t.ids()).toContain('HOOKS_UNLOAD_EXCEPTION');
    expect(t.records.find((r) => r.id === 'HOOKS_UNLOAD_ERROR')?.args).toEqual([
      '/lib/failingUnload.so',
      '3',
    ]);
    expect(t.manager.getLibraryNames()).toEqual([]);
  });

  it('R28: an unreleased handle keeps its library set: unload refuses, load throws', () => {
    const t = createTestManager();
    expect(t.manager.loadLibraries(libs(['/lib/named.so', { name: 'A' }]))).toBe(true);
    const handle = t.manager.createCalloutHandle();
    expect(t.manager.getOpenHandleCount()).toBe(1);
    expect(t.manager.unloadLibraries()).toBe(false);
    expect(() => t.manager.loadLibraries([])).toThrow(LibrariesStillOpened);
    expect(t.manager.getLibraryNames()).toEqual(['/lib/named.so']);
    expect(journal).toEqual(['load A']);
    handle.release();
    handle.release();
    expect(t.manager.getOpenHandleCount()).toBe(0);
    expect(t.manager.unloadLibraries()).toBe(true);
    expect(journal).toEqual(['load A', 'unload A']);
  });

  it('R29: loading and unloading empty the parking lots without unparking', () => {
    const t = createTestManager();
    const lot = t.manager.getParkingLot('leases4_committed');
    const events: string[] = [];
    lot.park(
      'q1',
      () => events.push('unparked q1'),
      () => events.push('discarded q1'),
    );
    expect(t.manager.loadLibraries(libs('/lib/index-digit.so'))).toBe(true);
    expect(lot.size()).toBe(0);
    lot.park('q2', () => events.push('unparked q2'));
    expect(t.manager.unloadLibraries()).toBe(true);
    expect(lot.size()).toBe(0);
    expect(events).toEqual(['discarded q1']);
  });

  it('R32 R106: parameters as configured; non-map parameters load but give no parameter', () => {
    const seen: unknown[] = [];
    const probe = {
      version: () => KEA_HOOKS_VERSION,
      load: (handle: LibraryHandle) => {
        seen.push([
          handle.getParameters(),
          handle.getParameterNames(),
          handle.getParameter('mail'),
        ]);
        return 0;
      },
    };
    const manager = new HooksManager({ resolveLibrary: () => probe });
    const mapped = { mail: 'a@b', floor: 13, debug: false, users: ['a'], languages: { en: 1 } };
    expect(
      manager.loadLibraries([{ library: '/p1' }, { library: '/p2', parameters: mapped }]),
    ).toBe(true);
    const notAMap = [1, 2] as unknown as Record<string, unknown>;
    expect(manager.loadLibraries([{ library: '/p3', parameters: notAMap }])).toBe(true);
    expect(seen).toEqual([
      [undefined, [], undefined],
      [mapped, ['debug', 'floor', 'languages', 'mail', 'users'], 'a@b'],
      [[1, 2], [], undefined],
    ]);
    expect(manager.preCalloutsLibraryHandle().getParameters()).toBeUndefined();
    expect(manager.postCalloutsLibraryHandle().getParameter('mail')).toBeUndefined();
  });

  it('R33: the library names and infos of the loaded set, in order', () => {
    const t = createTestManager();
    const list = libs('/lib/index-digit.so', ['/lib/named.so', { name: 'x' }]);
    t.manager.loadLibraries(list);
    expect(t.manager.getLibraryNames()).toEqual(['/lib/index-digit.so', '/lib/named.so']);
    expect(t.manager.getLibraryInfo()).toEqual(list);
  });

  it('a path the resolver does not know, or a resolver that throws, fails like a missing file', () => {
    const seen: string[] = [];
    const manager = new HooksManager({
      resolveLibrary: (path) => {
        if (path === '/throws') throw new Error('compile error');
        return undefined;
      },
      logger: { log: (r) => seen.push(`${r.id} ${r.text}`) },
    });
    expect(manager.loadLibraries([{ library: '/missing' }])).toBe(false);
    expect(manager.validateLibraries([{ library: '/throws' }])).toEqual(['/throws']);
    expect(seen.filter((line) => line.startsWith('HOOKS_OPEN_ERROR'))).toHaveLength(2);
    expect(seen.some((line) => line.includes('compile error'))).toBe(true);
  });
});
