import { Dhcp4Server } from './dhcp4/dhcp4Server';
import { Dhcp6Server } from './dhcp6/dhcp6Server';
import type {
  CommandAnswer,
  ControlCommand,
  CreateServerOptions,
  LeaseView,
  PacketMeta,
  SentPacket,
  SimServer,
} from './types';

/**
 * A simulated kea-dhcp4 or kea-dhcp6 behaving as `options.keaVersion` (default: the newest).
 * Nothing happens until `configure`; no timers run by themselves (call `advance`/`runTimers`).
 */
export function createServer(family: 'dhcp4' | 'dhcp6', options: CreateServerOptions): SimServer {
  const server = family === 'dhcp4' ? new Dhcp4Server(options) : new Dhcp6Server(options);
  return {
    family,
    get keaVersion() {
      return server.keaVersion;
    },
    configure: (config: unknown): CommandAnswer => server.configureFrom(config),
    receive: (packet: Uint8Array, meta?: PacketMeta): Uint8Array[] => server.receive(packet, meta),
    receiveDetailed: (packet: Uint8Array, meta?: PacketMeta): SentPacket[] =>
      server.receiveDetailed(packet, meta),
    command: (cmd: ControlCommand): CommandAnswer => server.command(cmd),
    leases: (): LeaseView[] => server.leases(),
    hookName: (index: number): string => server.driver.hookName(index),
    advance: (seconds: number): void => server.advance(seconds),
    runTimers: (): void => server.runTimers(),
    drainUnparked: (): SentPacket[] => server.unparked.splice(0),
    statistic: (name: string): number => server.stats.value(name),
    files: () => [...server.writtenFiles].map(([path, text]) => ({ path, text })),
    shutdown: (): void => server.shutdown(),
  };
}
