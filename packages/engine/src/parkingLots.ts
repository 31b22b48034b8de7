import { InvalidOperation } from './hooksErrors';

interface ParkedEntry {
  refcount: number;
  unpark: () => void;
  discard: (() => void) | undefined;
}

/**
 * The objects (queries) parked at one hook point (rules R88–R95). Objects are matched by
 * identity, strings and numbers by value (a `Map` key). Each entry counts references taken by
 * callouts; the unpark callback runs when the count falls to zero or the server forces it.
 */
export class ParkingLot {
  readonly #entries = new Map<unknown, ParkedEntry>();

  /**
   * Parks `obj` with the callback that resumes its processing; the count starts at 0.
   * `discard` is our addition: it runs when `clear()` throws the entry away (in Kea the parked
   * packet is then destroyed, which runs context_destroy); the server passes its handle release.
   * @throws InvalidOperation when `obj` is already parked here.
   */
  park(obj: unknown, unpark: () => void, discard?: () => void): void {
    if (this.#entries.has(obj)) throw new InvalidOperation('the object is already parked');
    this.#entries.set(obj, { refcount: 0, unpark, discard });
  }

  /**
   * Takes a reference on a parked object. @returns the new count.
   * @throws InvalidOperation when `obj` is not parked.
   */
  reference(obj: unknown): number {
    const entry = this.#entry(obj, 'reference');
    entry.refcount += 1;
    return entry.refcount;
  }

  /**
   * Gives a reference back without ever unparking (the count may go below zero).
   * @returns the new count. @throws InvalidOperation when `obj` is not parked.
   */
  dereference(obj: unknown): number {
    const entry = this.#entry(obj, 'dereference');
    entry.refcount -= 1;
    return entry.refcount;
  }

  /**
   * Decrements the count and, at zero or below, removes the entry and runs its callback now;
   * `force` (the server's flavour) ignores the count.
   * @returns false when `obj` is not parked, true otherwise.
   */
  unpark(obj: unknown, force = false): boolean {
    const entry = this.#entries.get(obj);
    if (entry === undefined) return false;
    if (!force) {
      entry.refcount -= 1;
      if (entry.refcount > 0) return true;
    }
    this.#entries.delete(obj);
    entry.unpark();
    return true;
  }

  /** Removes the entry whatever its count, without the callback. @returns whether it was parked. */
  drop(obj: unknown): boolean {
    return this.#entries.delete(obj);
  }

  /** Whether `obj` is parked here. */
  isParked(obj: unknown): boolean {
    return this.#entries.has(obj);
  }

  /** The current reference count of a parked object, or undefined. */
  getReferenceCount(obj: unknown): number | undefined {
    return this.#entries.get(obj)?.refcount;
  }

  size(): number {
    return this.#entries.size;
  }

  /** Empties the lot without running unpark callbacks (R95); runs each `discard` instead. */
  clear(): void {
    const discarded = [...this.#entries.values()];
    this.#entries.clear();
    for (const entry of discarded) entry.discard?.();
  }

  #entry(obj: unknown, what: string): ParkedEntry {
    const entry = this.#entries.get(obj);
    if (entry === undefined)
      throw new InvalidOperation(`cannot ${what} an object that is not parked`);
    return entry;
  }
}

/**
 * A callout's view of its hook's parking lot: everything but `park` (R89) and the forced unpark.
 */
export class ParkingLotHandle {
  constructor(readonly parkingLot: ParkingLot) {}

  /** @returns the new count. @throws InvalidOperation when `obj` is not parked. */
  reference(obj: unknown): number {
    return this.parkingLot.reference(obj);
  }
  /** @returns the new count. @throws InvalidOperation when `obj` is not parked. */
  dereference(obj: unknown): number {
    return this.parkingLot.dereference(obj);
  }
  /** Releases one reference; resumes the query when none are left. */
  unpark(obj: unknown): boolean {
    return this.parkingLot.unpark(obj, false);
  }
  drop(obj: unknown): boolean {
    return this.parkingLot.drop(obj);
  }
}

/** One parking lot per hook index, created when first asked for (R12). */
export class ParkingLots {
  readonly #lots = new Map<number, ParkingLot>();

  getParkingLot(hookIndex: number): ParkingLot {
    let lot = this.#lots.get(hookIndex);
    if (lot === undefined) {
      lot = new ParkingLot();
      this.#lots.set(hookIndex, lot);
    }
    return lot;
  }

  /**
   * Empties every lot (on each library load and unload, R29). The lots themselves are kept, so a
   * ParkingLotHandle a library still holds sees an empty lot rather than a stale one.
   */
  clear(): void {
    for (const lot of this.#lots.values()) lot.clear();
  }
}
