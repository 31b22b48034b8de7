/**
 * Kea's statistics manager, reduced to what the control commands show: named integer values
 * with the time of their last change. Names are Kea's (`pkt4-received`, `subnet[1].assigned-addresses`).
 */
export interface StatSample {
  value: number;
  /** clock milliseconds of the last change; formatted only when shown */
  time: number;
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export const DHCP4_STATISTICS: readonly string[] = [
  'pkt4-received',
  'pkt4-discover-received',
  'pkt4-offer-received',
  'pkt4-request-received',
  'pkt4-ack-received',
  'pkt4-nak-received',
  'pkt4-release-received',
  'pkt4-decline-received',
  'pkt4-inform-received',
  'pkt4-unknown-received',
  'pkt4-sent',
  'pkt4-offer-sent',
  'pkt4-ack-sent',
  'pkt4-nak-sent',
  'pkt4-parse-failed',
  'pkt4-receive-drop',
  'v4-allocation-fail',
  'v4-allocation-fail-shared-network',
  'v4-allocation-fail-subnet',
  'v4-allocation-fail-no-pools',
  'v4-allocation-fail-classes',
  'v4-reservation-conflicts',
  'declined-addresses',
  'reclaimed-declined-addresses',
  'reclaimed-leases',
  'cumulative-assigned-addresses',
];

export const DHCP6_STATISTICS: readonly string[] = [
  'pkt6-received',
  'pkt6-solicit-received',
  'pkt6-advertise-received',
  'pkt6-request-received',
  'pkt6-reply-received',
  'pkt6-renew-received',
  'pkt6-rebind-received',
  'pkt6-decline-received',
  'pkt6-release-received',
  'pkt6-infrequest-received',
  'pkt6-dhcpv4-query-received',
  'pkt6-dhcpv4-response-received',
  'pkt6-unknown-received',
  'pkt6-sent',
  'pkt6-advertise-sent',
  'pkt6-reply-sent',
  'pkt6-dhcpv4-response-sent',
  'pkt6-parse-failed',
  'pkt6-receive-drop',
  'v6-allocation-fail',
  'v6-allocation-fail-shared-network',
  'v6-allocation-fail-subnet',
  'v6-allocation-fail-no-pools',
  'v6-allocation-fail-classes',
  'v6-ia-na-lease-reuses',
  'v6-ia-pd-lease-reuses',
  'declined-addresses',
  'reclaimed-declined-addresses',
  'reclaimed-leases',
  'cumulative-assigned-nas',
  'cumulative-assigned-pds',
];

/** The statistics a server of `family` starts with under the given Kea release. */
export function statisticsFor(
  family: 'dhcp4' | 'dhcp6',
  features: { queueFullStatistic: boolean; addressRegistration: boolean },
): string[] {
  const names = [...(family === 'dhcp4' ? DHCP4_STATISTICS : DHCP6_STATISTICS)];
  const digit = family === 'dhcp4' ? '4' : '6';
  if (features.queueFullStatistic) names.push(`pkt${digit}-queue-full`);
  if (family === 'dhcp6' && features.addressRegistration)
    names.push('pkt6-addr-reg-inform-received', 'pkt6-addr-reg-reply-sent');
  return names;
}

export class Stats {
  private readonly values = new Map<string, StatSample>();
  private readonly subnetNames = new Map<number, Map<string, string>>();

  /** `subnet[<id>].<name>`, built once per subnet and name (hot paths count per packet). */
  subnetName(id: number, name: string): string {
    let names = this.subnetNames.get(id);
    if (!names) {
      names = new Map();
      this.subnetNames.set(id, names);
    }
    let full = names.get(name);
    if (full === undefined) {
      full = `subnet[${id}].${name}`;
      names.set(name, full);
    }
    return full;
  }

  constructor(private readonly clock: () => number) {}

  private stamp(): number {
    return this.clock();
  }

  set(name: string, value: number): void {
    this.values.set(name, { value, time: this.stamp() });
  }

  /** Subnet statistics a reconfiguration keeps when they exist, else starts at 0. */
  keepOrZero(subnetId: number, names: readonly string[]): void {
    for (const name of names) {
      const full = this.subnetName(subnetId, name);
      if (!this.values.has(full)) this.set(full, 0);
    }
  }

  add(name: string, delta = 1): void {
    const sample = this.values.get(name);
    if (sample) {
      sample.value += delta;
      sample.time = this.stamp();
    } else this.values.set(name, { value: delta, time: this.stamp() });
  }

  get(name: string): StatSample | undefined {
    return this.values.get(name);
  }

  value(name: string): number {
    return this.values.get(name)?.value ?? 0;
  }

  names(): string[] {
    return [...this.values.keys()].sort();
  }

  reset(name: string): boolean {
    const sample = this.values.get(name);
    if (!sample) return false;
    sample.value = 0;
    sample.time = this.stamp();
    return true;
  }

  resetAll(): void {
    for (const name of this.values.keys()) this.reset(name);
  }

  remove(name: string): boolean {
    return this.values.delete(name);
  }

  removeAll(): void {
    this.values.clear();
  }

  /** Kea's statistic-get shape: `{ name: [[value, timestamp]] }`. */
  toElement(name: string): Record<string, [number, string][]> {
    const sample = this.values.get(name);
    return sample ? { [name]: [[sample.value, formatTime(sample.time)]] } : {};
  }
}
