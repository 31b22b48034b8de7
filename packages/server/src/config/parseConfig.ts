import { formatIpv6, parseIpv4, parseIpv6 } from '../address';
import type { KeaFeatures } from '../keaVersion';
import {
  ConfigError,
  isMap,
  type JsonMap,
  optionalBool,
  optionalInt,
  optionalList,
  optionalMap,
  optionalString,
  parseLoggers,
  parseOptionData,
  parseReservations,
} from './configHelpers';
import type {
  ClientClassConfig,
  PdPool,
  Pool4,
  Pool6,
  ServerConfig,
  ServerConfig4,
  ServerConfig6,
  ServerConfigBase,
  SubnetConfig4,
  SubnetConfig6,
  Timers,
} from './configModel';
import { KNOWN_GLOBALS_4, KNOWN_GLOBALS_6 } from './knownKeywords';
import { parseHooksLibraries } from './parseHooksLibraries';

/**
 * Parses `{ "Dhcp4": {...} }` / `{ "Dhcp6": {...} }` into the server's model. Throws
 * `ConfigError` with a Kea-like message for anything Kea would reject; pure, no side effects.
 */
export function parseServerConfig(
  family: 'dhcp4' | 'dhcp6',
  input: unknown,
  features: KeaFeatures,
): ServerConfig {
  const top = family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6';
  if (!isMap(input)) throw new ConfigError('Configuration must be a map');
  const raw = input[top];
  if (raw === undefined) throw new ConfigError(`Missing mandatory '${top}' parameter.`);
  if (!isMap(raw)) throw new ConfigError(`'${top}' parameter expected to be a map.`);
  const known = family === 'dhcp4' ? KNOWN_GLOBALS_4 : KNOWN_GLOBALS_6;
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      throw new ConfigError(`unsupported global configuration parameter: ${key}`);
  }
  const base = parseBase(raw, family, features);
  const globalTimers = parseTimers(raw, undefined, top);
  if (family === 'dhcp4') {
    const subnets = optionalList(raw, 'subnet4', top).map((s) =>
      parseSubnet4(s, globalTimers, raw),
    );
    checkSubnetIds(subnets);
    return {
      ...base,
      family,
      subnets,
      echoClientId: optionalBool(raw, 'echo-client-id', top) ?? true,
      authoritative: optionalBool(raw, 'authoritative', top) ?? false,
    } satisfies ServerConfig4;
  }
  const subnets = optionalList(raw, 'subnet6', top).map((s) => parseSubnet6(s, globalTimers));
  checkSubnetIds(subnets);
  return { ...base, family, subnets, serverDuid: parseServerId(raw) } satisfies ServerConfig6;
}

function parseBase(
  raw: JsonMap,
  family: 'dhcp4' | 'dhcp6',
  features: KeaFeatures,
): ServerConfigBase {
  const top = family === 'dhcp4' ? 'Dhcp4' : 'Dhcp6';
  const space = family === 'dhcp4' ? 'dhcp4' : 'dhcp6';
  const interfacesConfig = optionalMap(raw, 'interfaces-config', top);
  const mt = optionalMap(raw, 'multi-threading', top);
  const socket = optionalMap(raw, 'control-socket', top);
  const expired = optionalMap(raw, 'expired-leases-processing', top) ?? {};
  const ddns = optionalMap(raw, 'dhcp-ddns', top);
  const leaseDb = optionalMap(raw, 'lease-database', top);
  if (leaseDb) {
    const type = optionalString(leaseDb, 'type', 'lease-database');
    if (type !== undefined && type !== 'memfile') {
      throw new ConfigError(
        `The simulated server has only the memfile lease backend (got '${type}')`,
      );
    }
  }
  const clientClasses: ClientClassConfig[] = optionalList(raw, 'client-classes', top).map((c) => {
    if (!isMap(c)) throw new ConfigError('client-classes entry is not a map');
    const name = optionalString(c, 'name', 'client-classes');
    if (name === undefined)
      throw new ConfigError("Mandatory 'name' parameter missing (client-classes)");
    return { name, test: optionalString(c, 'test', 'client-classes') };
  });
  return {
    raw,
    interfaces: interfacesConfig
      ? optionalList(interfacesConfig, 'interfaces', 'interfaces-config').map(String)
      : [],
    optionData: parseOptionData(optionalList(raw, 'option-data', top), space, top),
    reservations: parseReservations(optionalList(raw, 'reservations', top), space, top),
    hostReservationIdentifiers: optionalList(raw, 'host-reservation-identifiers', top).map(String),
    hooksLibraries: parseHooksLibraries(raw['hooks-libraries']),
    multiThreading:
      (mt && optionalBool(mt, 'enable-multi-threading', 'multi-threading')) ??
      features.multiThreadingDefault,
    loggers: parseLoggers(optionalList(raw, 'loggers', top)),
    controlSocket: socket
      ? {
          socketType: optionalString(socket, 'socket-type', 'control-socket') ?? 'unix',
          socketName: optionalString(socket, 'socket-name', 'control-socket') ?? '',
        }
      : undefined,
    clientClasses,
    declineProbationPeriod: optionalInt(raw, 'decline-probation-period', top) ?? 86400,
    expired: {
      reclaimTimerWaitTime:
        optionalInt(expired, 'reclaim-timer-wait-time', 'expired-leases-processing') ?? 10,
      flushReclaimedTimerWaitTime:
        optionalInt(expired, 'flush-reclaimed-timer-wait-time', 'expired-leases-processing') ?? 25,
      holdReclaimedTime:
        optionalInt(expired, 'hold-reclaimed-time', 'expired-leases-processing') ?? 3600,
      maxReclaimLeases:
        optionalInt(expired, 'max-reclaim-leases', 'expired-leases-processing') ?? 100,
    },
    ddnsEnabled: (ddns && optionalBool(ddns, 'enable-updates', 'dhcp-ddns')) ?? false,
    ddnsSendUpdates: optionalBool(raw, 'ddns-send-updates', top) ?? true,
    ddnsQualifyingSuffix: optionalString(raw, 'ddns-qualifying-suffix', top) ?? '',
    ddnsReplaceClientName: parseReplaceClientName(raw, top),
    ddnsGeneratedPrefix: optionalString(raw, 'ddns-generated-prefix', top) ?? 'myhost',
    ddnsOverrideClientUpdate: optionalBool(raw, 'ddns-override-client-update', top) ?? false,
    ddnsOverrideNoUpdate: optionalBool(raw, 'ddns-override-no-update', top) ?? false,
    parkedPacketLimit: parseParkedPacketLimit(raw, top),
  };
}

const REPLACE_MODES = ['never', 'always', 'when-present', 'when-not-present'] as const;

function parseReplaceClientName(
  raw: JsonMap,
  top: string,
): ServerConfigBase['ddnsReplaceClientName'] {
  const mode = optionalString(raw, 'ddns-replace-client-name', top) ?? 'never';
  const known = REPLACE_MODES.find((m) => m === mode);
  if (!known) throw new ConfigError(`Invalid ReplaceClientNameMode: ${mode}`);
  return known;
}

/** Kea's default is 256; a negative value or one above 2^32-1 is rejected. */
function parseParkedPacketLimit(raw: JsonMap, top: string): number {
  const limit = optionalInt(raw, 'parked-packet-limit', top) ?? 256;
  if (limit < 0 || limit > 0xffffffff)
    throw new ConfigError(
      `out of range value (${limit}) specified for parameter 'parked-packet-limit'`,
    );
  return limit;
}

function parseTimers(map: JsonMap, parent: Timers | undefined, where: string): Timers {
  return {
    validLifetime: optionalInt(map, 'valid-lifetime', where) ?? parent?.validLifetime ?? 7200,
    renewTimer: optionalInt(map, 'renew-timer', where) ?? parent?.renewTimer,
    rebindTimer: optionalInt(map, 'rebind-timer', where) ?? parent?.rebindTimer,
    preferredLifetime: optionalInt(map, 'preferred-lifetime', where) ?? parent?.preferredLifetime,
  };
}

function parsePrefix(text: string, v6: boolean): { network: bigint | number; length: number } {
  const [address, lengthText] = text.split('/');
  const length = Number(lengthText);
  const max = v6 ? 128 : 32;
  if (
    address === undefined ||
    lengthText === undefined ||
    !Number.isInteger(length) ||
    length < 0 ||
    length > max
  ) {
    throw new ConfigError(`Invalid subnet syntax (prefix/len expected):${text}`);
  }
  const network = v6 ? parseIpv6(address) : parseIpv4(address);
  if (network === undefined) throw new ConfigError(`Failed to convert '${address}' to address`);
  return { network, length };
}

function parseRange<T extends number | bigint>(
  text: string,
  parse: (s: string) => T | undefined,
  where: string,
): [T, T] {
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const first = parse(text.slice(0, dash));
    const last = parse(text.slice(dash + 1));
    if (first === undefined || last === undefined || first > last) {
      throw new ConfigError(`Failed to create pool defined by: ${text} (${where})`);
    }
    return [first, last];
  }
  const slash = text.indexOf('/');
  const address = parse(text.slice(0, slash));
  const length = Number(text.slice(slash + 1));
  if (slash < 0 || address === undefined || !Number.isInteger(length)) {
    throw new ConfigError(`pool definition is invalid: ${text} (${where})`);
  }
  if (typeof address === 'bigint') {
    const host = (1n << BigInt(128 - length)) - 1n;
    return [(address & ~host) as T, (address | host) as T];
  }
  const size = 2 ** (32 - length);
  const first = Math.floor(address / size) * size;
  return [first as T, (first + size - 1) as T];
}

function subnetRelay(map: JsonMap, where: string): string[] {
  const relay = optionalMap(map, 'relay', where);
  if (!relay) return [];
  const list = optionalList(relay, 'ip-addresses', 'relay').map(String);
  const single = optionalString(relay, 'ip-address', 'relay');
  return single ? [...list, single] : list;
}

function parseSubnet4(entry: unknown, globals: Timers, raw: JsonMap): SubnetConfig4 {
  if (!isMap(entry)) throw new ConfigError('subnet4 entry is not a map');
  const text = optionalString(entry, 'subnet', 'subnet4');
  if (text === undefined)
    throw new ConfigError("mandatory 'subnet' parameter is missing for a subnet being configured");
  const { network, length } = parsePrefix(text, false) as { network: number; length: number };
  const where = `subnet ${text}`;
  const pools: Pool4[] = optionalList(entry, 'pools', where).map((p) => {
    if (!isMap(p)) throw new ConfigError(`pool entry is not a map (${where})`);
    const poolText = optionalString(p, 'pool', where);
    if (poolText === undefined)
      throw new ConfigError(`Mandatory 'pool' entry missing in definition: (${where})`);
    const [first, last] = parseRange(poolText, parseIpv4, where);
    return {
      text: poolText,
      first,
      last,
      optionData: parseOptionData(optionalList(p, 'option-data', where), 'dhcp4', where),
    };
  });
  return {
    id: optionalInt(entry, 'id', where) ?? 0,
    prefix: text,
    network,
    prefixLength: length,
    pools,
    relayAddresses: subnetRelay(entry, where),
    optionData: parseOptionData(optionalList(entry, 'option-data', where), 'dhcp4', where),
    reservations: parseReservations(optionalList(entry, 'reservations', where), 'dhcp4', where),
    timers: parseTimers(entry, globals, where),
    interface: optionalString(entry, 'interface', where),
    matchClientId:
      optionalBool(entry, 'match-client-id', where) ??
      optionalBool(raw, 'match-client-id', 'Dhcp4') ??
      true,
  };
}

function parseSubnet6(entry: unknown, globals: Timers): SubnetConfig6 {
  if (!isMap(entry)) throw new ConfigError('subnet6 entry is not a map');
  const text = optionalString(entry, 'subnet', 'subnet6');
  if (text === undefined)
    throw new ConfigError("mandatory 'subnet' parameter is missing for a subnet being configured");
  const { network, length } = parsePrefix(text, true) as { network: bigint; length: number };
  const where = `subnet ${text}`;
  const pools: Pool6[] = optionalList(entry, 'pools', where).map((p) => {
    if (!isMap(p)) throw new ConfigError(`pool entry is not a map (${where})`);
    const poolText = optionalString(p, 'pool', where);
    if (poolText === undefined)
      throw new ConfigError(`Mandatory 'pool' entry missing in definition: (${where})`);
    const [first, last] = parseRange(poolText, parseIpv6, where);
    return {
      text: poolText,
      first,
      last,
      optionData: parseOptionData(optionalList(p, 'option-data', where), 'dhcp6', where),
    };
  });
  const pdPools: PdPool[] = optionalList(entry, 'pd-pools', where).map((p) => {
    if (!isMap(p)) throw new ConfigError(`pd-pool entry is not a map (${where})`);
    const prefixText = optionalString(p, 'prefix', where);
    const prefixLength = optionalInt(p, 'prefix-len', where);
    const delegatedLength = optionalInt(p, 'delegated-len', where);
    const prefix = prefixText === undefined ? undefined : parseIpv6(prefixText);
    if (prefix === undefined || prefixLength === undefined || delegatedLength === undefined) {
      throw new ConfigError(`pd-pool requires prefix, prefix-len and delegated-len (${where})`);
    }
    if (delegatedLength < prefixLength || delegatedLength > 128) {
      throw new ConfigError(
        `Delegated length (${delegatedLength}) must be longer than or equal to prefix length (${prefixLength})`,
      );
    }
    return {
      prefix,
      prefixLength,
      delegatedLength,
      optionData: parseOptionData(optionalList(p, 'option-data', where), 'dhcp6', where),
    };
  });
  return {
    id: optionalInt(entry, 'id', where) ?? 0,
    prefix: `${formatIpv6(network)}/${length}`,
    network,
    prefixLength: length,
    pools,
    pdPools,
    relayAddresses: subnetRelay(entry, where),
    optionData: parseOptionData(optionalList(entry, 'option-data', where), 'dhcp6', where),
    reservations: parseReservations(optionalList(entry, 'reservations', where), 'dhcp6', where),
    timers: parseTimers(entry, globals, where),
    interface: optionalString(entry, 'interface', where),
    rapidCommit: optionalBool(entry, 'rapid-commit', where) ?? false,
  };
}

/** Kea numbers subnets without an id after the highest given one; duplicates are rejected. */
function checkSubnetIds(subnets: { id: number; prefix: string }[]): void {
  const seen = new Set<number>();
  for (const subnet of subnets) {
    if (subnet.id !== 0 && seen.has(subnet.id)) {
      throw new ConfigError(`duplicate subnet identifier ${subnet.id}`);
    }
    seen.add(subnet.id);
  }
  let next = Math.max(0, ...subnets.map((s) => s.id)) + 1;
  for (const subnet of subnets) if (subnet.id === 0) subnet.id = next++;
}

/** server-id -> DUID bytes: EN (type 2), LLT (1) or LL (3); default a fixed LLT. */
function parseServerId(raw: JsonMap): Uint8Array {
  const sid = optionalMap(raw, 'server-id', 'Dhcp6') ?? {};
  const type = optionalString(sid, 'type', 'server-id') ?? 'LLT';
  const identifier = optionalString(sid, 'identifier', 'server-id') ?? '';
  const idBytes = (identifier.match(/[0-9a-fA-F]{2}/g) ?? []).map((h) => Number.parseInt(h, 16));
  if (type === 'EN') {
    const enterprise = optionalInt(sid, 'enterprise-id', 'server-id') ?? 2495;
    return Uint8Array.from([
      0,
      2,
      enterprise >>> 24,
      (enterprise >>> 16) & 255,
      (enterprise >>> 8) & 255,
      enterprise & 255,
      ...idBytes,
    ]);
  }
  const htype = optionalInt(sid, 'htype', 'server-id') ?? 1;
  const hw = idBytes.length > 0 ? idBytes : [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
  if (type === 'LL') return Uint8Array.from([0, 3, htype >>> 8, htype & 255, ...hw]);
  if (type !== 'LLT') throw new ConfigError(`invalid server identifier type '${type}'`);
  const time = optionalInt(sid, 'time', 'server-id') ?? 0;
  return Uint8Array.from([
    0,
    1,
    htype >>> 8,
    htype & 255,
    time >>> 24,
    (time >>> 16) & 255,
    (time >>> 8) & 255,
    time & 255,
    ...hw,
  ]);
}
