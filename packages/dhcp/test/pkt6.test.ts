import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildConfirm,
  buildDecline6,
  buildInformationRequest,
  buildRebind,
  buildRelease6,
  buildRenew,
  buildRequest6,
  buildSolicit,
} from '../src/build6';
import { bytesEqual } from '../src/bytes';
import { readDhcpPackets } from '../src/capture/readDhcpPackets';
import { createOption6 } from '../src/createOption';
import { RELAY_FORW, SOLICIT } from '../src/messageTypes';
import { unpack6 } from '../src/packet';
import { Pkt6 } from '../src/pkt6';
import { FIXTURES } from './corpus';

describe('Pkt6', () => {
  it('unwraps relay layers and keeps the relay-msg position', () => {
    const relayed = [...readDhcpPackets(readFileSync(join(FIXTURES, 'dhcpv6-mud.pcap')))].find(
      (f) => (f.pkt as Pkt6).isRelayed(),
    )!;
    const p = relayed.pkt as Pkt6;
    expect(p.relayInfo[0]!.msgType).toBe(RELAY_FORW);
    expect(p.relayInfo[0]!.linkAddr).toBe('2001:8a8:1006:3:225:84ff:fedb:2380');
    expect(p.relayInfo[0]!.peerAddr).toBe('fe80::ba27:ebff:feb8:53c8');
    expect(p.getType()).toBe(SOLICIT);
    expect(p.getTransid()).toBe(0x78244b);
    expect(bytesEqual(p.pack(), relayed.bytes)).toBe(true);
  });

  it('nests relays to any depth and finds relay options', () => {
    const p = buildSolicit({
      hwaddr: '00:0c:29:1f:74:06',
      relays: [
        {
          linkAddr: '2001:db8:1::1',
          peerAddr: 'fe80::1',
          hopCount: 1,
          interfaceId: '65:74:68:30',
          remoteId: { enterprise: 4491, id: '01:02' },
        },
        {
          linkAddr: '2001:db8:2::1',
          peerAddr: 'fe80::20c:29ff:fe1f:7406',
          interfaceId: '65:74:68:31',
        },
      ],
    });
    const q = unpack6(p.pack());
    expect(q.relayInfo.map((r) => [r.hopCount, r.linkAddr, r.peerAddr])).toEqual([
      [1, '2001:db8:1::1', 'fe80::1'],
      [0, '2001:db8:2::1', 'fe80::20c:29ff:fe1f:7406'],
    ]);
    expect(q.getRelayOption(18, 1)?.getValue()).toBe('65:74:68:31');
    expect(q.getAnyRelayOption(18, 'RELAY_SEARCH_FROM_CLIENT')?.getValue()).toBe('65:74:68:31');
    expect(q.getAnyRelayOption(18, 'RELAY_SEARCH_FROM_SERVER')?.getValue()).toBe('65:74:68:30');
    expect(q.getAnyRelayOption(37, 'RELAY_GET_FIRST')?.getValue()).toEqual([4491, '01:02']);
    expect(bytesEqual(q.pack(), p.pack())).toBe(true);
  });

  it('decodes IA_PD with IAPREFIX and status codes, and survives edits', () => {
    const frames = [...readDhcpPackets(readFileSync(join(FIXTURES, 'dhcpv6-ia-pd.pcap')))];
    const reply = frames.map((f) => f.pkt as Pkt6).find((p) => p.getOption(25)?.getOption(26))!;
    const pd = reply.getOption(25)!;
    expect(pd.getName()).toBe('ia-pd');
    const prefix = pd.getOption(26)!;
    expect(prefix.getName()).toBe('iaprefix');
    const [pref, valid, len, addr] = prefix.getValue() as [number, number, number, string];
    expect(len).toBeGreaterThan(0);
    expect(addr).toContain(':');
    prefix.setValue([pref, valid, 56, '2001:db8:ff00::']);
    pd.addOption(createOption6('status-code', [0, 'all fine']));
    const again = unpack6(reply.pack());
    expect(again.getOption(25)!.getOption(26)!.getValue()).toEqual([
      pref,
      valid,
      56,
      '2001:db8:ff00::',
    ]);
    expect(again.getOption(25)!.getOption(13)!.getValue()).toEqual([0, 'all fine']);
  });

  it('decodes vendor options (17) in their enterprise space', () => {
    const [f] = [
      ...readDhcpPackets(readFileSync(join(FIXTURES, 'dhcpv6-vendor-specific-information.pcap'))),
    ];
    const vso = (f!.pkt as Pkt6).getOption(17)!;
    expect(vso.getName()).toBe('vendor-opts');
    expect(vso.getValue()).toBe(4491);
    expect(vso.getEncapsulatedSpace()).toBe('vendor-4491');
    expect(vso.getOptions().length).toBeGreaterThan(0);
  });
});

describe('DHCPv6 builders', () => {
  const o = { hwaddr: '00:0c:29:1f:74:06', addresses: ['2001:db8::10'] };
  const codes = (p: Pkt6) => p.options.map((x) => x.code);
  it('build every client message', () => {
    expect(buildSolicit({ ...o, rapidCommit: true }).options.map((x) => x.getName())).toEqual([
      'clientid',
      'elapsed-time',
      'ia-na',
      'oro',
      'rapid-commit',
    ]);
    expect(codes(buildSolicit(o))).not.toContain(14);
    expect(codes(buildSolicit({ ...o, ias: ['na', 'pd'], prefixes: ['2001:db8:1::/48'] }))).toEqual(
      [1, 8, 3, 25, 6],
    );
    expect(codes(buildRequest6({ ...o, serverId: '00:01:02' }))).toEqual([1, 2, 8, 3, 6]);
    expect(codes(buildRenew({ ...o, serverId: '00:01:02' }))).toEqual([1, 2, 8, 3, 6]);
    expect(codes(buildRebind(o))).toEqual([1, 8, 3, 6]);
    expect(codes(buildRelease6({ ...o, serverId: '00:01:02' }))).toEqual([1, 2, 8, 3]);
    expect(codes(buildDecline6({ ...o, serverId: '00:01:02' }))).toEqual([1, 2, 8, 3]);
    expect(codes(buildConfirm(o))).toEqual([1, 8, 3, 6]);
    expect(codes(buildInformationRequest(o))).toEqual([1, 8, 6]);
    const ia = buildRenew({ ...o, serverId: '00:01:02' }).getOption(3)!;
    expect(ia.getOption(5)?.getValue()).toEqual(['2001:db8::10', 0, 0]);
    expect(buildSolicit(o).getClientId()).toBe('00:03:00:01:00:0c:29:1f:74:06');
    expect(buildInformationRequest(o).getName()).toBe('INFORMATION_REQUEST');
  });

  it('names the RFC 9686 address-registration messages as Kea does', () => {
    expect(new Pkt6(36, 1).getName()).toBe('ADDR_REG_INFORM');
    expect(new Pkt6(37, 1).getName()).toBe('ADDR_REG_REPLY');
    expect(new Pkt6(38, 1).getName()).toBe('UNKNOWN');
  });
});
