// Option text as Kea's option classes print it in packet logs (DHCP4_QUERY_DATA and friends):
// which class Kea would build from the definition decides the layout, e.g.
//   type=053, len=001: 1 (uint8)
//   type=055, len=006: 1(uint8) 3(uint8) 6(uint8)
//   type=00003(IA_NA), len=00040: iaid=1, t1=1000, t2=2000,
//   options:
//     type=00005(IAADDR), len=00024: address=2001:db8:1::100, preferred-lft=3000, valid-lft=4000
import { toHex } from './bytes';
import { DhcpParseError } from './dhcpParseError';
import type { Option } from './option';
import type { OptionValue } from './optionValue';

const INTS = new Set(['uint8', 'uint16', 'uint32', 'int8', 'int16', 'int32']);
const STATUS6 = [
  'Success',
  'UnspecFail',
  'NoAddrsAvail',
  'NoBinding',
  'NotOnLink',
  'UseMulticast',
  'NoPrefixAvail',
];
const IA_NAMES: Record<number, string> = {
  3: 'IA_NA',
  4: 'IA_TA',
  5: 'IAADDR',
  25: 'IA_PD',
  26: 'IAPREFIX',
};

function pad(n: number, v4: boolean): string {
  return String(n).padStart(v4 ? 3 : 5, '0');
}

function body(o: Option, v: OptionValue): string {
  const def = o.getDefinition();
  const hex = () => {
    const d = o.getData();
    return d.length === 0 ? ':' : `: ${toHex(d)}`;
  };
  if (def === undefined || def.type === 'binary') return hex();
  if (def.layout !== undefined) return `: ${String(v)} (uint32)`;
  if (def.type === 'empty') return ':';
  const list = Array.isArray(v) ? v : [v];
  if (o.space === 'dhcp6' && IA_NAMES[o.code] !== undefined) {
    const [a, b, c, d] = list;
    if (o.code === 5) return `: address=${a}, preferred-lft=${b}, valid-lft=${c}`;
    if (o.code === 26) return `: prefix=${d}/${c}, preferred-lft=${a}, valid-lft=${b}`;
    return `: iaid=${a}, t1=${b}, t2=${c}`;
  }
  if (o.space === 'dhcp6' && o.code === 13) {
    const [code, msg] = list;
    const name = STATUS6[Number(code)] ?? 'unknown';
    return `: ${name}(${code}) ${msg === '' ? '(no status message)' : `"${msg}"`}`;
  }
  if (INTS.has(def.type)) {
    return def.array
      ? `: ${list.map((x) => `${x}(${def.type})`).join(' ')}`
      : `: ${v} (${def.type})`;
  }
  if ((def.type === 'ipv4-address' || def.type === 'ipv6-address') && def.array) {
    return `: ${list.join(' ')}`;
  }
  if (def.type === 'string') return `: "${v}" (string)`;
  // what Kea's OptionCustom prints: each field with its type
  const types = def.type === 'record' ? (def.fields ?? []) : [def.type];
  const parts = list.map((x, i) => `${x} (${types[Math.min(i, types.length - 1)]})`);
  return `: ${parts.join(' ')}`;
}

/** Kea's Option4ClientFqdn / Option6ClientFqdn print flags and name instead of fields. */
function clientFqdnText(o: Option, v: OptionValue): string {
  const list = Array.isArray(v) ? v : [];
  const flags = Number(list[0]);
  const name = String(list[list.length - 1] ?? '');
  const bit = (mask: number) => (flags & mask ? 1 : 0);
  const kind = name.endsWith('.') ? 'full' : 'partial';
  const shown =
    o.universe === 'v4'
      ? `type=81 (CLIENT_FQDN), flags: (N=${bit(8)}, E=${bit(4)}, O=${bit(2)}, S=${bit(1)})`
      : `type=39(CLIENT_FQDN), flags: (N=${bit(4)}, O=${bit(2)}, S=${bit(1)})`;
  return `${shown}, domain-name='${name}' (${kind})`;
}

/** Kea's text for an option at `indent`, with its sub-options (sorted by code, as Kea keeps them). */
export function optionToText(o: Option, indent = 0): string {
  const v4 = o.universe === 'v4';
  if (
    (v4 && o.code === 81 && o.space === 'dhcp4') ||
    (!v4 && o.code === 39 && o.space === 'dhcp6')
  ) {
    try {
      return ' '.repeat(indent) + clientFqdnText(o, o.getValue());
    } catch (e) {
      if (!(e instanceof DhcpParseError)) throw e;
    }
  }
  const ia = o.space === 'dhcp6' ? IA_NAMES[o.code] : undefined;
  const head = `${' '.repeat(indent)}type=${pad(o.code, v4)}${ia ? `(${ia})` : ''}, len=${pad(o.dataLength(), v4)}`;
  let text: string;
  try {
    text = head + body(o, o.getValue());
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    const d = o.getData();
    text = `${head}: ${toHex(d)} (malformed: expected ${e.expected})`;
  }
  const subs = [...o.getOptions()].sort((a, b) => a.code - b.code);
  if (subs.length > 0) {
    text += ',\noptions:';
    for (const s of subs) text += `\n${optionToText(s, indent + 2)}`;
  }
  return text;
}
