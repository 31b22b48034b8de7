import type { ServerConfig } from '../config/configModel';
import { ServerCore } from '../serverCore';
import type { CreateServerOptions, LeaseView, PacketMeta, SentPacket } from '../types';

export class Dhcp6Server extends ServerCore {
  constructor(options: CreateServerOptions) {
    super('dhcp6', options);
  }
  protected applyConfig(_config: ServerConfig): void {}
  protected configSummary(_config: ServerConfig): string {
    return '';
  }
  receive(_b: Uint8Array, _m?: PacketMeta): Uint8Array[] {
    return [];
  }
  receiveDetailed(_b: Uint8Array, _m?: PacketMeta): SentPacket[] {
    return [];
  }
  leases(): LeaseView[] {
    return [];
  }
  reclaimExpired(): void {}
  flushReclaimed(): void {}
  runTimers(): void {}
  advance(): void {}
}
