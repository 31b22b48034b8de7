import type { AnyPkt, Option, OptionValue } from '@hookscope/dhcp';
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

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function optionsView(options: readonly Option[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const option of options) {
    let key = String(option.code);
    for (let n = 2; Object.hasOwn(out, key); n++) key = `${option.code}#${n}`;
    const entry: Record<string, JsonValue> = { name: option.getName() ?? 'unknown' };
    const value = optionValue(option);
    if (value === undefined) {
      entry['data'] = hex(option.getData());
      entry['malformed'] = true;
    } else {
      entry['value'] = value;
    }
    const sub = option.getOptions();
    if (sub.length > 0) entry['options'] = optionsView(sub);
    out[key] = entry;
  }
  return out;
}

function isPacket(value: unknown): value is AnyPkt {
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
 * snapshot is then opaque). Pure.
 */
export function packetJsonView(value: unknown): JsonValue | undefined {
  if (!isPacket(value)) return undefined;
  const view: Record<string, JsonValue> = {
    type: value.getName(),
    xid: `0x${value
      .getTransid()
      .toString(16)
      .padStart(value.family === 'dhcp4' ? 8 : 6, '0')}`,
  };
  if (value.family === 'dhcp4') {
    view['hwaddr'] = value.getHWAddr().toString();
    view['htype'] = value.getHtype();
    view['ciaddr'] = value.getCiaddr();
    view['yiaddr'] = value.getYiaddr();
    view['siaddr'] = value.getSiaddr();
    view['giaddr'] = value.getGiaddr();
    view['hops'] = value.getHops();
    view['flags'] = value.getFlags();
  } else {
    view['relays'] = value.relayInfo.map((relay) => ({
      msgType: relay.msgType,
      hopCount: relay.hopCount,
      linkAddr: relay.linkAddr,
      peerAddr: relay.peerAddr,
      options: optionsView(relay.options),
    }));
  }
  view['remote'] = `${value.getRemoteAddr()}:${value.getRemotePort()}`;
  view['classes'] = value.getClasses();
  view['options'] = optionsView(value.options);
  return view;
}
