import { CPP } from '../cppTypes';
import { Lease6, LeaseState } from '../leases/lease';
import { callQueryHook } from '../queryHook';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';
import { iaAddrOption, iaEntries, iaidOf, iaOption, readU32 } from './packet6';

/**
 * ADDR-REG-INFORM (RFC 9686, Kea 2.7.7 and later): a client tells the server about an address
 * it configured itself. The query must carry one IA_NA with one address, the address the
 * client sends from (or the innermost relay's peer address), inside the selected subnet and
 * outside its pools, not leased to anyone. The reply (ADDR-REG-REPLY) echoes the IA; then
 * addr6_register runs (DROP: no reply; SKIP: the lease is not written) before the lease that
 * records the registration (state registered) is added or updated. A query failing the checks
 * is dropped.
 */
export function addrRegister6(server: Dhcp6Server, ex: Exchange6): void {
  const query = ex.query;
  const response = ex.response;
  const subnet = ex.subnet;
  if (!response || !subnet) {
    refuse(server, ex, 'no subnet selected');
    return;
  }
  const ias = query.options.filter((o) => o.code === 3 || o.code === 4 || o.code === 25);
  const ia = ias[0];
  const entries = ia ? iaEntries(ia) : [];
  const entry = entries[0];
  if (!ia || ias.length !== 1 || ia.code !== 3 || !entry || entries.length !== 1) {
    refuse(server, ex, 'exactly one IA_NA with one address is required');
    return;
  }
  const innermost = query.relayInfo[query.relayInfo.length - 1];
  const from = innermost ? innermost.peerAddr : query.remoteAddr;
  const address = entry.address;
  const value = server.addressValue(address);
  const old = server.store.get('IA_NA', address);
  let refusal: string | undefined;
  if (value === undefined || server.addressValue(from) !== value)
    refusal = `address ${address} is not the source address ${from}`;
  else if (!server.allocator.inSubnet(subnet.config, value))
    refusal = `address ${address} is not in subnet ${subnet.prefix}`;
  else if (server.allocator.inPool(subnet.config, value))
    refusal = `address ${address} is in a pool`;
  else if (old && old.state !== LeaseState.REGISTERED && !old.expired(server.nowSeconds()))
    refusal = `address ${address} is in use`;
  if (refusal !== undefined) {
    refuse(server, ex, refusal);
    return;
  }
  const sub = ia
    .getOptions()
    .find((o) => o.code === 5)
    ?.getData();
  const preferred = sub && sub.length >= 24 ? readU32(sub, 16) : 0;
  const valid = sub && sub.length >= 24 ? readU32(sub, 20) : 0;
  response.addOption(iaOption(3, iaidOf(ia), 0, 0, [iaAddrOption(address, preferred, valid)]));
  const lease = new Lease6(
    'IA_NA',
    address,
    128,
    0,
    ex.duid,
    preferred,
    valid,
    server.nowSeconds(),
    subnet.id,
    ex.hwaddr,
  );
  lease.state = LeaseState.REGISTERED;
  // before Kea 2.7.7 the message is refused earlier, so the hook point exists here
  const status = callQueryHook(server, ex, server.hooks.addr6_register, (handle) => {
    handle.setArgument('query6', query, CPP.pkt6);
    handle.setArgument('response6', response, CPP.pkt6);
    handle.setArgument('address6', address, CPP.ioAddress);
    handle.setArgument('old_lease6', old, CPP.lease6);
    handle.setArgument('new_lease6', lease, CPP.lease6);
  });
  if (status === 2) {
    ex.response = undefined;
    return;
  }
  if (status === 1) return;
  if (old) server.store.delete(old);
  server.store.add(lease);
  ex.leases.push(lease);
  if (server.wants('DHCPX_ADDR6_REGISTER'))
    server.say('DHCPX_ADDR6_REGISTER', query.getLabel(), address);
}

function refuse(server: Dhcp6Server, ex: Exchange6, reason: string): void {
  if (server.wants('DHCPX_ADDR_REG_INFORM_FAIL'))
    server.say('DHCPX_ADDR_REG_INFORM_FAIL', ex.query.getLabel(), reason);
  ex.response = undefined;
}
