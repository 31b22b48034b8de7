// Field-by-field comparison of our decoding with tshark's (`*.tshark.json` in the corpus).
// Each comparison is one check; a disagreement is reported as `<capture>#<frame> <path>:
// ours=<x> tshark=<y>`, so the test can explain every one of them by its exact text.
import { toHex } from '../src/bytes';
import type { DhcpFrame } from '../src/capture/readDhcpPackets';
import type { Option } from '../src/option';
import type { OptionValue } from '../src/optionValue';
import type { Pkt4 } from '../src/pkt4';
import type { Pkt6 } from '../src/pkt6';
import { get, getAll, isMembers, type Json, type Members } from './orderedJson';

export interface Tally {
  checks: number;
  agreed: number;
  differences: string[];
}

function norm(v: unknown): string {
  if (Array.isArray(v)) return v.map(norm).join(',');
  return String(v);
}

function check(t: Tally, where: string, ours: unknown, theirs: unknown): void {
  t.checks++;
  if (norm(ours) === norm(theirs)) t.agreed++;
  else t.differences.push(`${where}: ours=${norm(ours)} tshark=${norm(theirs)}`);
}

function safeValue(o: Option): OptionValue | string {
  try {
    return o.getValue();
  } catch (e) {
    return `malformed(${(e as Error).message})`;
  }
}

function asList(v: OptionValue | string): unknown[] {
  return Array.isArray(v) ? [...v] : [v];
}

/** Typed DHCPv4 fields of tshark and how to read the same thing from our option. */
const TYPED4: Record<string, (o: Option) => unknown> = {
  'dhcp.option.dhcp': (o) => safeValue(o),
  'dhcp.option.dhcp_server_id': (o) => safeValue(o),
  'dhcp.option.requested_ip_address': (o) => safeValue(o),
  'dhcp.option.subnet_mask': (o) => safeValue(o),
  'dhcp.option.broadcast_address': (o) => safeValue(o),
  'dhcp.option.router': (o) => asList(safeValue(o)),
  'dhcp.option.domain_name_server': (o) => asList(safeValue(o)),
  'dhcp.option.ntp_server': (o) => asList(safeValue(o)),
  'dhcp.option.time_server': (o) => asList(safeValue(o)),
  'dhcp.option.name_server': (o) => asList(safeValue(o)),
  'dhcp.option.netbios_over_tcpip_name_server': (o) => asList(safeValue(o)),
  'dhcp.option.associated_ip_option': (o) => asList(safeValue(o)),
  'dhcp.option.ip_address_lease_time': (o) => safeValue(o),
  'dhcp.option.renewal_time_value': (o) => safeValue(o),
  'dhcp.option.rebinding_time_value': (o) => safeValue(o),
  'dhcp.option.client_last_transaction_time': (o) => safeValue(o),
  'dhcp.option.interface_mtu': (o) => safeValue(o),
  'dhcp.option.dhcp_max_message_size': (o) => safeValue(o),
  'dhcp.option.time_offset': (o) => safeValue(o),
  'dhcp.option.netbios_over_tcpip_node_type': (o) => safeValue(o),
  'dhcp.option.option_overload': (o) => safeValue(o),
  'dhcp.option.hostname': (o) => safeValue(o),
  'dhcp.option.domain_name': (o) => safeValue(o),
  'dhcp.option.vendor_class_id': (o) => safeValue(o),
  'dhcp.option.message': (o) => safeValue(o),
  'dhcp.option.tftp_server_name': (o) => safeValue(o),
  'dhcp.option.bootfile_name': (o) => safeValue(o),
  'dhcp.option.tz_tcode': (o) => safeValue(o),
  'dhcp.option.request_list_item': (o) => asList(safeValue(o)),
  // static-routes is a flat list of (destination, router) pairs
  'dhcp.option.static_route.ip': (o) => asList(safeValue(o)).filter((_, i) => i % 2 === 0),
  'dhcp.option.static_route.router': (o) => asList(safeValue(o)).filter((_, i) => i % 2 === 1),
  'dhcp.option.vi.enterprise': (o) => safeValue(o),
};

/** Option entries of a tshark tree: [type, tree] pairs, PAD and END left out. */
function options4(tree: Json | undefined): [number, Members][] {
  const out: [number, Members][] = [];
  if (!isMembers(tree)) return out;
  const m = tree.members;
  for (let i = 0; i < m.length; i++) {
    const [k, v] = m[i]!;
    if (k !== 'dhcp.option.type') continue;
    const sub = m[i + 1]?.[0] === 'dhcp.option.type_tree' ? m[i + 1]![1] : undefined;
    if (!isMembers(sub) || get(sub, 'dhcp.option.end') !== undefined || v === '0') continue;
    out.push([Number(v), sub]);
  }
  return out;
}

export function compare4(t: Tally, where: string, p: Pkt4, d: Json): void {
  check(t, `${where} op`, p.op, get(d, 'dhcp.type'));
  check(t, `${where} htype`, p.htype, Number(get(d, 'dhcp.hw.type')));
  check(t, `${where} hlen`, p.hlen, get(d, 'dhcp.hw.len'));
  check(t, `${where} hops`, p.hops, get(d, 'dhcp.hops'));
  check(t, `${where} xid`, p.transid, Number(get(d, 'dhcp.id')));
  check(t, `${where} secs`, p.secs, get(d, 'dhcp.secs'));
  check(t, `${where} flags`, p.flags, Number(get(d, 'dhcp.flags')));
  check(t, `${where} ciaddr`, p.getCiaddr(), get(d, 'dhcp.ip.client'));
  check(t, `${where} yiaddr`, p.getYiaddr(), get(d, 'dhcp.ip.your'));
  check(t, `${where} siaddr`, p.getSiaddr(), get(d, 'dhcp.ip.server'));
  check(t, `${where} giaddr`, p.getGiaddr(), get(d, 'dhcp.ip.relay'));
  const mac = get(d, 'dhcp.hw.mac_addr');
  if (mac !== undefined) check(t, `${where} chaddr`, p.getHWAddr().toString(), mac);
  const sname = get(d, 'dhcp.server');
  if (sname !== undefined) check(t, `${where} sname`, p.getSname(), sname);
  const file = get(d, 'dhcp.file');
  if (file !== undefined) check(t, `${where} file`, p.getFile(), file);
  const theirs = options4(d);
  check(
    t,
    `${where} option codes`,
    p.options.map((o) => o.code),
    theirs.map(([c]) => c),
  );
  theirs.forEach(([code, tree], i) => {
    const o = p.options[i];
    if (o === undefined || o.code !== code) return;
    const w = `${where} option ${code}`;
    check(t, `${w} length`, o.dataLength(), get(tree, 'dhcp.option.length'));
    const raw = get(tree, 'dhcp.option.value');
    if (raw !== undefined) check(t, `${w} bytes`, toHex(o.toBytes().subarray(2)), raw);
    for (const [field, read] of Object.entries(TYPED4)) {
      const all = getAll(tree, field);
      if (all.length === 0) continue;
      const ours = read(o);
      check(t, `${w} ${field}`, ours, Array.isArray(ours) ? all : all[0]);
    }
    const subs = getAll(tree, 'dhcp.option.agent_information_option.suboption');
    if (code === 82 && subs.length > 0) {
      check(
        t,
        `${w} sub-option codes`,
        o.getOptions().map((s) => s.code),
        subs,
      );
      getAll(tree, 'dhcp.option.agent_information_option.suboption_tree').forEach((st, j) => {
        const s = o.getOptions()[j];
        const v = get(st, 'dhcp.option.agent_information_option.value');
        if (s && v !== undefined) check(t, `${w}.${s.code} bytes`, toHex(s.getData()), v);
      });
    }
  });
}

function fqdnList(v: OptionValue | string): string[] {
  return asList(v).map((x) => String(x).replace(/\.$/, ''));
}

/** Typed DHCPv6 fields of tshark and how to read them from our option. */
const TYPED6: Record<string, (o: Option) => unknown> = {
  'dhcpv6.duid.bytes': (o) => toHex(o.getData()),
  'dhcpv6.requested_option_code': (o) => asList(safeValue(o)),
  // tshark shows elapsed time in milliseconds; the option counts hundredths of a second
  'dhcpv6.elapsed_time': (o) => Number(safeValue(o)) * 10,
  'dhcpv6.iaid': (o) => {
    const v = asList(safeValue(o));
    return Number(v[0]).toString(16).padStart(8, '0');
  },
  'dhcpv6.iaid.t1': (o) => asList(safeValue(o))[1],
  'dhcpv6.iaid.t2': (o) => asList(safeValue(o))[2],
  'dhcpv6.iata': (o) => Number(safeValue(o)).toString(16).padStart(8, '0'),
  'dhcpv6.iaaddr.ip': (o) => asList(safeValue(o))[0],
  'dhcpv6.iaaddr.pref_lifetime': (o) => asList(safeValue(o))[1],
  'dhcpv6.iaaddr.valid_lifetime': (o) => asList(safeValue(o))[2],
  'dhcpv6.iaprefix.pref_lifetime': (o) => asList(safeValue(o))[0],
  'dhcpv6.iaprefix.valid_lifetime': (o) => asList(safeValue(o))[1],
  'dhcpv6.iaprefix.pref_len': (o) => asList(safeValue(o))[2],
  'dhcpv6.iaprefix.pref_addr': (o) => asList(safeValue(o))[3],
  'dhcpv6.dns_server': (o) => asList(safeValue(o)),
  'dhcpv6.search_list_entry': (o) => fqdnList(safeValue(o)),
  'dhcpv6.vendoropts.enterprise': (o) => safeValue(o),
  // tshark writes this one with the final dot, as Kea does
  'dhcpv6.aftr_name': (o) => safeValue(o),
  'dhcpv6.option_preference': (o) => safeValue(o),
  'dhcpv6.sip_server_domain_search_fqdn': (o) => fqdnList(safeValue(o)),
  'dhcpv6.client_domain': (o) => fqdnList(asList(safeValue(o))[1] as string)[0],
  'dhcpv6.client_fqdn_flags': (o) =>
    `0x${Number(asList(safeValue(o))[0])
      .toString(16)
      .padStart(2, '0')}`,
  'dhcpv6.vendorclass.enterprise': (o) => asList(safeValue(o))[0],
  'dhcpv6.vendorclass.data': (o) => asList(safeValue(o)).slice(1),
  'dhcpv6.interface_id': (o) => toHex(o.getData()),
  // user-class is binary in Kea's table; tshark lists the opaque data of each tuple
  'dhcpv6.userclass.opaque_data': (o) => tuples(o.getData()),
};

function tuples(b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= b.length; ) {
    const len = (b[i]! << 8) | b[i + 1]!;
    out.push(toHex(b.subarray(i + 2, i + 2 + len)));
    i += 2 + len;
  }
  return out;
}

function options6(tree: Json | undefined): Members[] {
  return getAll(tree, 'dhcpv6.option.type_str_tree').filter(isMembers);
}

function compareOptions6(t: Tally, where: string, ours: readonly Option[], trees: Members[]): void {
  check(
    t,
    `${where} option codes`,
    ours.map((o) => o.code),
    trees.map((x) => get(x, 'dhcpv6.option.type')),
  );
  trees.forEach((tree, i) => {
    const o = ours[i];
    const code = Number(get(tree, 'dhcpv6.option.type'));
    if (o === undefined || o.code !== code) return;
    const w = `${where} option ${code}`;
    check(t, `${w} length`, o.dataLength(), get(tree, 'dhcpv6.option.length'));
    for (const [field, read] of Object.entries(TYPED6)) {
      const all = getAll(tree, field);
      if (all.length === 0) continue;
      const v = read(o);
      check(t, `${w} ${field}`, v, Array.isArray(v) ? all : all[0]);
    }
    const subs = options6(tree);
    if (subs.length > 0) compareOptions6(t, w, o.getOptions(), subs);
  });
}

export function compare6(t: Tally, where: string, p: Pkt6, d: Json): void {
  let layer: Json | undefined = d;
  for (const [i, r] of p.relayInfo.entries()) {
    const w = `${where} relay[${i}]`;
    check(t, `${w} msgtype`, r.msgType, get(layer, 'dhcpv6.msgtype'));
    check(t, `${w} hopcount`, r.hopCount, get(layer, 'dhcpv6.hopcount'));
    check(t, `${w} linkaddr`, r.linkAddr, get(layer, 'dhcpv6.linkaddr'));
    check(t, `${w} peeraddr`, r.peerAddr, get(layer, 'dhcpv6.peeraddr'));
    const trees = options6(layer);
    const msg = trees.find((x) => get(x, 'dhcpv6.option.type') === '9');
    compareOptions6(
      t,
      w,
      r.options,
      trees.filter((x) => x !== msg),
    );
    check(t, `${w} relay-msg position`, r.relayMsgIndex, msg ? trees.indexOf(msg) : -1);
    layer = get(msg, 'dhcpv6');
  }
  check(t, `${where} msgtype`, p.msgType, get(layer, 'dhcpv6.msgtype'));
  check(t, `${where} xid`, p.transid, Number(get(layer, 'dhcpv6.xid')));
  compareOptions6(t, where, p.options, options6(layer));
}

/** Compares one of our frames with tshark's packet (its `_source.layers`). */
export function compareFrame(
  t: Tally,
  where: string,
  ours: DhcpFrame | undefined,
  layers: Json | undefined,
): void {
  const d4 = get(layers, 'dhcp');
  const d6 = get(layers, 'dhcpv6');
  if (ours === undefined) {
    check(t, `${where} found`, 'no DHCP message', d4 ? 'dhcp' : 'dhcpv6');
    return;
  }
  if (ours.error || !ours.pkt) {
    check(t, `${where} decoded`, `error ${ours.error?.message}`, 'decoded');
    return;
  }
  check(t, `${where} family`, ours.family, d4 ? 'dhcp4' : 'dhcp6');
  if (ours.pkt.family === 'dhcp4' && d4) compare4(t, where, ours.pkt, d4);
  if (ours.pkt.family === 'dhcp6' && d6) compare6(t, where, ours.pkt, d6);
}
