import type { Option } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import { Lease6, LeaseState } from '../leases/lease';
import { callQueryHook } from '../queryHook';
import { clientName6 } from './clientName6';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';
import {
  iaAddrOption,
  iaEntries,
  iaidOf,
  iaOption,
  iaPrefixOption,
  STATUS,
  statusOption,
} from './packet6';

type LeaseType = 'IA_NA' | 'IA_PD';

/** The IA_NA and IA_PD options of the query, in Kea's order (by option code). */
function iasOf(ex: Exchange6): Option[] {
  return ex.query.options
    .filter((o) => o.code === 3 || o.code === 25)
    .sort((a, b) => a.code - b.code);
}

function typeOf(ia: Option): LeaseType {
  return ia.code === 25 ? 'IA_PD' : 'IA_NA';
}

function timers(
  _server: Dhcp6Server,
  ex: Exchange6,
): { t1: number; t2: number; preferred: number; valid: number } {
  const t = ex.subnet?.config.timers;
  const valid = t?.validLifetime ?? 7200;
  const preferred = t?.preferredLifetime ?? 3600;
  return {
    t1: t?.renewTimer ?? Math.floor(preferred * 0.5),
    t2: t?.rebindTimer ?? Math.floor(preferred * 0.8),
    preferred,
    valid,
  };
}

function leaseOption(lease: Lease6): Option {
  return lease.type === 'IA_PD'
    ? iaPrefixOption(lease.addr, lease.prefixlen, lease.preferredLft, lease.validLft)
    : iaAddrOption(lease.addr, lease.preferredLft, lease.validLft);
}

function answerIa(
  server: Dhcp6Server,
  ex: Exchange6,
  ia: Option,
  leases: Lease6[],
  failure?: number,
): void {
  const t = timers(server, ex);
  const subs = leases.map(leaseOption);
  if (leases.length === 0) {
    const code = failure ?? (typeOf(ia) === 'IA_PD' ? STATUS.NoPrefixAvail : STATUS.NoAddrsAvail);
    subs.push(
      statusOption(
        code,
        code === STATUS.NoPrefixAvail
          ? 'Sorry, no prefixes could be allocated.'
          : 'Sorry, no address could be allocated.',
      ),
    );
  }
  ex.response?.addOption(
    iaOption(ia.code, iaidOf(ia), leases.length ? t.t1 : 0, leases.length ? t.t2 : 0, subs),
  );
}

/** Constant names (no string built per lease: the statistics map hashes a fresh string each time). */
function statName(type: LeaseType, what: 'assigned' | 'cumulative-assigned'): string {
  if (type === 'IA_PD') return what === 'assigned' ? 'assigned-pds' : 'cumulative-assigned-pds';
  return what === 'assigned' ? 'assigned-nas' : 'cumulative-assigned-nas';
}

/** lease6_select for a new lease; SKIP gives none. Stores it unless the allocation is fake. */
function select(server: Dhcp6Server, ex: Exchange6, ia: Option): Lease6 | undefined {
  const subnet = ex.subnet;
  if (!subnet) return undefined;
  const type = typeOf(ia);
  const now = server.nowSeconds();
  const reserved = new Set<string>();
  for (const r of subnet.config.reservations)
    if (r !== ex.reservation)
      for (const a of [...r.ipAddresses, ...r.prefixes]) reserved.add(a.split('/')[0] ?? a);
  let address: string | undefined;
  let length = 128;
  const mine = type === 'IA_PD' ? ex.reservation?.prefixes[0] : ex.reservation?.ipAddresses[0];
  const hint = iaEntries(ia)[0];
  if (mine) {
    address = mine.split('/')[0];
    length = type === 'IA_PD' ? Number(mine.split('/')[1] ?? 128) : 128;
  } else if (
    hint &&
    server.allocator.free(type, hint.address, now) &&
    !reserved.has(hint.address)
  ) {
    const value = server.addressValue(hint.address);
    if (value !== undefined && type === 'IA_NA' && server.allocator.inPool(subnet.config, value))
      address = hint.address;
    const pool =
      value === undefined || type !== 'IA_PD'
        ? undefined
        : server.allocator.pdPoolOf(subnet.config, value);
    if (pool && (hint.length === 0 || hint.length === pool.delegatedLength)) {
      address = hint.address;
      length = pool.delegatedLength;
    }
  }
  if (address === undefined) {
    if (type === 'IA_PD') {
      const picked = server.allocator.pickPrefix(subnet.config, now, reserved);
      address = picked?.prefix;
      length = picked?.length ?? 128;
    } else address = server.allocator.pickAddress(subnet.config, now, reserved);
  }
  if (address === undefined) return undefined;
  const t = timers(server, ex);
  let lease: Lease6 | undefined = new Lease6(
    type,
    address,
    length,
    iaidOf(ia),
    ex.duid,
    t.preferred,
    t.valid,
    now,
    subnet.id,
    ex.hwaddr,
    ex.hostname,
    ex.fwdUpdate,
    ex.revUpdate,
  );
  const offered = lease;
  const status = callQueryHook(
    server,
    ex,
    server.common.leaseSelect,
    (handle) => {
      handle.setArgument('query6', ex.query, CPP.pkt6);
      handle.setArgument('subnet6', subnet, server.subnetTag);
      handle.setArgument('fake_allocation', ex.fake, CPP.bool);
      handle.setArgument('lease6', offered, CPP.lease6);
    },
    (handle) => {
      lease = handle.getArgument<Lease6 | undefined>('lease6');
    },
  );
  if (status === 1 || !lease) return undefined;
  if (!ex.fake) {
    if (server.store.get(lease.type, lease.addr)) server.store.update(lease);
    else server.store.add(lease);
    server.stats.add(server.stats.subnetName(lease.subnetId, statName(type, 'assigned')));
    server.stats.add(
      server.stats.subnetName(lease.subnetId, statName(type, 'cumulative-assigned')),
    );
    server.stats.add(statName(type, 'cumulative-assigned'));
  }
  const pd = type === 'IA_PD';
  const key = ex.fake
    ? pd
      ? 'DHCP6_PD_LEASE_ADVERT'
      : 'DHCP6_LEASE_ADVERT'
    : pd
      ? 'DHCP6_PD_LEASE_ALLOC'
      : 'DHCP6_LEASE_ALLOC';
  if (server.wants(key)) {
    const what = pd ? `${lease.addr}/${lease.prefixlen}` : lease.addr;
    server.say(key, ex.query.getLabel(), what, lease.iaid, lease.validLft);
  }
  return lease;
}

function usable(lease: Lease6, now: number): boolean {
  return lease.state === LeaseState.DEFAULT && !lease.expired(now);
}

/** lease6_release / lease6_decline on one of the client's leases; returns the status. */
function leaseHook(server: Dhcp6Server, ex: Exchange6, hook: number, lease: Lease6): number {
  return callQueryHook(server, ex, hook, (handle) => {
    handle.setArgument('query6', ex.query, CPP.pkt6);
    handle.setArgument('lease6', lease, CPP.lease6);
  });
}

/** SOLICIT and REQUEST: a client's existing lease is kept (no hook), else one is selected. */
export function assignLeases6(server: Dhcp6Server, ex: Exchange6): void {
  clientName6(server, ex);
  const now = server.nowSeconds();
  for (const ia of iasOf(ex)) {
    if (!ex.subnet) {
      answerIa(server, ex, ia, []);
      continue;
    }
    const type = typeOf(ia);
    const existing = server.store
      .findClient(type, ex.duid, iaidOf(ia), ex.subnet.id)
      .filter((l) => usable(l, now));
    if (existing.length > 0) {
      const t = timers(server, ex);
      const out = existing.map((l) => {
        if (ex.fake) return l;
        l.cltt = now;
        l.validLft = t.valid;
        l.preferredLft = t.preferred;
        server.store.update(l);
        return l;
      });
      if (!ex.fake) ex.leases.push(...out);
      answerIa(server, ex, ia, out);
      continue;
    }
    const lease = select(server, ex, ia);
    if (!lease) {
      server.stats.add('v6-allocation-fail');
      answerIa(server, ex, ia, []);
      continue;
    }
    if (!ex.fake) ex.leases.push(lease);
    answerIa(server, ex, ia, [lease]);
  }
}

/** RENEW / REBIND: lease6_renew or lease6_rebind per existing lease; SKIP keeps the stored one. */
export function extendLeases6(server: Dhcp6Server, ex: Exchange6): void {
  clientName6(server, ex);
  const now = server.nowSeconds();
  const renew = ex.query.getType() === 5;
  const h = renew ? server.common.leaseRenew : server.hooks.lease6_rebind;
  for (const ia of iasOf(ex)) {
    if (!ex.subnet) {
      answerIa(server, ex, ia, [], STATUS.NoBinding);
      continue;
    }
    const type = typeOf(ia);
    const existing = server.store
      .findClient(type, ex.duid, iaidOf(ia), ex.subnet.id)
      .filter((l) => l.state === LeaseState.DEFAULT);
    if (existing.length === 0) {
      const lease = select(server, ex, ia);
      if (lease) ex.leases.push(lease);
      answerIa(server, ex, ia, lease ? [lease] : [], STATUS.NoBinding);
      continue;
    }
    const t = timers(server, ex);
    const out: Lease6[] = [];
    for (const stored of existing) {
      const lease = stored.clone();
      lease.cltt = now;
      lease.validLft = t.valid;
      lease.preferredLft = t.preferred;
      lease.hostname = ex.hostname;
      lease.fqdnFwd = ex.fwdUpdate;
      lease.fqdnRev = ex.revUpdate;
      const skip =
        callQueryHook(server, ex, h, (handle) => {
          handle.setArgument('query6', ex.query, CPP.pkt6);
          handle.setArgument('lease6', lease, CPP.lease6);
          handle.setArgument(type === 'IA_PD' ? 'ia_pd' : 'ia_na', ia, CPP.option6Ia);
        }) === 1;
      if (!skip) {
        server.store.update(lease);
        ex.leases.push(lease);
      }
      out.push(skip ? stored : lease);
    }
    answerIa(server, ex, ia, out);
  }
}

/** RELEASE: lease6_release per owned lease; SKIP or DROP keep it (UnspecFail for that IA). */
export function releaseLeases6(server: Dhcp6Server, ex: Exchange6): void {
  for (const ia of iasOf(ex)) {
    const type = typeOf(ia);
    const iaid = iaidOf(ia);
    let code: number = STATUS.NoBinding;
    let text = 'No binding for this IA.';
    for (const entry of iaEntries(ia)) {
      const lease = server.store.get(type, entry.address);
      if (!lease || lease.duid !== ex.duid || lease.iaid !== iaid) continue;
      const status = leaseHook(server, ex, server.common.leaseRelease, lease);
      if (status === 1 || status === 2) {
        const skipped =
          type === 'IA_PD'
            ? 'DHCP6_HOOK_LEASE6_RELEASE_PD_SKIP'
            : 'DHCP6_HOOK_LEASE6_RELEASE_NA_SKIP';
        if (server.wants(skipped)) server.say(skipped, ex.query.getLabel());
        code = STATUS.UnspecFail;
        text = 'Server failed to release a lease';
        continue;
      }
      server.store.delete(lease);
      server.stats.add(server.stats.subnetName(lease.subnetId, statName(type, 'assigned')), -1);
      ex.deleted.push(lease);
      code = STATUS.Success;
      text = 'Lease released. Thank you, please come again.';
      const released = type === 'IA_PD' ? 'DHCP6_RELEASE_PD' : 'DHCPX_RELEASE';
      if (server.wants(released)) server.say(released, ex.query.getLabel(), lease.addr);
    }
    ex.response?.addOption(iaOption(ia.code, iaid, 0, 0, [statusOption(code, text)]));
  }
  server.topStatus(ex, STATUS.Success, 'Summary status for all processed IA_NAs');
}

/** DECLINE: lease6_decline per owned address; SKIP keeps the lease, DROP drops the reply. */
export function declineLeases6(server: Dhcp6Server, ex: Exchange6): void {
  const probation = server.config?.declineProbationPeriod ?? 86400;
  for (const ia of iasOf(ex)) {
    if (ia.code !== 3) continue;
    const iaid = iaidOf(ia);
    let code: number = STATUS.NoBinding;
    for (const entry of iaEntries(ia)) {
      const lease = server.store.get('IA_NA', entry.address);
      if (!lease || lease.duid !== ex.duid || lease.iaid !== iaid) continue;
      const status = leaseHook(server, ex, server.common.leaseDecline, lease);
      if (status === 2) {
        if (server.wants('DHCP6_HOOK_DECLINE_DROP'))
          server.say('DHCP6_HOOK_DECLINE_DROP', ex.query.getLabel());
        ex.response = undefined;
        return;
      }
      code = STATUS.Success;
      ex.leases.push(lease);
      if (status === 1) {
        if (server.wants('DHCP6_HOOK_DECLINE_SKIP'))
          server.say('DHCP6_HOOK_DECLINE_SKIP', ex.query.getLabel(), lease.addr);
        continue;
      }
      lease.state = LeaseState.DECLINED;
      lease.validLft = probation;
      lease.preferredLft = 0;
      lease.cltt = server.nowSeconds();
      lease.hwaddr = undefined;
      lease.hostname = '';
      lease.fqdnFwd = false;
      lease.fqdnRev = false;
      server.store.update(lease);
      server.stats.add(server.stats.subnetName(lease.subnetId, 'declined-addresses'));
      server.stats.add('declined-addresses');
      if (server.wants('DHCPX_DECLINE_LEASE'))
        server.say('DHCPX_DECLINE_LEASE', lease.addr, ex.query.getLabel(), probation);
    }
    const text =
      code === STATUS.Success
        ? 'Lease declined. Hopefully the next one will be better.'
        : 'No binding for this IA.';
    ex.response?.addOption(iaOption(3, iaid, 0, 0, [statusOption(code, text)]));
  }
}

/** CONFIRM: on-link check of the client's addresses; no addresses means no reply. */
export function confirm6(server: Dhcp6Server, ex: Exchange6): void {
  const addresses = iasOf(ex)
    .filter((ia) => ia.code === 3)
    .flatMap((ia) => iaEntries(ia));
  if (addresses.length === 0) {
    ex.response = undefined;
    return;
  }
  const subnet = ex.subnet;
  const onLink =
    subnet !== undefined &&
    addresses.every((a) => {
      const value = server.addressValue(a.address);
      return value !== undefined && server.allocator.inSubnet(subnet.config, value);
    });
  if (onLink) server.topStatus(ex, STATUS.Success, 'All addresses are on-link');
  else server.topStatus(ex, STATUS.NotOnLink, 'Some of the addresses are not on link.');
}
