import { beforeEach, describe, expect, it } from 'vitest';
import { CalloutHandle } from '../src/calloutHandle';
import {
  ArgumentTypeMismatch,
  InvalidOperation,
  NoSuchArgument,
  NoSuchCalloutContext,
} from '../src/hooksErrors';
import { HooksManager } from '../src/hooksManager';
import { NextStep } from '../src/nextStep';
import { resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

class Pkt4 {}
class Pkt4Subclass extends Pkt4 {}

function bareHandle(keaVersion?: string): CalloutHandle {
  return new HooksManager({ resolveLibrary: () => undefined, keaVersion }).createCalloutHandle();
}

describe('E. arguments, context and status', () => {
  it('R60: next-step values and a new handle at CONTINUE', () => {
    expect([NextStep.CONTINUE, NextStep.SKIP, NextStep.DROP, NextStep.PARK]).toEqual([0, 1, 2, 3]);
    expect(CalloutHandle.NEXT_STEP_PARK).toBe(NextStep.PARK);
    expect(CalloutHandle.NEXT_STEP_CONTINUE).toBe(0);
    expect(bareHandle().getStatus()).toBe(NextStep.CONTINUE);
  });

  it('R61 R62: values come back only as the type they were stored as (derived tags)', () => {
    const handle = bareHandle();
    handle.setArgument('n', 42);
    handle.setArgument('s', 'x');
    handle.setArgument('query4', new Pkt4Subclass());
    handle.setArgument('nothing', null);
    handle.setArgument('bare', Object.create(null));
    handle.setArgument('fn', () => 0);
    expect(handle.getArgument('n', 'number')).toBe(42);
    expect(handle.getArgument('n', Number)).toBe(42);
    expect(handle.getArgument('s', String)).toBe('x');
    expect(() => handle.getArgument('n', 'string')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('s', Number)).toThrow(ArgumentTypeMismatch);
    expect(handle.getArgument('query4', Pkt4Subclass)).toBeInstanceOf(Pkt4);
    expect(() => handle.getArgument('query4', Pkt4)).toThrow(ArgumentTypeMismatch);
    expect(handle.getArgumentTag('nothing')).toBe('null');
    expect(handle.getArgumentTag('bare')).toBe('Object');
    expect(handle.getArgumentTag('fn')).toBe('Function');
    expect(handle.getArgument('query4')).toBeInstanceOf(Pkt4Subclass);
    expect(() => handle.getArgument('missing')).toThrow(NoSuchArgument);
  });

  it('R62: explicit C++-style tags are exact: uint32 is not int, Subnet4Ptr is not ConstSubnet4Ptr', () => {
    const handle = bareHandle();
    handle.setArgument('lifetime', 3600, 'uint32_t');
    handle.setArgument('subnet4', { id: 1 }, 'isc::dhcp::ConstSubnet4Ptr');
    expect(handle.getArgument('lifetime', 'uint32_t')).toBe(3600);
    expect(() => handle.getArgument('lifetime', 'int')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('lifetime', Number)).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('subnet4', 'isc::dhcp::Subnet4Ptr')).toThrow(
      /stored as 'isc::dhcp::ConstSubnet4Ptr', not as 'isc::dhcp::Subnet4Ptr'/,
    );
    handle.setArgument('lifetime', 'now a string');
    expect(handle.getArgument('lifetime', 'string')).toBe('now a string');
  });

  it('R62: a C++ tag may be named without its namespace, as inside `using namespace isc::dhcp`', () => {
    const handle = bareHandle();
    handle.setArgument('query4', { xid: 1 }, 'isc::dhcp::Pkt4Ptr');
    handle.setArgument('subnet4', { id: 1 }, 'isc::dhcp::ConstSubnet4Ptr');
    expect(handle.getArgument('query4', 'Pkt4Ptr')).toEqual({ xid: 1 });
    expect(handle.getArgument('query4', 'dhcp::Pkt4Ptr')).toEqual({ xid: 1 });
    expect(() => handle.getArgument('query4', 'Pkt4')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('query4', 'ConstPkt4Ptr')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('query4', 'Ptr')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('subnet4', 'Subnet4Ptr')).toThrow(ArgumentTypeMismatch);
    expect(() => handle.getArgument('query4', 'other::Pkt4Ptr')).toThrow(ArgumentTypeMismatch);
  });

  it('R63 R64: names are sorted; deleting is quiet and leaves context and status alone', () => {
    const handle = bareHandle();
    for (const name of ['b', 'A', 'a', '$lib']) handle.setArgument(name, 1);
    expect(handle.getArgumentNames()).toEqual(['$lib', 'A', 'a', 'b']);
    handle.deleteArgument('missing');
    handle.deleteArgument('A');
    expect(handle.getArgumentNames()).toEqual(['$lib', 'a', 'b']);
    handle.setContext('kept', true);
    handle.setStatus(NextStep.SKIP);
    handle.deleteAllArguments();
    expect(handle.getArgumentNames()).toEqual([]);
    expect(handle.getContext('kept')).toBe(true);
    expect(handle.getStatus()).toBe(NextStep.SKIP);
  });

  it('R65 R69: two libraries using the same context keys never see each other; context outlives hooks', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so', '/lib/context.so'));
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), handle);
    handle.deleteAllArguments();
    handle.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), handle);
    expect(handle.getArgument('result')).toBe('lib1:2;lib2:2;');
    const fresh = t.manager.createCalloutHandle();
    fresh.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), fresh);
    expect(fresh.getArgument('result')).toBe('lib1:1;lib2:1;');
    handle.release();
    fresh.release();
  });

  it('R66 R68: missing slot or item throws NoSuchCalloutContext; writing creates the slot', () => {
    const handle = bareHandle();
    expect(() => handle.getContextNames()).toThrow(NoSuchCalloutContext);
    expect(() => handle.getContext('x')).toThrow(NoSuchCalloutContext);
    handle.deleteContext('x');
    expect(handle.getContextNames()).toEqual([]);
    handle.setContext('z', 1);
    handle.setContext('a', 'one', 'std::string');
    expect(handle.getContextNames()).toEqual(['a', 'z']);
    expect(handle.getContextTag('a')).toBe('std::string');
    expect(() => handle.getContext('a', String)).toThrow(ArgumentTypeMismatch);
    handle.deleteAllContext();
    expect(handle.getContextNames()).toEqual([]);
  });

  it('R67: getOptionalContext gives undefined when missing, still checks types; absent in 2.2.0', () => {
    const handle = bareHandle();
    expect(handle.getOptionalContext('x')).toBeUndefined();
    handle.setContext('x', 5);
    expect(handle.getOptionalContext('x', Number)).toBe(5);
    expect(() => handle.getOptionalContext('x', String)).toThrow(ArgumentTypeMismatch);
    expect(() => bareHandle('2.2.0').getOptionalContext('x')).toThrow(InvalidOperation);
  });

  it('R70: outside callouts the server uses the -1 slot, which no library sees', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so'));
    const handle = t.manager.createCalloutHandle();
    handle.setContext('subnet4', 'server-side');
    expect(handle.getCurrentLibrary()).toBe(-1);
    expect(handle.getContext('subnet4')).toBe('server-side');
    const seenByPost: string[] = [];
    t.manager.postCalloutsLibraryHandle().registerCallout('alpha', (h) => {
      h.setContext('owner', 'post');
      seenByPost.push(...h.getContextNames());
      return 0;
    });
    handle.setArgument('result', '');
    t.manager.callCallouts(t.hook('alpha'), handle);
    expect(handle.getArgument('result')).toBe('lib1:1;');
    expect(seenByPost).toEqual(['owner']);
    expect(handle.getContextNames()).toEqual(['subnet4']);
    handle.release();
  });

  it('R70: the pre-callout slot (index 0) is its own: library 1 context is invisible to it', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/context.so'));
    const names: string[][] = [];
    t.manager.postCalloutsLibraryHandle().registerCallout('alpha', (h) => {
      try {
        names.push(h.getContextNames());
      } catch (error) {
        names.push([(error as Error).name]);
      }
      return 0;
    });
    t.run('alpha');
    expect(names).toEqual([['NoSuchCalloutContext']]);
  });

  it('R44 R71: getLibraryHandle only inside a callout; outside, the parking lot is that of index -1', () => {
    const handle = bareHandle();
    expect(() => handle.getLibraryHandle()).toThrow(InvalidOperation);
    expect(handle.getParkingLotHandle().parkingLot.size()).toBe(0);
  });

  it('tracer helpers: hasContext and revision counters move only on real changes', () => {
    const handle = bareHandle();
    expect(handle.hasContext()).toBe(false);
    const args0 = handle.getArgumentsRevision();
    handle.deleteArgument('none');
    handle.deleteAllArguments();
    expect(handle.getArgumentsRevision()).toBe(args0);
    handle.setArgument('a', 1);
    const names = handle.getArgumentNames();
    names.push('mutated by caller');
    expect(handle.getArgumentNames()).toEqual(['a']);
    expect(handle.getArgumentsRevision()).toBeGreaterThan(args0);
    const context0 = handle.getContextRevision();
    handle.setContext('k', 1);
    expect(handle.hasContext()).toBe(true);
    expect(handle.getContextRevision()).toBeGreaterThan(context0);
    const context1 = handle.getContextRevision();
    handle.deleteContext('missing');
    expect(handle.getContextRevision()).toBe(context1);
  });

  it('tracer helpers: the current library has its own context revision, and names stay true', () => {
    const handle = bareHandle();
    handle._library = 1;
    const first = handle.getLibraryContextRevision();
    handle.setContext('b', 1);
    handle.setContext('a', 2);
    const one = handle.getLibraryContextRevision();
    expect(one).not.toBe(first);
    const names = handle.getContextNames();
    names.push('mutated by caller');
    expect(handle.getContextNames()).toEqual(['a', 'b']);
    handle._library = 2;
    handle.setContext('c', 3);
    expect(handle.getContextNames()).toEqual(['c']);
    handle._library = 1;
    // another library's change leaves this one's revision alone
    expect(handle.getLibraryContextRevision()).toBe(one);
    handle.setContext('a', 5); // same name, new value: moves, names unchanged
    expect(handle.getLibraryContextRevision()).not.toBe(one);
    expect(handle.getContextNames()).toEqual(['a', 'b']);
    const two = handle.getLibraryContextRevision();
    handle.deleteContext('b');
    expect(handle.getLibraryContextRevision()).not.toBe(two);
    expect(handle.getContextNames()).toEqual(['a']);
    const three = handle.getLibraryContextRevision();
    handle.release();
    expect(handle.getLibraryContextRevision()).not.toBe(three);
  });
});
