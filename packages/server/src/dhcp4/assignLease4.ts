import { DHCPNAK, type HWAddr } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import { Lease4, LeaseState } from '../leases/lease';
import { callQueryHook } from '../queryHook';
import { reservedForOthers } from './allocator4';
import { clientName4 } from './clientName4';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { requestedAddress, serverIdOption } from './packet4';

/**
 * Kea's assignLease for DISCOVER (`fake`) and REQUEST: the early NAK checks, the query's handle
 * (created here at the latest), ddns4_update, then the allocation engine: the client's lease is
 * renewed (lease4_renew), else the requested, reserved or next free address is selected
 * (lease4_select). A failed REQUEST becomes a NAK; a failed DISCOVER gets no answer.
 */
export function assignLease4(server: Dhcp4Server, ex: Exchange4, fake: boolean): void {
  const query = ex.query;
  const subnet = ex.subnet;
  const response = ex.response;
  if (!subnet || !response) return;
  const store = server.store;
  const now = server.nowSeconds();
  const matchClientId = subnet.config.matchClientId;
  const clientId = matchClientId ? ex.clientId : undefined;
  const existing = store.findClient(subnet.id, ex.clientId, ex.hwaddr, matchClientId);
  ex.oldLease = existing;
  const ciaddr = query.getCiaddr();
  const hint = requestedAddress(query) ?? (ciaddr !== '0.0.0.0' ? ciaddr : undefined);
  const hintValue = hint === undefined ? undefined : server.addressValue(hint);
  if (!fake) {
    // early checks, before the client name is processed (no hooks run for them)
    if (hint === undefined || hintValue === undefined) {
      nak(server, ex);
      return;
    }
    if (!server.allocator.inSubnet(subnet.config, hintValue)) {
      nak(server, ex);
      return;
    }
    const initReboot = serverIdOption(query) === undefined && ciaddr === '0.0.0.0';
    if (initReboot) {
      if (!existing && !(server.config4?.authoritative ?? false)) {
        ex.response = undefined;
        ex.committed = false;
        return;
      }
      if (existing && existing.addr !== hint) {
        nak(server, ex);
        return;
      }
    }
  }
  server.handleOf(ex); // lease assignment has the query's handle at the latest (R76)
  clientName4(server, ex);
  const reserved = ex.reservation?.ipAddress;
  const others = reservedForOthers(subnet.config, ex.reservation);
  let lease: Lease4 | undefined;
  if (fake) {
    if (
      existing &&
      existing.state === LeaseState.DEFAULT &&
      (reserved === undefined || reserved === existing.addr)
    ) {
      lease = renew(server, ex, existing, true);
    } else {
      let address = reserved;
      if (
        address === undefined &&
        hint !== undefined &&
        hintValue !== undefined &&
        server.allocator.inPool(subnet.config, hintValue) &&
        server.allocator.available(subnet.config, hint, now, others)
      ) {
        address = hint;
      }
      address ??= server.allocator.pick(subnet.config, now, others, true);
      if (address !== undefined) lease = select(server, ex, address, clientId, true);
    }
    if (!lease) {
      server.stats.add('v4-allocation-fail');
      server.stats.add('v4-allocation-fail-subnet');
      ex.response = undefined;
      return;
    }
    ex.offered = lease;
    if (server.wants('DHCP4_LEASE_ADVERT'))
      server.say('DHCP4_LEASE_ADVERT', query.getLabel(), lease.addr);
  } else {
    const holder = hint === undefined ? undefined : store.get(hint);
    const sameClient = holder !== undefined && server.ownedBy(holder, ex);
    if (holder && !sameClient && holder.state === LeaseState.DEFAULT && !holder.expired(now)) {
      nak(server, ex);
      return;
    }
    if (holder && holder.state === LeaseState.DECLINED && !holder.expired(now)) {
      nak(server, ex);
      return;
    }
    if (hint !== undefined && others.has(hint)) {
      nak(server, ex);
      return;
    }
    if (existing && existing.addr === hint) {
      lease = renew(server, ex, existing, false);
    } else if (hint !== undefined && hintValue !== undefined) {
      if (!server.allocator.inPool(subnet.config, hintValue) && reserved !== hint) {
        nak(server, ex);
        return;
      }
      lease = select(server, ex, hint, clientId, false);
      if (lease && existing && existing.addr !== lease.addr) {
        store.delete(existing.addr);
        server.stats.add(server.stats.subnetName(existing.subnetId, 'assigned-addresses'), -1);
        ex.deleted.push(existing);
      }
    }
    if (!lease) {
      server.stats.add('v4-allocation-fail');
      nak(server, ex);
      return;
    }
    ex.leases.push(lease);
    if (server.wants('DHCP4_LEASE_ALLOC'))
      server.say('DHCP4_LEASE_ALLOC', query.getLabel(), lease.addr, lease.validLft);
  }
  response.setYiaddr(lease.addr);
}

function nak(server: Dhcp4Server, ex: Exchange4): void {
  const r = ex.response;
  if (!r) return;
  r.setType(DHCPNAK);
  r.setYiaddr('0.0.0.0');
  r.flags = 0;
  for (const code of [1, 3, 51, 58, 59, 12, 81]) r.delOption(code);
  if (server.wants('DHCPX_PACKET_NAK_0004'))
    server.say(
      'DHCPX_PACKET_NAK_0004',
      ex.query.getLabel(),
      ex.query.getCiaddr(),
      requestedAddress(ex.query) ?? '(no address)',
    );
}

function ddnsFields(ex: Exchange4, lease: Lease4): void {
  lease.hostname = ex.hostname;
  lease.fqdnFwd = ex.fwdUpdate;
  lease.fqdnRev = ex.revUpdate;
}

/** lease4_select on a new lease for `address`; SKIP means no lease. Stores it unless fake. */
function select(
  server: Dhcp4Server,
  ex: Exchange4,
  address: string,
  clientId: string | undefined,
  fake: boolean,
): Lease4 | undefined {
  const subnet = ex.subnet;
  if (!subnet) return undefined;
  const now = server.nowSeconds();
  const old = server.store.get(address);
  if (!fake && old && old.state === LeaseState.DEFAULT && old.expired(now))
    expireInline(server, ex, old);
  let lease: Lease4 | undefined = new Lease4(
    address,
    ex.hwaddr,
    clientId,
    subnet.config.timers.validLifetime,
    now,
    subnet.id,
  );
  ddnsFields(ex, lease);
  const candidate = lease;
  const status = callQueryHook(
    server,
    ex,
    server.common.leaseSelect,
    (handle) => {
      handle.setArgument('query4', ex.query, CPP.pkt4);
      handle.setArgument('subnet4', subnet, server.subnetTag);
      handle.setArgument('fake_allocation', fake, CPP.bool);
      if (server.features.offerLifetimeArgument) handle.setArgument('offer_lft', 0, CPP.uint32);
      handle.setArgument('lease4', candidate, CPP.lease4);
    },
    (handle) => {
      lease = handle.getArgument<Lease4 | undefined>('lease4');
    },
  );
  if (status === 1 || !lease) return undefined;
  if (!fake) {
    if (!server.store.add(lease)) server.store.update(lease); // add refuses a held address
    server.stats.add(server.stats.subnetName(lease.subnetId, 'assigned-addresses'));
    server.stats.add(server.stats.subnetName(lease.subnetId, 'cumulative-assigned-addresses'));
    server.stats.add('cumulative-assigned-addresses');
  }
  return lease;
}

/** lease4_renew on a copy of the client's lease with fresh times; SKIP keeps the stored one as it was. */
function renew(server: Dhcp4Server, ex: Exchange4, existing: Lease4, fake: boolean): Lease4 {
  const subnet = ex.subnet;
  const lease = existing.clone();
  lease.cltt = server.nowSeconds();
  if (subnet) lease.validLft = subnet.config.timers.validLifetime;
  if (ex.hwaddr !== undefined) lease.hwaddr = ex.hwaddr;
  ddnsFields(ex, lease);
  const status = callQueryHook(server, ex, server.common.leaseRenew, (handle) => {
    handle.setArgument('query4', ex.query, CPP.pkt4);
    handle.setArgument('subnet4', subnet, server.subnetTag);
    handle.setArgument(
      'clientid',
      subnet?.config.matchClientId ? ex.clientId : undefined,
      CPP.clientId,
    );
    handle.setArgument('hwaddr', ex.query.getHWAddr() as HWAddr, CPP.hwaddr);
    handle.setArgument('lease4', lease, CPP.lease4);
  });
  // SKIP: the database is not touched and the lease keeps its previous values (the response's)
  if (status === 1) return existing;
  if (!fake) server.store.update(lease);
  return lease;
}

/** An expired lease reused before reclamation: lease4_expire runs on the query's handle. */
function expireInline(server: Dhcp4Server, ex: Exchange4, old: Lease4): void {
  callQueryHook(server, ex, server.common.leaseExpire, (handle) => {
    handle.setArgument('lease4', old, CPP.lease4);
    handle.setArgument('remove_lease', false, CPP.bool);
  });
}
