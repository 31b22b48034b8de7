/**
 * The Kea release a simulated server behaves as. Features are gated on the release that
 * introduced them (hook-points.json `since`, and the reference's section K), never on a
 * boolean per scenario, so any release between 2.2.0 and the newest one behaves coherently.
 */
export const NEWEST_KEA_VERSION = '3.3.1';
export const SUPPORTED_KEA_VERSIONS: readonly string[] = [
  '2.2.0',
  '2.4.1',
  '2.6.1',
  '3.0.0',
  NEWEST_KEA_VERSION,
];

/** "2.2.0" -> 20200; "3.3.1-git" -> 30301. Throws on anything else. */
export function versionNumber(version: string): number {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!match) throw new Error(`unsupported Kea version '${version}' (expected e.g. 2.2.0)`);
  return Number(match[1]) * 10000 + Number(match[2]) * 100 + Number(match[3]);
}

/** What differs between releases, resolved once per server. */
export interface KeaFeatures {
  readonly version: string;
  readonly number: number;
  /** lease4_select carries offer_lft (2.3.6). */
  readonly offerLifetimeArgument: boolean;
  /** lease4_offer hook exists (2.5.2). */
  readonly lease4Offer: boolean;
  /** lease4_server_decline hook exists (2.5.5). */
  readonly lease4ServerDecline: boolean;
  /** pkt4_send / pkt6_send carry subnet4 / subnet6 (2.5.6). */
  readonly sendHasSubnet: boolean;
  /** subnet4_select / subnet6_select can PARK the query (2.5.6). */
  readonly parkableSubnetSelect: boolean;
  /** DHCPv4 subnet selection runs before the message handlers, so a DROP there ends the query (2.5.6). */
  readonly subnetSelectionUpFront: boolean;
  /** A query dropped for a full parking lot also counts in pkt4-queue-full / pkt6-queue-full. */
  readonly queueFullStatistic: boolean;
  /** Subnet arguments are ConstSubnet4Ptr / ConstSubnet6Ptr (2.7.5). */
  readonly constSubnets: boolean;
  /** leases*_committed carry response4 / response6 (2.7.7). */
  readonly committedHasResponse: boolean;
  /** ADDR-REG-INFORM is answered and addr6_register exists (2.7.7). */
  readonly addressRegistration: boolean;
  /** The libreload command exists (removed in the 2.5 series). */
  readonly libreload: boolean;
  /**
   * A hooks library failing to load at commit is a fatal configuration error that keeps the new
   * configuration (the reference: HEAD); before, the commit rolls back to the old one (2.2.0).
   * Placed at 3.0.0: the reference gives only the two ends.
   */
  readonly hooksFailureIsFatal: boolean;
  /** Multi-threading is on unless the config says otherwise (2.3.5). */
  readonly multiThreadingDefault: boolean;
}

export function keaFeatures(version: string): KeaFeatures {
  const number = versionNumber(version);
  return {
    version,
    number,
    offerLifetimeArgument: number >= 20306,
    lease4Offer: number >= 20502,
    lease4ServerDecline: number >= 20505,
    sendHasSubnet: number >= 20506,
    parkableSubnetSelect: number >= 20506,
    subnetSelectionUpFront: number >= 20506,
    // the drop-reason statistics came with the 3.0 series (the reference: HEAD has them, 2.2 not)
    queueFullStatistic: number >= 30000,
    constSubnets: number >= 20705,
    committedHasResponse: number >= 20707,
    addressRegistration: number >= 20707,
    libreload: number < 20500,
    multiThreadingDefault: number >= 20305,
    hooksFailureIsFatal: number >= 30000,
  };
}
