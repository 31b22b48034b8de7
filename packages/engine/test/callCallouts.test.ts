import { beforeEach, describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { NoSuchHook } from '../src/hooksErrors';
import { NextStep } from '../src/nextStep';
import { resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

function call(t: ReturnType<typeof createTestManager>, hook: string): CalloutHandle {
  const handle = t.manager.createCalloutHandle();
  handle.setArgument('result', '');
  t.manager.callCallouts(t.hook(hook), handle);
  return handle;
}

describe('D. calling callouts', () => {
  it('R47 R48: the status is reset to CONTINUE first, even without callouts or with a bad index', () => {
    const t = createTestManager();
    const handle = t.manager.createCalloutHandle();
    handle.setStatus(NextStep.SKIP);
    t.manager.callCallouts(t.hook('beta'), handle);
    expect(handle.getStatus()).toBe(NextStep.CONTINUE);
    handle.setStatus(NextStep.DROP);
    expect(() => t.manager.callCallouts(99, handle)).toThrow(NoSuchHook);
    expect(() => t.manager.callCallouts(-1, handle)).toThrow(NoSuchHook);
    expect(handle.getStatus()).toBe(NextStep.CONTINUE);
  });

  it('R49 R54 R55: current hook and library are set during each callout and reset after', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/index-digit.so', '/lib/index-digit.so'));
    const seen: string[] = [];
    const probe = (h: CalloutHandle) => {
      seen.push(`${h.getCurrentHook()}/${h.getCurrentLibrary()}/${h.getHookName()}`);
      return 0;
    };
    t.manager.preCalloutsLibraryHandle().registerCallout('alpha', probe);
    t.manager.postCalloutsLibraryHandle().registerCallout('alpha', probe);
    const handle = call(t, 'alpha');
    const alpha = t.hook('alpha');
    expect(seen).toEqual([`${alpha}/0/alpha`, `${alpha}/2147483647/alpha`]);
    expect(handle.getArgument('result')).toBe('12');
    expect(handle.getCurrentHook()).toBe(-1);
    expect(handle.getCurrentLibrary()).toBe(-1);
    expect(handle.getHookName()).toBe('');
  });

  it('R50: every callout runs whatever the status; the last value wins', () => {
    const t = createTestManager();
    t.manager.loadLibraries(
      libs(['/lib/status.so', { status: NextStep.DROP }], '/lib/status.so', [
        '/lib/status.so',
        { status: 0 },
      ]),
    );
    const handle = call(t, 'alpha');
    expect(handle.getArgument('result')).toBe('022');
    expect(handle.getStatus()).toBe(NextStep.CONTINUE);
  });

  it('R51: a non-zero return is logged with hook and library index and changes nothing else', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/throwing-callouts.so', ['/lib/status.so', {}]));
    const handle = call(t, 'gamma');
    expect(handle.getArgument('result')).toBe('T');
    expect(handle.getStatus()).toBe(NextStep.CONTINUE);
    const record = t.records.find((r) => r.id === 'HOOKS_CALLOUT_ERROR');
    expect(record?.severity).toBe('ERROR');
    expect(record?.logger).toBe('callouts');
    expect(record?.args).toEqual(['1', 'gamma', 'gamma', '0.000']);
  });

  it('R52: newest Kea: an Error or any thrown value sets DROP and the next callouts still run', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/throwing-callouts.so', '/lib/index-digit.so'));
    const first = call(t, 'alpha');
    expect(first.getArgument('result')).toBe('T2');
    expect(first.getStatus()).toBe(NextStep.DROP);
    const second = call(t, 'beta');
    expect(second.getStatus()).toBe(NextStep.DROP);
    const thrown = t.records.filter((r) => r.id === 'HOOKS_CALLOUT_EXCEPTION');
    expect(thrown.map((r) => r.args.slice(0, 4))).toEqual([
      ['1', 'alpha', 'alpha', 'boom'],
      ['1', 'beta', 'beta', 'boom'],
    ]);
    expect(first.getCurrentHook()).toBe(-1);
  });

  it('R52: a later callout may still take the DROP back', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/throwing-callouts.so', ['/lib/status.so', { status: 0 }]));
    const handle = call(t, 'alpha');
    expect(handle.getArgument('result')).toBe('T2');
    expect(handle.getStatus()).toBe(NextStep.CONTINUE);
  });

  it('R53: Kea 2.2.0: an Error is logged and leaves the status alone; the next callouts run', () => {
    resetTestBuild(20200);
    const t = createTestManager({ keaVersion: '2.2.0' });
    t.manager.loadLibraries(libs('/lib/throwing-callouts.so', '/lib/index-digit.so'));
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('result', '');
    t.manager.preCalloutsLibraryHandle().registerCallout('alpha', (h) => {
      h.setStatus(NextStep.SKIP);
      return 0;
    });
    t.manager.callCallouts(t.hook('alpha'), handle);
    expect(handle.getArgument('result')).toBe('T2');
    expect(handle.getStatus()).toBe(NextStep.SKIP);
    expect(t.ids()).toContain('HOOKS_CALLOUT_EXCEPTION');
  });

  it('R53: Kea 2.2.0: a non-Error escapes callCallouts, skips the rest and leaves hook/library set', () => {
    resetTestBuild(20200);
    const t = createTestManager({ keaVersion: '2.2.0' });
    t.manager.loadLibraries(libs('/lib/throwing-callouts.so', '/lib/index-digit.so'));
    t.manager.postCalloutsLibraryHandle().registerCallout('beta', () => {
      throw new Error('never reached');
    });
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('result', '');
    let escaped: unknown;
    try {
      t.manager.callCallouts(t.hook('beta'), handle);
    } catch (thrown) {
      escaped = thrown;
    }
    expect(escaped).toBe('boom');
    expect(handle.getArgument('result')).toBe('T');
    expect(handle.getCurrentHook()).toBe(t.hook('beta'));
    expect(handle.getCurrentLibrary()).toBe(1);
    expect(t.ids()).not.toContain('HOOKS_CALLOUT_EXCEPTION');
  });

  it('R56: all callouts of a hook share the handle: arguments set by one are seen by the next', () => {
    const t = createTestManager();
    t.manager.loadLibraries(
      libs('/lib/index-digit.so', '/lib/load-registers.so', '/lib/index-digit.so'),
    );
    expect(t.run('alpha')).toBe('13');
    expect(t.run('beta')).toBe('SL');
  });
});
