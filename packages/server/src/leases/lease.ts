/** Lease states, numbered as Kea's Lease::STATE_*. */
export const LeaseState = {
  DEFAULT: 0,
  DECLINED: 1,
  EXPIRED_RECLAIMED: 2,
  RELEASED: 3,
  /** an address a client registered itself (RFC 9686, Kea 2.7.7) */
  REGISTERED: 4,
} as const;

const STATE_NAMES = ['default', 'declined', 'expired-reclaimed', 'released', 'registered'];

export function leaseStateName(state: number): string {
  return STATE_NAMES[state] ?? `unknown (${state})`;
}

/** What both lease kinds share: the times (Kea's Lease base class). */
abstract class LeaseTimes {
  abstract validLft: number;
  /** client last transmission time, seconds of the simulated clock */
  abstract cltt: number;

  /** Seconds since the epoch of the simulated clock when the lease ends. */
  getExpirationTime(): number {
    return this.cltt + this.validLft;
  }

  expired(nowSeconds: number): boolean {
    return this.getExpirationTime() <= nowSeconds;
  }
}

/**
 * A DHCPv4 lease: the object callouts receive as `lease4` (Kea's Lease4Ptr). Live: a callout
 * that changes a field of the object the server still holds changes the lease.
 */
export class Lease4 extends LeaseTimes {
  constructor(
    public addr: string,
    /** hardware address as "aa:bb:..", undefined when the client sent none */
    public hwaddr: string | undefined,
    /** client identifier as "01:aa:..", undefined when none (or match-client-id false) */
    public clientId: string | undefined,
    public validLft: number,
    /** client last transmission time, seconds of the simulated clock */
    public cltt: number,
    public subnetId: number,
    public hostname = '',
    public fqdnFwd = false,
    public fqdnRev = false,
    public state: number = LeaseState.DEFAULT,
  ) {
    super();
  }

  clone(): Lease4 {
    return new Lease4(
      this.addr,
      this.hwaddr,
      this.clientId,
      this.validLft,
      this.cltt,
      this.subnetId,
      this.hostname,
      this.fqdnFwd,
      this.fqdnRev,
      this.state,
    );
  }

  toText(): string {
    return `Address: ${this.addr}\nValid life: ${this.validLft}\nCltt: ${this.cltt}\nHardware addr: ${this.hwaddr ?? '(none)'}\nClient id: ${this.clientId ?? '(none)'}\nSubnet ID: ${this.subnetId}\nState: ${leaseStateName(this.state)}\n`;
  }

  toJSON(): Record<string, unknown> {
    return {
      'ip-address': this.addr,
      'hw-address': this.hwaddr ?? '',
      'client-id': this.clientId,
      'valid-lft': this.validLft,
      cltt: this.cltt,
      'subnet-id': this.subnetId,
      hostname: this.hostname,
      'fqdn-fwd': this.fqdnFwd,
      'fqdn-rev': this.fqdnRev,
      state: this.state,
    };
  }
}

/** Kea's Lease::Type. */
export type Lease6Type = 'IA_NA' | 'IA_TA' | 'IA_PD';

/** A DHCPv6 lease (address or delegated prefix): the object callouts receive as `lease6`. */
export class Lease6 extends LeaseTimes {
  constructor(
    public type: Lease6Type,
    public addr: string,
    public prefixlen: number,
    public iaid: number,
    /** client DUID as "00:03:.." */
    public duid: string,
    public preferredLft: number,
    public validLft: number,
    public cltt: number,
    public subnetId: number,
    public hwaddr: string | undefined = undefined,
    public hostname = '',
    public fqdnFwd = false,
    public fqdnRev = false,
    public state: number = LeaseState.DEFAULT,
  ) {
    super();
  }

  clone(): Lease6 {
    return new Lease6(
      this.type,
      this.addr,
      this.prefixlen,
      this.iaid,
      this.duid,
      this.preferredLft,
      this.validLft,
      this.cltt,
      this.subnetId,
      this.hwaddr,
      this.hostname,
      this.fqdnFwd,
      this.fqdnRev,
      this.state,
    );
  }

  toText(): string {
    return `Type: ${this.type}\nAddress: ${this.addr}\nPrefix length: ${this.prefixlen}\nIAID: ${this.iaid}\nDUID: ${this.duid}\nValid life: ${this.validLft}\nPreferred life: ${this.preferredLft}\nCltt: ${this.cltt}\nSubnet ID: ${this.subnetId}\nState: ${leaseStateName(this.state)}\n`;
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      'ip-address': this.addr,
      'prefix-len': this.prefixlen,
      iaid: this.iaid,
      duid: this.duid,
      'preferred-lft': this.preferredLft,
      'valid-lft': this.validLft,
      cltt: this.cltt,
      'subnet-id': this.subnetId,
      'hw-address': this.hwaddr ?? '',
      hostname: this.hostname,
      'fqdn-fwd': this.fqdnFwd,
      'fqdn-rev': this.fqdnRev,
      state: this.state,
    };
  }
}
