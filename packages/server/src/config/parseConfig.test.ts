import { describe, expect, it } from 'vitest';
import { keaFeatures } from '../keaVersion';
import { ConfigError } from './configHelpers';
import type { ServerConfig4, ServerConfig6 } from './configModel';
import { parseServerConfig } from './parseConfig';

const v22 = keaFeatures('2.2.0');
const newest = keaFeatures('3.3.1');

function parse4(dhcp4: Record<string, unknown>, features = v22): ServerConfig4 {
  return parseServerConfig('dhcp4', { Dhcp4: dhcp4 }, features) as ServerConfig4;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('parseServerConfig', () => {
  it('inherits lifetimes, numbers subnets without id, reads pools in both notations', () => {
    const c = parse4({
      'valid-lifetime': 600,
      subnet4: [
        { id: 7, subnet: '192.0.2.0/24', pools: [{ pool: '192.0.2.10 - 192.0.2.20' }] },
        { subnet: '198.51.100.0/24', 'valid-lifetime': 60, pools: [{ pool: '198.51.100.0/28' }] },
      ],
    });
    expect(c.subnets.map((s) => [s.id, s.timers.validLifetime])).toEqual([
      [7, 600],
      [8, 60],
    ]);
    const pool = c.subnets[1]?.pools[0];
    expect(pool && pool.last - pool.first).toBe(15);
  });

  it('rejects what Kea rejects, with Kea-like messages', () => {
    expect(errorOf(() => parseServerConfig('dhcp4', { Dhcp6: {} }, v22))).toBe(
      "Missing mandatory 'Dhcp4' parameter.",
    );
    expect(errorOf(() => parse4({ 'valid-lifetim': 5 }))).toContain('valid-lifetim');
    expect(errorOf(() => parse4({ subnet4: [{ id: 1, subnet: '192.0.2.0/33' }] }))).toContain(
      '192.0.2.0/33',
    );
    expect(
      errorOf(() =>
        parse4({
          subnet4: [
            { id: 1, subnet: '192.0.2.0/24' },
            { id: 1, subnet: '198.51.100.0/24' },
          ],
        }),
      ),
    ).toContain('duplicate subnet identifier 1');
    expect(errorOf(() => parse4({ 'hooks-libraries': [{ library: '/a.so', comment: 'x' }] }))).toBe(
      'unknown hooks library parameter: comment',
    );
    expect(errorOf(() => parse4({ 'hooks-libraries': [{ parameters: {} }] }))).toContain(
      'missing the name of the library',
    );
    expect(errorOf(() => parse4({ 'hooks-libraries': [{ library: '  ""  ' }] }))).toContain(
      'must not be blank',
    );
  });

  it('strips quotes and spaces from library paths (2.2.0) and keeps parameters as given', () => {
    const c = parse4({
      'hooks-libraries': [{ library: ' "/usr/lib/a.so" ', parameters: { x: 1 } }],
    });
    expect(c.hooksLibraries).toEqual([{ library: '/usr/lib/a.so', parameters: { x: 1 } }]);
  });

  it('defaults multi-threading per release', () => {
    expect(parse4({}).multiThreading).toBe(false);
    expect(parse4({}, newest).multiThreading).toBe(true);
    expect(
      parse4({ 'multi-threading': { 'enable-multi-threading': false } }, newest).multiThreading,
    ).toBe(false);
  });

  it('reads reservations by each identifier type and loggers', () => {
    const c = parse4({
      reservations: [
        { 'hw-address': '02:00:00:00:10:01', 'ip-address': '192.0.2.5' },
        { 'flex-id': "'gold'", hostname: 'vip' },
      ],
      loggers: [{ name: 'kea-dhcp4', severity: 'debug', debuglevel: 40 }],
    });
    expect(c.reservations.map((r) => [r.identifierType, r.identifier])).toEqual([
      ['hw-address', '020000001001'],
      ['flex-id', '676f6c64'],
    ]);
    expect(c.loggers).toEqual([{ name: 'kea-dhcp4', severity: 'DEBUG', debuglevel: 40 }]);
  });

  it('builds the DHCPv6 server DUID from server-id', () => {
    const c = parseServerConfig(
      'dhcp6',
      { Dhcp6: { 'server-id': { type: 'EN', 'enterprise-id': 2495, identifier: '0123456789' } } },
      v22,
    ) as ServerConfig6;
    expect([...c.serverDuid].map((b) => b.toString(16).padStart(2, '0')).join(':')).toBe(
      '00:02:00:00:09:bf:01:23:45:67:89',
    );
  });
});
