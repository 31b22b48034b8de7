// Every hook point the reference lists for a family and Kea release must be reachable: a
// library with a callout on each registered hook records which ones ran while a set of queries,
// commands and timers goes through the server.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildDecline,
  buildDecline6,
  buildDiscover,
  buildInform,
  buildRebind,
  buildRelease,
  buildRelease6,
  buildRenew,
  buildRequest,
  buildRequest6,
  buildSolicit,
  Option,
  Pkt4,
} from '@hookscope/dhcp';
import type { CalloutHandle, LibraryModule } from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { hookNamesFor } from '../src/hookNames';
import { keaFeatures, SUPPORTED_KEA_VERSIONS, versionNumber } from '../src/keaVersion';
import { config6, makeServer, SERVER_ID6 } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
let root = here;
while (!existsSync(join(root, 'pnpm-workspace.yaml')) && dirname(root) !== root)
  root = dirname(root);
const reference = resolve(root, '../shared/reference/hook-points.json');

/** Hook points no simulated path reaches, one reason each. */
const UNREACHABLE: Record<string, string> = {
  cb4_updated: 'needs a configuration backend (config-control), which is not simulated',
  cb6_updated: 'needs a configuration backend (config-control), which is not simulated',
};

interface HookPoint {
  name: string;
  since: string;
}

function listed(family: 'dhcp4' | 'dhcp6', version: string): string[] {
  const all = JSON.parse(readFileSync(reference, 'utf8')) as {
    servers: Record<string, HookPoint[]>;
  };
  const wanted = versionNumber(version);
  return (all.servers[family] ?? [])
    .filter((h) => sinceNumber(h.since) <= wanted)
    .map((h) => h.name)
    .sort();
}

/** "0.8" or "2.1.5 (first stable release: 2.2.0)" -> a number comparable to versionNumber's. */
function sinceNumber(since: string): number {
  const [major = 0, minor = 0, patch = 0] = (/^[\d.]+/.exec(since)?.[0] ?? '0')
    .split('.')
    .map(Number);
  return major * 10000 + minor * 100 + patch;
}

/** Records every hook it is called on; lease4_offer says the address is in use when asked. */
function recorder(family: 'dhcp4' | 'dhcp6', version: string, seen: Set<string>) {
  const state = { declineOffer: false };
  const module: LibraryModule = {
    version: () => versionNumber(version),
    multi_threading_compatible: () => 1,
  };
  const names = [
    ...hookNamesFor(family, keaFeatures(version)),
    'context_create',
    'context_destroy',
  ];
  for (const name of names) {
    module[name] = (handle: CalloutHandle) => {
      seen.add(name);
      if (name === 'lease4_offer')
        handle.setArgument('offer_address_in_use', state.declineOffer, 'bool');
      if (name === 'host4_identifier' || name === 'host6_identifier')
        handle.setArgument('id_value', Uint8Array.from([1, 2]), 'std::vector<uint8_t>');
      return 0;
    };
  }
  return { module, state };
}

function drive4(version: string, seen: Set<string>): void {
  const { module, state } = recorder('dhcp4', version, seen);
  const { server, clock } = makeServer('dhcp4', { '/lib/r.so': module }, { keaVersion: version });
  const answer = server.configure({
    Dhcp4: {
      'interfaces-config': { interfaces: ['eth1'] },
      'valid-lifetime': 60,
      'decline-probation-period': 10,
      'host-reservation-identifiers': ['hw-address', 'flex-id'],
      subnet4: [{ id: 1, subnet: '192.0.2.0/24', pools: [{ pool: '192.0.2.100-192.0.2.199' }] }],
      'hooks-libraries': [{ library: '/lib/r.so' }],
    },
  });
  expect(answer.result).toBe(0);
  const serverId = '192.0.2.1';
  const lease = (hwaddr: string, xid: number): string => {
    const offer = Pkt4.unpack(
      server.receive(buildDiscover({ hwaddr, xid }).pack())[0] ?? new Uint8Array(),
    );
    const address = offer.getYiaddr();
    server.receive(buildRequest('selecting', { hwaddr, xid, address, serverId }).pack());
    return address;
  };
  const first = lease('02:00:00:00:00:01', 1);
  lease('02:00:00:00:00:01', 2); // the client's own lease again: lease4_renew
  server.receive(buildInform({ hwaddr: '02:00:00:00:00:01', xid: 3, address: first }).pack());
  server.receive(buildRelease({ hwaddr: '02:00:00:00:00:01', address: first, serverId }).pack());
  const second = lease('02:00:00:00:00:02', 4);
  server.receive(buildDecline({ hwaddr: '02:00:00:00:00:02', address: second, serverId }).pack());
  state.declineOffer = true;
  server.receive(buildDiscover({ hwaddr: '02:00:00:00:00:03', xid: 5 }).pack());
  state.declineOffer = false;
  lease('02:00:00:00:00:04', 6);
  clock.now += 120_000;
  server.advance(120);
  server.command({ command: 'version-get' });
}

function drive6(version: string, seen: Set<string>): void {
  const { module } = recorder('dhcp6', version, seen);
  const { server, clock } = makeServer('dhcp6', { '/lib/r.so': module }, { keaVersion: version });
  const answer = server.configure(
    config6([{ library: '/lib/r.so' }], {
      'preferred-lifetime': 30,
      'valid-lifetime': 60,
      'decline-probation-period': 10,
      'host-reservation-identifiers': ['duid', 'flex-id'],
    }),
  );
  expect(answer.result).toBe(0);
  const fqdn = new Option('v6', 39, Uint8Array.from([1, 4, 104, 111, 115, 116]));
  const one = { hwaddr: '02:00:00:00:00:01', options: [fqdn] };
  server.receive(buildSolicit(one).pack());
  const held = { ...one, serverId: SERVER_ID6, addresses: ['2001:db8:1::100'] };
  server.receive(buildRequest6(held).pack());
  server.receive(buildRenew(held).pack());
  server.receive(buildRebind(held).pack());
  server.receive(buildRelease6(held).pack());
  const two = { hwaddr: '02:00:00:00:00:02', serverId: SERVER_ID6, addresses: ['2001:db8:1::101'] };
  server.receive(buildRequest6(two).pack());
  server.receive(buildDecline6(two).pack());
  const register = buildRebind({ hwaddr: '02:00:00:00:00:03', addresses: ['2001:db8:1::5'] });
  register.msgType = 36;
  server.receive(register.pack(), { remoteAddress: '2001:db8:1::5' });
  server.receive(buildRequest6({ hwaddr: '02:00:00:00:00:04', serverId: SERVER_ID6 }).pack());
  clock.now += 120_000;
  server.advance(120);
  server.command({ command: 'version-get' });
}

describe.skipIf(!existsSync(reference))('every hook point of hook-points.json is reached', () => {
  for (const family of ['dhcp4', 'dhcp6'] as const) {
    for (const version of SUPPORTED_KEA_VERSIONS) {
      it(`${family}, Kea ${version}`, () => {
        const seen = new Set<string>();
        if (family === 'dhcp4') drive4(version, seen);
        else drive6(version, seen);
        const expected = listed(family, version).filter((name) => !UNREACHABLE[name]);
        expect([...seen].sort()).toEqual(expected);
      });
    }
  }
});
