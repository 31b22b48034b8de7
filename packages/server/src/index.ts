export { ConfigError } from './config/configHelpers';
export type { ServerConfig, ServerConfig4, ServerConfig6 } from './config/configModel';
export { parseServerConfig } from './config/parseConfig';
export { ALL_CPP_TAGS, CPP } from './cppTypes';
export { createServer } from './createServer';
export { hookNamesFor } from './hookNames';
export type { KeaFeatures } from './keaVersion';
export {
  keaFeatures,
  NEWEST_KEA_VERSION,
  SUPPORTED_KEA_VERSIONS,
  versionNumber,
} from './keaVersion';
export type { Lease6Type } from './leases/lease';
export { Lease4, Lease6, LeaseState, leaseStateName } from './leases/lease';
export type { ServerLogRecord } from './serverLogger';
export { DdnsParams, Subnet4, Subnet6 } from './subnet';
export type {
  CommandAnswer,
  ControlCommand,
  CreateServerOptions,
  LeaseView,
  PacketMeta,
  RequestKind,
  SentPacket,
  ServerObserver,
  SimServer,
} from './types';
