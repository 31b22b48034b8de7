import type { Reservation } from './config/configModel';

/**
 * The client's reservation among `reservations` (the subnet's, then the global ones): the
 * identifier types are tried in the configured order (host-reservation-identifiers), the first
 * one the client has a reservation for wins. `identifiers` maps a type to the client's value as
 * lowercase hex.
 */
export function findReservation(
  reservations: readonly Reservation[],
  identifiers: ReadonlyMap<string, string>,
  order: readonly string[],
): Reservation | undefined {
  for (const type of order) {
    const value = identifiers.get(type);
    if (value === undefined) continue;
    const found = reservations.find((r) => r.identifierType === type && r.identifier === value);
    if (found) return found;
  }
  return undefined;
}
