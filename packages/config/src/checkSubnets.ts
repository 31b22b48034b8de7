import type { DiagnosticInput } from './diagnostic';
import { type AddressRange, type Family, parsePool, parsePrefix } from './ipAddress';
import type { JsonValue, PathSegment } from './jsonPath';

type JsonMap = { [key: string]: JsonValue };

function isMap(value: JsonValue | undefined): value is JsonMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parsed prefixes and pools by the map they came from. An incremental re-scan keeps the maps
 * it did not touch, so their parses are reused; the text is compared to catch in-place edits.
 * Create one per validator (`createSubnetCache`).
 */
export interface SubnetCache {
  prefixes: WeakMap<object, { text: string; range: AddressRange | undefined; canonical: string }>;
  pools: WeakMap<object, { text: string; range: AddressRange | undefined }>;
}

export function createSubnetCache(): SubnetCache {
  return { prefixes: new WeakMap(), pools: new WeakMap() };
}

/**
 * Kea's subnet checks that need the whole element: duplicate subnet ids and prefixes (across
 * top-level subnets and shared networks), and pools that do not fit their subnet. Messages cite
 * Kea's own wording. Linear in the number of subnets and pools.
 */
export function checkSubnets(
  element: JsonValue,
  elementPath: PathSegment[],
  family: Family,
  report: (input: DiagnosticInput) => void,
  cache: SubnetCache = createSubnetCache(),
): void {
  if (!isMap(element)) return;
  const listKey = family === 4 ? 'subnet4' : 'subnet6';
  // Paths are built only for findings: a clean config allocates next to nothing.
  const subnets: { subnet: JsonMap; list: PathSegment[]; index: number }[] = [];
  const collect = (list: JsonValue | undefined, path: PathSegment[]): void => {
    if (!Array.isArray(list)) return;
    for (let index = 0; index < list.length; index++) {
      const subnet = list[index];
      if (isMap(subnet)) subnets.push({ subnet, list: path, index });
    }
  };
  collect(element[listKey], [...elementPath, listKey]);
  const networks = element['shared-networks'];
  if (Array.isArray(networks)) {
    networks.forEach((network, index) => {
      if (isMap(network)) {
        collect(network[listKey], [...elementPath, 'shared-networks', index, listKey]);
      }
    });
  }
  const ids = new Map<number, () => PathSegment[]>();
  const prefixes = new Map<string, () => PathSegment[]>();
  const familyName = family === 4 ? 'IPv4' : 'IPv6';
  for (const entry of subnets) {
    const { subnet } = entry;
    const path = (): PathSegment[] => [...entry.list, entry.index];
    const id = subnet['id'];
    if (typeof id === 'number' && id !== 0) {
      if (ids.has(id)) {
        report({
          code: 'duplicate-subnet-id',
          message: `subnet id ${id} is already used by ${describe(ids.get(id)?.() ?? [])}; every subnet needs its own id (leases refer to subnets by it)`,
          keaMessage: `ID of the new ${familyName} subnet '${id}' is already in use`,
          path: [...path(), 'id'],
        });
      } else {
        ids.set(id, path);
      }
    }
    const prefixText = subnet['subnet'];
    if (typeof prefixText !== 'string') continue;
    let parsed = cache.prefixes.get(subnet);
    if (parsed === undefined || parsed.text !== prefixText) {
      const range = parsePrefix(prefixText, family);
      parsed = { text: prefixText, range, canonical: range ? `${range.first}/${range.last}` : '' };
      cache.prefixes.set(subnet, parsed);
    }
    const prefix = parsed.range;
    if (prefix === undefined) {
      report({
        code: 'bad-address',
        message: `'${prefixText}' is not an ${familyName} prefix such as ${family === 4 ? '192.0.2.0/24' : '2001:db8:1::/64'}`,
        path: [...path(), 'subnet'],
      });
      continue;
    }
    const canonical = parsed.canonical;
    const previous = prefixes.get(canonical);
    if (previous !== undefined) {
      report({
        code: 'duplicate-subnet',
        message: `subnet ${prefixText} is already defined by ${describe(previous())}`,
        keaMessage: `subnet with the prefix of '${prefixText.trim()}' already exists`,
        path: [...path(), 'subnet'],
      });
    } else {
      prefixes.set(canonical, path);
    }
    checkPools(subnet['pools'], path, prefixText, prefix, family, report, cache);
  }
}

function checkPools(
  pools: JsonValue | undefined,
  path: () => PathSegment[],
  prefixText: string,
  prefix: AddressRange,
  family: Family,
  report: (input: DiagnosticInput) => void,
  cache: SubnetCache,
): void {
  if (!Array.isArray(pools)) return;
  pools.forEach((pool, index) => {
    if (!isMap(pool)) return;
    const text = pool['pool'];
    if (typeof text !== 'string') return;
    const poolPath = (): PathSegment[] => [...path(), 'pools', index, 'pool'];
    let parsed = cache.pools.get(pool);
    if (parsed === undefined || parsed.text !== text) {
      parsed = { text, range: parsePool(text, family) };
      cache.pools.set(pool, parsed);
    }
    const range = parsed.range;
    if (range === undefined) {
      report({
        code: 'bad-address',
        message: `'${text}' is not a pool: write 'first - last' or a prefix`,
        path: poolPath(),
      });
      return;
    }
    if (range.first > range.last) {
      report({
        code: 'bad-address',
        message: `pool '${text}' ends before it starts`,
        path: poolPath(),
      });
      return;
    }
    if (range.first < prefix.first || range.last > prefix.last) {
      const type = family === 4 ? 'V4' : 'IA_NA';
      const rangeText = text.replace(/\s+/g, '');
      report({
        code: 'pool-outside-subnet',
        message: `pool ${text.trim()} is not inside its subnet ${prefixText.trim()}`,
        keaMessage: `subnet configuration failed: a pool of type ${type}, with the following address range: ${rangeText} does not match the prefix of a subnet: ${prefixText.trim()} to which it is being added`,
        path: poolPath(),
      });
    }
  });
}

function describe(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `/${s}`))
    .join('')
    .slice(1);
}
