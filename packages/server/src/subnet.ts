import type { SubnetConfig4, SubnetConfig6 } from './config/configModel';

/**
 * A subnet as callouts receive it (`subnet4` / `subnet6`, Kea's Subnet4Ptr / Subnet6Ptr):
 * the id and prefix with Kea's accessor names, and the configuration behind it.
 */
abstract class SubnetBase<C extends { id: number; prefix: string }> {
  constructor(readonly config: C) {}
  get id(): number {
    return this.config.id;
  }
  get prefix(): string {
    return this.config.prefix;
  }
  getID(): number {
    return this.config.id;
  }
  toText(): string {
    return this.config.prefix;
  }
  toJSON(): { id: number; prefix: string } {
    return { id: this.id, prefix: this.prefix };
  }
}

export class Subnet4 extends SubnetBase<SubnetConfig4> {
  /** @internal the server's own address on this subnet, computed once */
  serverAddress: string | undefined = undefined;
}

export class Subnet6 extends SubnetBase<SubnetConfig6> {}

/** The `ddns-params` argument (Kea's DdnsParams) of ddns4_update / ddns6_update. */
export class DdnsParams {
  constructor(
    readonly enableUpdates: boolean,
    readonly qualifyingSuffix: string,
    readonly overrideNoUpdate = false,
    readonly overrideClientUpdate = false,
    readonly replaceClientName = 'never',
    readonly generatedPrefix = 'myhost',
  ) {}
  getEnableUpdates(): boolean {
    return this.enableUpdates;
  }
  getQualifyingSuffix(): string {
    return this.qualifyingSuffix;
  }
  toJSON(): Record<string, unknown> {
    return {
      enable_updates: this.enableUpdates,
      override_no_update: this.overrideNoUpdate,
      override_client_update: this.overrideClientUpdate,
      qualifying_suffix: this.qualifyingSuffix,
    };
  }
}
