import type { HookLibraryInfo } from '@hookscope/engine';

/** One `option-data` entry as configured (the server encodes it when building a response). */
export interface OptionDataEntry {
  name?: string;
  code?: number;
  space: string;
  data: string;
  csvFormat: boolean;
  alwaysSend: boolean;
}

export interface Reservation {
  /** Identifier type as Kea names it: hw-address, client-id, duid, circuit-id, flex-id. */
  identifierType: 'hw-address' | 'client-id' | 'duid' | 'circuit-id' | 'flex-id';
  /** Identifier bytes as lowercase hex without separators. */
  identifier: string;
  ipAddress?: string;
  ipAddresses: string[];
  prefixes: string[];
  hostname?: string;
  optionData: OptionDataEntry[];
  clientClasses: string[];
}

export interface Pool4 {
  text: string;
  first: number;
  last: number;
  optionData: OptionDataEntry[];
}

export interface Pool6 {
  text: string;
  first: bigint;
  last: bigint;
  optionData: OptionDataEntry[];
}

export interface PdPool {
  prefix: bigint;
  prefixLength: number;
  delegatedLength: number;
  optionData: OptionDataEntry[];
}

/** Lifetimes and timers after inheritance from the global level (seconds). */
export interface Timers {
  validLifetime: number;
  renewTimer?: number;
  rebindTimer?: number;
  preferredLifetime?: number;
}

export interface SubnetConfig4 {
  id: number;
  prefix: string;
  network: number;
  prefixLength: number;
  pools: Pool4[];
  relayAddresses: string[];
  optionData: OptionDataEntry[];
  reservations: Reservation[];
  timers: Timers;
  interface?: string;
  matchClientId: boolean;
}

export interface SubnetConfig6 {
  id: number;
  prefix: string;
  network: bigint;
  prefixLength: number;
  pools: Pool6[];
  pdPools: PdPool[];
  relayAddresses: string[];
  optionData: OptionDataEntry[];
  reservations: Reservation[];
  timers: Timers;
  interface?: string;
  rapidCommit: boolean;
}

export interface LoggerConfig {
  name: string;
  severity: 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'NONE';
  debuglevel: number;
}

export interface ClientClassConfig {
  name: string;
  test?: string;
}

export interface ExpiredLeasesProcessing {
  reclaimTimerWaitTime: number;
  flushReclaimedTimerWaitTime: number;
  holdReclaimedTime: number;
  maxReclaimLeases: number;
}

/** What both servers share; the family-specific parts extend it. */
export interface ServerConfigBase {
  /** The whole `Dhcp4` / `Dhcp6` map as given: config-get echoes it, unknown keys included. */
  raw: Record<string, unknown>;
  interfaces: string[];
  optionData: OptionDataEntry[];
  reservations: Reservation[];
  hostReservationIdentifiers: string[];
  hooksLibraries: HookLibraryInfo[];
  multiThreading: boolean;
  loggers: LoggerConfig[];
  controlSocket?: { socketType: string; socketName: string };
  clientClasses: ClientClassConfig[];
  declineProbationPeriod: number;
  expired: ExpiredLeasesProcessing;
  ddnsEnabled: boolean;
  ddnsSendUpdates: boolean;
  ddnsQualifyingSuffix: string;
  /** ddns-replace-client-name: never, always, when-present, when-not-present */
  ddnsReplaceClientName: 'never' | 'always' | 'when-present' | 'when-not-present';
  ddnsGeneratedPrefix: string;
  ddnsOverrideClientUpdate: boolean;
  ddnsOverrideNoUpdate: boolean;
  /** parked-packet-limit: queries a parking lot may hold (0: no limit). */
  parkedPacketLimit: number;
}

export interface ServerConfig4 extends ServerConfigBase {
  family: 'dhcp4';
  subnets: SubnetConfig4[];
  echoClientId: boolean;
  authoritative: boolean;
}

export interface ServerConfig6 extends ServerConfigBase {
  family: 'dhcp6';
  subnets: SubnetConfig6[];
  /** The server DUID (bytes) built from `server-id`. */
  serverDuid: Uint8Array;
}

export type ServerConfig = ServerConfig4 | ServerConfig6;
