// The JSON view of a packet, as traces and `hookscope decode --json` print it.
import { toHex } from './bytes';
import { DhcpParseError } from './dhcpParseError';
import { getName6 } from './messageTypes';
import type { Option } from './option';
import type { OptionRun } from './optionList';
import type { OptionValue } from './optionValue';
import type { AnyPkt } from './packet';
import type { Pkt4 } from './pkt4';
import { D6O_RELAY_MSG, type Pkt6 } from './pkt6';

export interface OptionJson {
  code: number;
  /** Kea's name; absent for an option without a standard definition. */
  name?: string;
  /** The typed value; absent for empty options. Unknown options: hex. */
  value?: OptionValue;
  /** When the bytes do not fit the definition: what was wrong (the value is then hex). */
  error?: string;
  options?: OptionJson[];
}

export interface Fields4Json {
  op: number;
  htype: number;
  hlen: number;
  hops: number;
  secs: number;
  flags: number;
  ciaddr: string;
  yiaddr: string;
  siaddr: string;
  giaddr: string;
  chaddr: string;
  sname: string;
  file: string;
}

export interface RelayJson {
  msgType: string;
  hopCount: number;
  linkAddr: string;
  peerAddr: string;
  options: OptionJson[];
}

export interface PacketJson {
  frame?: number;
  time?: string;
  family: 'dhcp4' | 'dhcp6';
  msgType: string;
  xid: number;
  fields?: Fields4Json;
  /** DHCPv6: relay layers, outermost first. */
  relays?: RelayJson[];
  options: OptionJson[];
  /** DHCPv4 with option 52: options carried in the file / sname fields. */
  overloaded?: { file?: OptionJson[]; sname?: OptionJson[] };
}

/** The JSON view of one option and its sub-options. Pure. */
export function optionJson(o: Option): OptionJson {
  const out: OptionJson = { code: o.code };
  const name = o.getName();
  if (name !== undefined) out.name = name;
  try {
    const v = o.getValue();
    if (v !== undefined) out.value = v;
  } catch (e) {
    if (!(e instanceof DhcpParseError)) throw e;
    out.value = toHex(o.getData());
    out.error = e.message;
  }
  const subs = o.getOptions();
  if (subs.length > 0) out.options = subs.map(optionJson);
  else if (o.hasRawSubOptionBytes()) out.error = 'sub-options are not well-formed';
  return out;
}

function fields4(p: Pkt4): Fields4Json {
  return {
    op: p.op,
    htype: p.htype,
    hlen: p.hlen,
    hops: p.hops,
    secs: p.secs,
    flags: p.flags,
    ciaddr: p.getCiaddr(),
    yiaddr: p.getYiaddr(),
    siaddr: p.getSiaddr(),
    giaddr: p.getGiaddr(),
    chaddr: p.getHWAddr().toString(),
    sname: p.getSname(),
    file: p.getFile(),
  };
}

function relays(p: Pkt6): RelayJson[] {
  return p.relayInfo.map((r) => {
    const options = r.options.map(optionJson);
    options.splice(Math.min(r.relayMsgIndex, options.length), 0, {
      code: D6O_RELAY_MSG,
      name: 'relay-msg',
    });
    return {
      msgType: getName6(r.msgType),
      hopCount: r.hopCount,
      linkAddr: r.linkAddr,
      peerAddr: r.peerAddr,
      options,
    };
  });
}

/** The JSON view of a packet; `frame` and `time` come from the capture when there is one. Pure. */
export function packetJson(pkt: AnyPkt, meta: { frame?: number; time?: string } = {}): PacketJson {
  const out: PacketJson = {
    ...(meta.frame !== undefined ? { frame: meta.frame } : {}),
    ...(meta.time !== undefined ? { time: meta.time } : {}),
    family: pkt.family,
    msgType: pkt.getName(),
    xid: pkt.getTransid(),
    ...(pkt.family === 'dhcp4' ? { fields: fields4(pkt) } : {}),
    options: [],
  };
  if (pkt.family === 'dhcp4') {
    out.options = pkt.options.map(optionJson);
    const ov = pkt.getOverloadedOptions();
    const list = (r: OptionRun | undefined) => r?.options.map(optionJson);
    if (ov.file || ov.sname) {
      out.overloaded = {};
      const f = list(ov.file);
      const s = list(ov.sname);
      if (f) out.overloaded.file = f;
      if (s) out.overloaded.sname = s;
    }
  } else {
    if (pkt.relayInfo.length > 0) out.relays = relays(pkt);
    out.options = pkt.options.map(optionJson);
  }
  return out;
}
