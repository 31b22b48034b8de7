import { describe, expect, it } from 'vitest';
import { HooksError } from '../src/hooksErrors';
import {
  compareKeaVersions,
  getHooksBehaviour,
  hooksVersionOf,
  KEA_HOOKS_VERSION,
  NEWEST_KEA_VERSION,
} from '../src/keaVersion';

describe('K. Kea releases', () => {
  it('R14: KEA_HOOKS_VERSION is major*10000 + minor*100 + patch, 3.3.0 excepted', () => {
    expect(hooksVersionOf('2.2.0')).toBe(20200);
    expect(hooksVersionOf('2.2.1')).toBe(20201);
    expect(hooksVersionOf('3.3.1-git')).toBe(30301);
    expect(hooksVersionOf('v2.6.3')).toBe(20603);
    expect(hooksVersionOf('3.3.0')).toBe(30200);
    expect(KEA_HOOKS_VERSION).toBe(hooksVersionOf(NEWEST_KEA_VERSION));
    expect(() => hooksVersionOf('1.8.2')).toThrow(HooksError);
    expect(() => hooksVersionOf('kea')).toThrow(HooksError);
  });

  it('K R17: the exception rule changes at 2.3.8, the MT flag at 2.3.6, getOptionalContext at 2.5.8', () => {
    expect(getHooksBehaviour('2.2.0').catchesEveryException).toBe(false);
    expect(getHooksBehaviour('2.3.7').catchesEveryException).toBe(false);
    expect(getHooksBehaviour('2.3.8').catchesEveryException).toBe(true);
    expect(getHooksBehaviour().catchesEveryException).toBe(true);
    expect(getHooksBehaviour('2.5.7').optionalContext).toBe(false);
    expect(getHooksBehaviour('2.5.8').optionalContext).toBe(true);
    expect(getHooksBehaviour().keaVersion).toBe(NEWEST_KEA_VERSION);
    expect(getHooksBehaviour('2.3.5').multiThreadingCheckUsesConfig).toBe(false);
    expect(getHooksBehaviour('2.3.6').multiThreadingCheckUsesConfig).toBe(true);
  });

  it('compares releases numerically, not as text', () => {
    expect(compareKeaVersions('2.10.0', '2.9.9')).toBeGreaterThan(0);
    expect(compareKeaVersions('2.2.0', '2.2.0-git')).toBe(0);
    expect(compareKeaVersions('2.2.0', '3.0.0')).toBeLessThan(0);
  });
});
