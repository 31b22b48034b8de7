import { beforeEach, describe, expect, it } from 'vitest';
import type { CalloutHandle } from '../src/calloutHandle';
import { InvalidOperation } from '../src/hooksErrors';
import { NextStep } from '../src/nextStep';
import { ParkingLot, ParkingLots } from '../src/parkingLots';
import * as parkingLibrary from './libraries/parkingLibrary';
import { resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => {
  resetTestBuild();
  parkingLibrary.finishPending();
});

describe('H. parking lots', () => {
  it('R12 R88: one lot per hook, made on demand; objects by identity, strings by value', () => {
    const lots = new ParkingLots();
    expect(lots.getParkingLot(5)).toBe(lots.getParkingLot(5));
    const a = { xid: 1 };
    const b = { xid: 1 };
    const lot = lots.getParkingLot(5);
    lot.park(a, () => {});
    expect(lot.isParked(b)).toBe(false);
    lot.park(b, () => {});
    lots.getParkingLot(6).park(a, () => {});
    lot.park('q', () => {});
    expect(lot.isParked('q')).toBe(true);
    expect(lot.size()).toBe(3);
    expect(lots.getParkingLot(6).size()).toBe(1);
  });

  it('R89 R90 R91: parking twice and referencing what is not parked throw; counts may go negative', () => {
    const lot = new ParkingLot();
    const query = {};
    expect(() => lot.reference(query)).toThrow(InvalidOperation);
    expect(() => lot.dereference(query)).toThrow(InvalidOperation);
    let resumed = 0;
    lot.park(query, () => resumed++);
    expect(() => lot.park(query, () => {})).toThrow(InvalidOperation);
    expect(lot.reference(query)).toBe(1);
    expect(lot.reference(query)).toBe(2);
    expect(lot.dereference(query)).toBe(1);
    expect(lot.dereference(query)).toBe(0);
    expect(lot.dereference(query)).toBe(-1);
    expect(resumed).toBe(0);
    expect(lot.getReferenceCount(query)).toBe(-1);
  });

  it('R92 R93 R94: unpark resumes at zero references, force ignores them, drop never resumes', () => {
    const lot = new ParkingLot();
    const events: string[] = [];
    const query = {};
    expect(lot.unpark(query)).toBe(false);
    lot.park(query, () => events.push('resumed'));
    lot.reference(query);
    lot.reference(query);
    expect(lot.unpark(query)).toBe(true);
    expect(events).toEqual([]);
    expect(lot.unpark(query)).toBe(true);
    expect(events).toEqual(['resumed']);
    expect(lot.unpark(query)).toBe(false);
    lot.park(query, () => events.push('forced'));
    lot.reference(query);
    expect(lot.unpark(query, true)).toBe(true);
    expect(events).toEqual(['resumed', 'forced']);
    lot.park(query, () => events.push('never'));
    expect(lot.drop(query)).toBe(true);
    expect(lot.drop(query)).toBe(false);
    expect(lot.unpark(query)).toBe(false);
    expect(events).toEqual(['resumed', 'forced']);
  });

  it('R95: clear empties every lot without callbacks; a handle held by a library sees an empty lot', () => {
    const lots = new ParkingLots();
    const lot = lots.getParkingLot(3);
    const events: string[] = [];
    lot.park(
      'q',
      () => events.push('resumed'),
      () => events.push('discarded'),
    );
    lots.clear();
    expect(lot.size()).toBe(0);
    expect(lots.getParkingLot(3)).toBe(lot);
    expect(lot.unpark('q')).toBe(false);
    expect(events).toEqual(['discarded']);
  });

  /** The server's side of a parkable hook point (R96): park, call, then act on the status. */
  function serverCallsParkable(t: ReturnType<typeof createTestManager>, query: object) {
    const hook = t.hook('leases4_committed');
    const lot = t.manager.getParkingLots().getParkingLot(hook);
    const events: string[] = [];
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('query4', query);
    lot.park(query, () => events.push('resumed'));
    t.manager.callCallouts(hook, handle);
    if (handle.getStatus() !== NextStep.PARK) lot.drop(query);
    return { lot, events, handle };
  }

  it('R96 R97: two libraries each take a reference; the query resumes when the last unparks', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/parking.so', '/lib/parking.so'));
    const query = { xid: 7 };
    const { lot, events, handle } = serverCallsParkable(t, query);
    expect(handle.getStatus()).toBe(NextStep.PARK);
    expect(lot.getReferenceCount(query)).toBe(2);
    expect(parkingLibrary.finishPending()).toEqual([true, true]);
    expect(events).toEqual(['resumed']);
    expect(lot.size()).toBe(0);
  });

  it('R98: PARK without a reference releases on the first unpark; a reference under a final CONTINUE finds nothing', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/index-digit.so'));
    let lotHandle: ReturnType<CalloutHandle['getParkingLotHandle']> | undefined;
    t.manager.preCalloutsLibraryHandle().registerCallout('leases4_committed', (h) => {
      lotHandle = h.getParkingLotHandle();
      h.setStatus(NextStep.PARK);
      return 0;
    });
    const query = {};
    const { events } = serverCallsParkable(t, query);
    expect(lotHandle?.unpark(query)).toBe(true);
    expect(events).toEqual(['resumed']);

    const u = createTestManager();
    u.manager.loadLibraries(libs('/lib/parking.so'));
    u.manager.postCalloutsLibraryHandle().registerCallout('leases4_committed', (h) => {
      h.setStatus(NextStep.CONTINUE);
      return 0;
    });
    const other = {};
    const second = serverCallsParkable(u, other);
    expect(second.handle.getStatus()).toBe(NextStep.CONTINUE);
    expect(parkingLibrary.finishPending()).toEqual([false]);
    expect(second.events).toEqual([]);
  });

  it('R71: the parking lot handle is the current hook lot, usable after callCallouts returns', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/parking.so'));
    const query = {};
    const { lot } = serverCallsParkable(t, query);
    expect(lot).toBe(t.manager.getParkingLot('leases4_committed'));
    expect(lot.isParked(query)).toBe(true);
    expect(parkingLibrary.finishPending()).toEqual([true]);
  });
});
