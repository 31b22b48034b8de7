import type { AnyPkt, Option, Pkt4, Pkt6 } from '@hookscope/dhcp';
import { isPacket, optionEntry, optionKey, optionsView, packetJsonView } from './packetJsonView';
import type { JsonValue } from './types';

// Building a packet's JSON view decodes every option; a trace takes one before and after every
// callout, while most callouts change nothing. So each packet keeps its last view with what it
// was made from, and the view is reused while all of that is provably the same:
// - the packet's epoch, which its methods move (addresses, classes, setters …);
// - the fields a callout can assign directly (transid, hops, flags, remote address …) and the
//   chaddr bytes the hardware address shows;
// - each option list: the same option objects in the same order (so a push, splice or
//   replacement of `pkt.options` is seen), each with the same value bytes (a copy is kept, so a
//   write into the array `getData()` gave is seen) and, recursively, the same sub-options.
// When something changed, the view is rebuilt, reusing the entries of the options that did not.
// The last few packets are remembered; the bytes of a list live in one array.

/** How many packets a cache remembers. */
const RECENT = 8;

interface ListMemo {
  options: Option[];
  /** The value bytes of every option, end to end; option i's are [ends[i-1], ends[i]). A
   * plain array: a typed array each would cost far more to collect. */
  bytes: number[];
  ends: number[];
  entries: Record<string, JsonValue>[];
  subs: (ListMemo | undefined)[];
  view: Record<string, JsonValue>;
}

interface RelayMemo {
  relay: Pkt6['relayInfo'][number];
  msgType: number;
  hopCount: number;
  linkAddr: string;
  peerAddr: string;
  list: ListMemo;
}

interface PacketMemo {
  view: JsonValue;
  epoch: number;
  transid: number;
  remoteAddr: string;
  remotePort: number;
  list: ListMemo;
  /** DHCPv4: htype, hlen, hops, flags and the chaddr bytes the hardware address shows. */
  htype: number;
  hlen: number;
  hops: number;
  flags: number;
  chaddr: number[] | undefined;
  /** DHCPv6. */
  msgType: number;
  relays: RelayMemo[] | undefined;
}

function optionFresh(option: Option, memo: ListMemo, i: number): boolean {
  if (!option.dataEquals(memo.bytes, i === 0 ? 0 : (memo.ends[i - 1] as number), memo.ends[i])) {
    return false;
  }
  const subs = option.getOptions();
  const kept = memo.subs[i];
  return kept === undefined ? subs.length === 0 : listFresh(subs, kept);
}

/** Same options, in the same order, each unchanged. */
function listFresh(list: readonly Option[], memo: ListMemo): boolean {
  const kept = memo.options;
  if (list.length !== kept.length) return false;
  for (let i = 0; i < kept.length; i++) {
    const option = list[i] as Option;
    if (option !== kept[i] || !optionFresh(option, memo, i)) return false;
  }
  return true;
}

// Entries of small options without sub-options, by universe, space, code and bytes: a server
// sends the same subnet mask, lease time and server identifier to every client, and an entry
// depends on nothing else (the definition comes from space and code, the value from the
// bytes). Shared entries are decoded once and kept once. Up to 4 bytes, so the key is a number
// (code, length and bytes: at most 51 bits). Emptied when it grows large.
const SHARED_MAX_BYTES = 4;
const SHARED_MAX_ENTRIES = 4096;
const shared4 = new Map<string, Map<number, Record<string, JsonValue>>>();
const shared6 = new Map<string, Map<number, Record<string, JsonValue>>>();
let sharedCount = 0;

function sharedEntry(
  option: Option,
  bytes: readonly number[],
  start: number,
  end: number,
): Record<string, JsonValue> {
  const n = end - start;
  if (n > SHARED_MAX_BYTES) return optionEntry(option, undefined);
  let word = 0;
  for (let i = start; i < end; i++) word = word * 256 + (bytes[i] as number);
  const key = (option.code * 8 + n) * 4294967296 + word;
  const spaces = option.universe === 'v4' ? shared4 : shared6;
  let entries = spaces.get(option.space);
  if (entries === undefined) {
    entries = new Map();
    spaces.set(option.space, entries);
  }
  let entry = entries.get(key);
  if (entry === undefined) {
    entry = optionEntry(option, undefined);
    if (++sharedCount > SHARED_MAX_ENTRIES) {
      shared4.clear();
      shared6.clear();
      sharedCount = 1;
      spaces.set(option.space, entries);
      entries.clear();
    }
    entries.set(key, entry);
  }
  return entry;
}

/** The view of a list, reusing the entries of `old` for options that did not change. */
function buildList(list: readonly Option[], old: ListMemo | undefined): ListMemo {
  const n = list.length;
  const bytes: number[] = [];
  const ends: number[] = new Array(n);
  const entries: Record<string, JsonValue>[] = new Array(n);
  const subs: (ListMemo | undefined)[] = new Array(n);
  const view: Record<string, JsonValue> = {};
  let at = 0;
  for (let i = 0; i < n; i++) {
    const option = list[i] as Option;
    const was = old === undefined ? -1 : old.options.indexOf(option);
    let entry: Record<string, JsonValue>;
    let sub: ListMemo | undefined;
    if (old !== undefined && was >= 0 && optionFresh(option, old, was)) {
      entry = old.entries[was] as Record<string, JsonValue>;
      sub = old.subs[was];
      at = option.copyDataInto(bytes, at);
    } else {
      const start = at;
      at = option.copyDataInto(bytes, at);
      const subList = option.getOptions();
      if (subList.length > 0) {
        sub = buildList(subList, old?.subs[was]);
        entry = optionEntry(option, sub.view);
      } else {
        sub = undefined;
        entry = sharedEntry(option, bytes, start, at);
      }
    }
    ends[i] = at;
    entries[i] = entry;
    subs[i] = sub;
    view[optionKey(view, option.code)] = entry;
  }
  return { options: list.slice(), bytes, ends, entries, subs, view };
}

function chaddrMatches(packet: Pkt4, kept: number[] | undefined): boolean {
  return (
    kept !== undefined && kept.length === Math.min(packet.hlen, 16) && packet.chaddrStartsWith(kept)
  );
}

function chaddrCopy(packet: Pkt4): number[] {
  const chaddr = packet.chaddr;
  const n = Math.min(packet.hlen, 16, chaddr.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = chaddr[i] as number;
  return out;
}

function relaysFresh(packet: Pkt6, memos: readonly RelayMemo[] | undefined): boolean {
  const relays = packet.relayInfo;
  if (memos === undefined || relays.length !== memos.length) return false;
  for (let i = 0; i < memos.length; i++) {
    const m = memos[i] as RelayMemo;
    const r = relays[i] as Pkt6['relayInfo'][number];
    if (
      r !== m.relay ||
      r.msgType !== m.msgType ||
      r.hopCount !== m.hopCount ||
      r.linkAddr !== m.linkAddr ||
      r.peerAddr !== m.peerAddr ||
      !listFresh(r.options, m.list)
    ) {
      return false;
    }
  }
  return true;
}

function packetFresh(packet: AnyPkt, memo: PacketMemo): boolean {
  if (
    packet.getEpoch() !== memo.epoch ||
    packet.transid !== memo.transid ||
    packet.remoteAddr !== memo.remoteAddr ||
    packet.remotePort !== memo.remotePort
  ) {
    return false;
  }
  if (packet.family === 'dhcp4') {
    if (
      packet.htype !== memo.htype ||
      packet.hlen !== memo.hlen ||
      packet.hops !== memo.hops ||
      packet.flags !== memo.flags ||
      !chaddrMatches(packet, memo.chaddr)
    ) {
      return false;
    }
  } else if (packet.msgType !== memo.msgType || !relaysFresh(packet, memo.relays)) {
    return false;
  }
  return listFresh(packet.options, memo.list);
}

/**
 * Whether two packet views have the same fields: equal primitives, the same option and relay
 * views (by identity: unchanged lists keep theirs), equal class lists.
 */
function shallowSame(a: JsonValue, b: JsonValue): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  let count = 0;
  for (const key in a) {
    count++;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (key === 'relays') {
      for (let i = 0; i < x.length; i++)
        if (!shallowSame(x[i] as JsonValue, y[i] as JsonValue)) return false;
    } else {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
  }
  for (const _ in b) count--;
  return count === 0;
}

function keepList(list: readonly Option[], was: ListMemo | undefined): ListMemo {
  return was !== undefined && listFresh(list, was) ? was : buildList(list, was);
}

function buildPacket(packet: AnyPkt, old: PacketMemo | undefined): PacketMemo | undefined {
  const list = keepList(packet.options, old?.list);
  const v4 = packet.family === 'dhcp4';
  let relays: RelayMemo[] | undefined;
  if (!v4) {
    relays = [];
    for (let i = 0; i < packet.relayInfo.length; i++) {
      const relay = packet.relayInfo[i] as Pkt6['relayInfo'][number];
      relays.push({
        relay,
        msgType: relay.msgType,
        hopCount: relay.hopCount,
        linkAddr: relay.linkAddr,
        peerAddr: relay.peerAddr,
        list: keepList(relay.options, old?.relays?.[i]?.list),
      });
    }
  }
  // packetJsonView asks for each option list's view: the ones just kept or built
  let view = packetJsonView(packet, (options) =>
    options === packet.options
      ? list.view
      : (relays?.find((relay) => relay.relay.options === options)?.list.view ??
        optionsView(options)),
  );
  if (view === undefined) return undefined;
  // a change the view does not show (the interface, the local address …): keep the old object
  if (old !== undefined && shallowSame(view, old.view)) view = old.view;
  return {
    view,
    epoch: packet.getEpoch(),
    transid: packet.transid,
    remoteAddr: packet.remoteAddr,
    remotePort: packet.remotePort,
    list,
    htype: v4 ? packet.htype : 0,
    hlen: v4 ? packet.hlen : 0,
    hops: v4 ? packet.hops : 0,
    flags: v4 ? packet.flags : 0,
    chaddr: v4 ? chaddrCopy(packet) : undefined,
    msgType: v4 ? 0 : packet.msgType,
    relays,
  };
}

/** A packet view that remembers: see `createPacketViewCache`. */
export interface PacketViewCache {
  /**
   * The view of a packet, as `packetJsonView` makes it; the same object again while the packet
   * did not change. Undefined for anything that is not a packet.
   */
  (value: unknown): JsonValue | undefined;
  /** The view without keeping it: the remembered one if still true, else a new one. For a
   * packet seen once (a response no callout saw), where remembering would only cost. */
  peek(value: unknown): JsonValue | undefined;
}

/**
 * `packetJsonView` with memory: the same packet, unchanged, gives the same view object (so a
 * snapshot compares equal by identity), and a changed one reuses the entries of the options
 * that did not change. Views are shared: treat them as read-only.
 */
export function createPacketViewCache(): PacketViewCache {
  // The last few packets seen, newest at `next - 1`: a server has only a few in flight, and a
  // WeakMap entry per packet would cost several times the view itself to collect. A packet
  // pushed out only means its next view is built afresh.
  const packets: (AnyPkt | undefined)[] = new Array(RECENT).fill(undefined);
  const memos: (PacketMemo | undefined)[] = new Array(RECENT).fill(undefined);
  let next = 0;
  const find = (packet: AnyPkt): number => {
    for (let i = 0; i < RECENT; i++) {
      const at = (next - 1 - i + RECENT) % RECENT;
      if (packets[at] === packet) return at;
    }
    return -1;
  };
  // `keep`: remember a built view; peek does not (a packet seen once would only cost)
  const viewOf = (value: unknown, keep: boolean): JsonValue | undefined => {
    if (!isPacket(value)) return undefined;
    // something packet-shaped that is not ours: no epoch to rely on
    if (typeof value.getEpoch !== 'function') return packetJsonView(value);
    const at = find(value);
    const memo = at < 0 ? undefined : memos[at];
    if (memo !== undefined && packetFresh(value, memo)) return memo.view;
    // changed since (a response gets its destination after pkt4_send): unchanged option lists
    // keep their views
    if (!keep) return memo === undefined ? packetJsonView(value) : buildPacket(value, memo)?.view;
    const made = buildPacket(value, memo);
    if (made === undefined) return undefined;
    if (at >= 0) {
      memos[at] = made;
    } else {
      packets[next] = value;
      memos[next] = made;
      next = (next + 1) % RECENT;
    }
    return made.view;
  };
  const view = (value: unknown): JsonValue | undefined => viewOf(value, true);
  view.peek = (value: unknown): JsonValue | undefined => viewOf(value, false);
  return view;
}
