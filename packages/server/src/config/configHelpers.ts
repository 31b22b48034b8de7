import type { LoggerConfig, OptionDataEntry, Reservation } from './configModel';

/** A configuration Kea would reject; `message` reads like Kea's own. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type JsonMap = Record<string, unknown>;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalMap(parent: JsonMap, key: string, where: string): JsonMap | undefined {
  const value = parent[key];
  if (value === undefined) return undefined;
  if (!isMap(value)) throw new ConfigError(`'${key}' parameter in ${where} must be a map`);
  return value;
}

export function optionalList(parent: JsonMap, key: string, where: string): unknown[] {
  const value = parent[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(`'${key}' parameter in ${where} must be a list`);
  return value;
}

export function optionalInt(parent: JsonMap, key: string, where: string): number | undefined {
  const value = parent[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ConfigError(`invalid value type specified for parameter '${key}' (${where})`);
  }
  if (value < 0)
    throw new ConfigError(
      `out of range value (${value}) specified for parameter '${key}' (${where})`,
    );
  return value;
}

export function optionalString(parent: JsonMap, key: string, where: string): string | undefined {
  const value = parent[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new ConfigError(`invalid value type specified for parameter '${key}' (${where})`);
  }
  return value;
}

export function optionalBool(parent: JsonMap, key: string, where: string): boolean | undefined {
  const value = parent[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    throw new ConfigError(`invalid value type specified for parameter '${key}' (${where})`);
  }
  return value;
}

export function parseOptionData(
  list: unknown[],
  defaultSpace: string,
  where: string,
): OptionDataEntry[] {
  return list.map((entry) => {
    if (!isMap(entry)) throw new ConfigError(`option-data entry is not a map (${where})`);
    const name = optionalString(entry, 'name', where);
    const code = optionalInt(entry, 'code', where);
    if (name === undefined && code === undefined) {
      throw new ConfigError(
        `option data configuration requires one of 'code' or 'name' parameters to be specified (${where})`,
      );
    }
    return {
      name,
      code,
      space: optionalString(entry, 'space', where) ?? defaultSpace,
      data: optionalString(entry, 'data', where) ?? '',
      csvFormat: optionalBool(entry, 'csv-format', where) ?? true,
      alwaysSend: optionalBool(entry, 'always-send', where) ?? false,
    };
  });
}

const IDENTIFIER_TYPES = ['hw-address', 'client-id', 'duid', 'circuit-id', 'flex-id'] as const;

function identifierHex(type: string, value: string): string {
  // circuit-id and flex-id may be given as a quoted string: 'text'
  if (/^'.*'$/.test(value)) {
    return [...new TextEncoder().encode(value.slice(1, -1))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
  }
  const clean = value.replace(/[\s:-]/g, '').toLowerCase();
  if (!/^([0-9a-f]{2})+$/.test(clean)) {
    throw new ConfigError(`invalid host identifier value '${value}' for ${type}`);
  }
  return clean;
}

export function parseReservations(
  list: unknown[],
  defaultSpace: string,
  where: string,
): Reservation[] {
  return list.map((entry) => {
    if (!isMap(entry)) throw new ConfigError(`reservation is not a map (${where})`);
    const types = IDENTIFIER_TYPES.filter((t) => entry[t] !== undefined);
    if (types.length === 0) {
      throw new ConfigError(
        `one of the supported identifiers must be specified for host reservation: ${IDENTIFIER_TYPES.join(', ')} (${where})`,
      );
    }
    if (types.length > 1) {
      throw new ConfigError(`the 'hw-address' and '${types[1]}' are mutually exclusive (${where})`);
    }
    const identifierType = types[0] as Reservation['identifierType'];
    const ipAddresses = optionalList(entry, 'ip-addresses', where).map(String);
    const prefixes = optionalList(entry, 'prefixes', where).map(String);
    const classes = optionalList(entry, 'client-classes', where).map(String);
    return {
      identifierType,
      identifier: identifierHex(identifierType, String(entry[identifierType])),
      ipAddress: optionalString(entry, 'ip-address', where),
      ipAddresses,
      prefixes,
      hostname: optionalString(entry, 'hostname', where),
      optionData: parseOptionData(optionalList(entry, 'option-data', where), defaultSpace, where),
      clientClasses: classes,
    };
  });
}

const SEVERITIES = ['FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'NONE'] as const;

export function parseLoggers(list: unknown[]): LoggerConfig[] {
  return list.map((entry) => {
    if (!isMap(entry)) throw new ConfigError('logger entry is not a map');
    const name = optionalString(entry, 'name', 'loggers');
    if (name === undefined) throw new ConfigError("missing parameter 'name' (loggers)");
    const severity = (optionalString(entry, 'severity', 'loggers') ?? 'INFO').toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new ConfigError(`Unknown severity value '${severity}' (loggers)`);
    }
    const debuglevel = optionalInt(entry, 'debuglevel', 'loggers') ?? 0;
    if (debuglevel > 99) throw new ConfigError(`debuglevel must be between 0 and 99 (loggers)`);
    return { name, severity: severity as LoggerConfig['severity'], debuglevel };
  });
}
