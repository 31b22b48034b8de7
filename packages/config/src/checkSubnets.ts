import type { DiagnosticInput } from './diagnostic';
import { type AddressRange, type Family, parsePool, parsePrefix } from './ipAddress';
import type { JsonValue, PathSegment } from './jsonPath';

type JsonMap = { [key: string]: JsonValue };

function isMap(value: JsonValue | undefined): value is JsonMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parsed prefixes and pools by their text, so re-validating after an edit parses only what
 * changed. Plain maps keyed by string (a WeakMap per object would burden every GC); emptied
 * when they outgrow the config. Create one per validator (`createSubnetCache`).
 */
interface FamilyCache {
  prefixes: Map<string, { range: AddressRange | undefined; canonical: string }>;
  pools: Map<string, AddressRange | undefined>;
}

export type SubnetCache = Record<Family, FamilyCache>;

export function createSubnetCache(): SubnetCache {
  return {
    4: { prefixes: new Map(), pools: new Map() },
    6: { prefixes: new Map(), pools: new Map() },
  };
}

/**
 * Kea's subnet checks that need the whole element: duplicate subnet ids and prefixes (across
 * top-level subnets and shared networks), and pools that do not fit their subnet. Messages cite
 * Kea's own wording. Linear in the number of subnets and pools, and allocation-free on a clean
 * config: a subnet is remembered as one number (list number and index), its path is only
 * built for a finding.
 */
export function checkSubnets(
  element: JsonValue,
  elementPath: PathSegment[],
  family: Family,
  report: (input: DiagnosticInput) => void,
  caches: SubnetCache = createSubnetCache(),
): void {
  if (!isMap(element)) return;
  const cache = caches[family];
  if (cache.prefixes.size > 200_000) cache.prefixes.clear();
  if (cache.pools.size > 200_000) cache.pools.clear();
  const listKey = family === 4 ? 'subnet4' : 'subnet6';
  const familyName = family === 4 ? 'IPv4' : 'IPv6';
  const lists: PathSegment[][] = [];
  const ids = new Map<number, number>();
  const prefixes = new Map<string, number>();
  const pathOf = (where: number): PathSegment[] => [
    ...(lists[Math.floor(where / SPAN)] ?? []),
    where % SPAN,
  ];

  const checkList = (list: JsonValue | undefined, listPath: PathSegment[]): void => {
    if (!Array.isArray(list)) return;
    const listNumber = lists.push(listPath) - 1;
    for (let index = 0; index < list.length; index++) {
      const subnet = list[index];
      if (!isMap(subnet)) continue;
      const where = listNumber * SPAN + index;
      const id = subnet['id'];
      if (typeof id === 'number' && id !== 0) {
        const previous = ids.get(id);
        if (previous !== undefined) {
          report({
            code: 'duplicate-subnet-id',
            message: `subnet id ${id} is already used by ${describe(pathOf(previous))}; every subnet needs its own id (leases refer to subnets by it)`,
            keaMessage: `ID of the new ${familyName} subnet '${id}' is already in use`,
            path: [...pathOf(where), 'id'],
          });
        } else {
          ids.set(id, where);
        }
      }
      const prefixText = subnet['subnet'];
      if (typeof prefixText !== 'string') continue;
      let parsed = cache.prefixes.get(prefixText);
      if (parsed === undefined) {
        const range = parsePrefix(prefixText, family);
        parsed = { range, canonical: range ? `${range.first}/${range.last}` : '' };
        cache.prefixes.set(prefixText, parsed);
      }
      const prefix = parsed.range;
      if (prefix === undefined) {
        report({
          code: 'bad-address',
          message: `'${prefixText}' is not an ${familyName} prefix such as ${family === 4 ? '192.0.2.0/24' : '2001:db8:1::/64'}`,
          path: [...pathOf(where), 'subnet'],
        });
        continue;
      }
      const previous = prefixes.get(parsed.canonical);
      if (previous !== undefined) {
        report({
          code: 'duplicate-subnet',
          message: `subnet ${prefixText} is already defined by ${describe(pathOf(previous))}`,
          keaMessage: `subnet with the prefix of '${prefixText.trim()}' already exists`,
          path: [...pathOf(where), 'subnet'],
        });
      } else {
        prefixes.set(parsed.canonical, where);
      }
      const pools = subnet['pools'];
      if (Array.isArray(pools)) {
        checkPools(pools, prefixText.trim(), prefix, family, cache, (index, input) =>
          report({ ...input, path: [...pathOf(where), 'pools', index, 'pool'] }),
        );
      }
    }
  };

  checkList(element[listKey], [...elementPath, listKey]);
  const networks = element['shared-networks'];
  if (Array.isArray(networks)) {
    networks.forEach((network, index) => {
      if (isMap(network))
        checkList(network[listKey], [...elementPath, 'shared-networks', index, listKey]);
    });
  }
}

/** Room for list positions in the number that remembers a subnet. */
const SPAN = 2 ** 24;

function checkPools(
  pools: JsonValue[],
  prefixText: string,
  prefix: AddressRange,
  family: Family,
  cache: FamilyCache,
  report: (index: number, input: Omit<DiagnosticInput, 'path'>) => void,
): void {
  for (let index = 0; index < pools.length; index++) {
    const pool = pools[index];
    if (!isMap(pool)) continue;
    const text = pool['pool'];
    if (typeof text !== 'string') continue;
    let range = cache.pools.get(text);
    if (range === undefined && !cache.pools.has(text)) {
      range = parsePool(text, family);
      cache.pools.set(text, range);
    }
    if (range === undefined) {
      report(index, {
        code: 'bad-address',
        message: `'${text}' is not a pool: write 'first - last' or a prefix`,
      });
    } else if (range.first > range.last) {
      report(index, { code: 'bad-address', message: `pool '${text}' ends before it starts` });
    } else if (range.first < prefix.first || range.last > prefix.last) {
      const type = family === 4 ? 'V4' : 'IA_NA';
      report(index, {
        code: 'pool-outside-subnet',
        message: `pool ${text.trim()} is not inside its subnet ${prefixText}`,
        keaMessage: `subnet configuration failed: a pool of type ${type}, with the following address range: ${text.replace(/\s+/g, '')} does not match the prefix of a subnet: ${prefixText} to which it is being added`,
      });
    }
  }
}

function describe(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `/${s}`))
    .join('')
    .slice(1);
}
