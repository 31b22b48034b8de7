// Test library "parking": defers the query at leases4_committed, like Kea's async libraries.
// Registers: `leases4_committed` (standard name): takes a reference on argument `query4` through
//   its parking lot handle, sets status PARK, remembers (lot handle, query) and returns 0.
// Exports finishPending(): unparks every remembered query (as the library's later I/O would),
//   returning what each unpark() returned.
// Framework: version() = build.hooksVersion.
import type { CalloutHandle } from '../../src/calloutHandle';
import { NextStep } from '../../src/nextStep';
import type { ParkingLotHandle } from '../../src/parkingLots';
import { build } from './testBuild';

const pending: { lot: ParkingLotHandle; query: unknown }[] = [];

export function version(): number {
  return build.hooksVersion;
}

export function leases4_committed(handle: CalloutHandle): number {
  const query = handle.getArgument('query4');
  const lot = handle.getParkingLotHandle();
  lot.reference(query);
  handle.setStatus(NextStep.PARK);
  pending.push({ lot, query });
  return 0;
}

export function finishPending(): boolean[] {
  const done = pending.splice(0).map(({ lot, query }) => lot.unpark(query));
  return done;
}
