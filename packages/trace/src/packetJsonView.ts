import type { AnyPkt, Option, OptionValue } from '@hookscope/dhcp';
import { toHex } from './hex';
import type { JsonValue } from './types';

// The packet view snapshots use: flat, keyed, so a structural diff points at the field that
// changed ("query4.yiaddr", "response4.options.54.value"). Options are keyed by code; a code that
// appears twice gets "#2", "#3" after the first. Values come from the option definitions; an
// option whose bytes do not fit its definition shows as hex with "malformed": true.

/** An option value (number, boolean, string, or a list of them) as JSON; undefined → null. */
function valueJson(value: OptionValue): JsonValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(valueJson);
  return value as JsonValue;
}

/** The option's decoded value, or undefined when its bytes do not fit its definition. */
function optionValue(option: Option): JsonValue | undefined {
  try {
    return valueJson(option.getValue());
  } catch {
    return undefined;
  }
}

/** How a list of options is shown: by `optionsView`, or a cached equivalent. */
export type OptionsView = (options: readonly Option[]) => Record<string, JsonValue>;

/**
 * One option's entry: name, then value (or hex data marked malformed), then `subOptions`, the
 * view of its sub-options when it has some.
 */
export function optionEntry(
  option: Option,
  subOptions: Record<string, JsonValue> | undefined,
): Record<string, JsonValue> {
  const entry: Record<string, JsonValue> = { name: option.getName() ?? 'unknown' };
  const value = optionValue(option);
  if (value === undefined) {
    entry['data'] = toHex(option.getData());
    entry['malformed'] = true;
  } else {
    entry['value'] = value;
  }
  if (subOptions !== undefined) entry['options'] = subOptions;
  return entry;
}

/** The key of an option about to go into `out`: its code, or "<code>#2", "#3" … for repeats. */
export function optionKey(out: Record<string, JsonValue>, code: number): string {
  let key = String(code);
  for (let n = 2; Object.hasOwn(out, key); n++) key = `${code}#${n}`;
  return key;
}

export function optionsView(options: readonly Option[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const option of options) {
    const sub = option.getOptions();
    out[optionKey(out, option.code)] = optionEntry(
      option,
      sub.length > 0 ? optionsView(sub) : undefined,
    );
  }
  return out;
}

/** Whether the value is a `@hookscope/dhcp` packet (by shape). */
export function isPacket(value: unknown): value is AnyPkt {
  return (
    typeof value === 'object' &&
    value !== null &&
    'family' in value &&
    typeof (value as { getName?: unknown }).getName === 'function' &&
    Array.isArray((value as { options?: unknown }).options)
  );
}

/**
 * A JSON view of a DHCPv4 or DHCPv6 packet of `@hookscope/dhcp`: message type, transaction id,
 * addresses, classes and options. Undefined for anything that is not such a packet (the
 * snapshot is then opaque). Pure. `listView` shows each option list (a cache passes its own).
 */
export function packetJsonView(
  value: unknown,
  listView: OptionsView = optionsView,
): JsonValue | undefined {
  if (!isPacket(value)) return undefined;
  // one literal per family, in the order the format shows (type, xid, header, remote, classes,
  // options): objects made whole keep their fields inline, which a trace of thousands holds
  const type = value.getName();
  const xid = `0x${value
    .getTransid()
    .toString(16)
    .padStart(value.family === 'dhcp4' ? 8 : 6, '0')}`;
  if (value.family === 'dhcp4') {
    return {
      type,
      xid,
      hwaddr: value.getHWAddr().toString(),
      htype: value.getHtype(),
      ciaddr: value.getCiaddr(),
      yiaddr: value.getYiaddr(),
      siaddr: value.getSiaddr(),
      giaddr: value.getGiaddr(),
      hops: value.getHops(),
      flags: value.getFlags(),
      remote: `${value.getRemoteAddr()}:${value.getRemotePort()}`,
      classes: value.getClasses(),
      options: listView(value.options),
    };
  }
  return {
    type,
    xid,
    relays: value.relayInfo.map((relay) => ({
      msgType: relay.msgType,
      hopCount: relay.hopCount,
      linkAddr: relay.linkAddr,
      peerAddr: relay.peerAddr,
      options: listView(relay.options),
    })),
    remote: `${value.getRemoteAddr()}:${value.getRemotePort()}`,
    classes: value.getClasses(),
    options: listView(value.options),
  };
}
