import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../src/build4';
import { buildSolicit } from '../src/build6';
import { readDhcpPackets } from '../src/capture/readDhcpPackets';
import { type FieldNode, fieldTree } from '../src/fieldTree';
import { packetJson } from '../src/packetJson';
import { FIXTURES } from './corpus';

describe('JSON view', () => {
  it('has the shape of the issue for DHCPv4', () => {
    const p = buildRequest('init-reboot', {
      hwaddr: '00:0c:29:1f:74:06',
      xid: 115550308,
      address: '192.0.2.10',
      clientId: '',
    });
    const j = packetJson(p, { frame: 3, time: '2026-11-25T00:00:00.000000000Z' });
    expect(Object.keys(j)).toEqual([
      'frame',
      'time',
      'family',
      'msgType',
      'xid',
      'fields',
      'options',
    ]);
    expect(j).toMatchObject({
      frame: 3,
      family: 'dhcp4',
      msgType: 'DHCPREQUEST',
      xid: 115550308,
      fields: {
        op: 1,
        htype: 1,
        hlen: 6,
        hops: 0,
        secs: 0,
        flags: 0,
        ciaddr: '0.0.0.0',
        yiaddr: '0.0.0.0',
        siaddr: '0.0.0.0',
        giaddr: '0.0.0.0',
        chaddr: '00:0c:29:1f:74:06',
        sname: '',
        file: '',
      },
    });
    expect(j.options[0]).toEqual({ code: 53, name: 'dhcp-message-type', value: 3 });
    expect(j.options[1]).toEqual({ code: 50, name: 'dhcp-requested-address', value: '192.0.2.10' });
  });

  it('puts DHCPv6 relay layers outermost first, relay-msg without children', () => {
    const p = buildSolicit({
      transid: 0x123456,
      relays: [
        { linkAddr: '2001:db8:1::1', peerAddr: 'fe80::1', interfaceId: '01' },
        { linkAddr: '2001:db8:2::1', peerAddr: 'fe80::2' },
      ],
    });
    const j = packetJson(p);
    expect(j.msgType).toBe('SOLICIT');
    expect(j.xid).toBe(0x123456);
    expect(j.relays?.map((r) => [r.msgType, r.linkAddr, r.options.map((o) => o.code)])).toEqual([
      ['RELAY_FORWARD', '2001:db8:1::1', [9, 18]],
      ['RELAY_FORWARD', '2001:db8:2::1', [9]],
    ]);
    expect(j.relays?.[0]?.options[0]).toEqual({ code: 9, name: 'relay-msg' });
    expect(j.options.find((o) => o.code === 3)).toEqual({
      code: 3,
      name: 'ia-na',
      value: [1, 0, 0],
    });
  });

  it('nests sub-options', () => {
    const [f] = [...readDhcpPackets(readFileSync(join(FIXTURES, 'dhcp-agent-options.pcap')))];
    const j = packetJson(f!.pkt!);
    expect(j.options.find((o) => o.code === 82)?.options?.map((o) => o.name)).toEqual([
      'circuit-id',
      'remote-id',
      'subscriber-id',
    ]);
  });
});

describe('field tree', () => {
  it('covers the bytes with exact offsets, down into relay messages', () => {
    const p = buildSolicit({ relays: [{ linkAddr: '2001:db8:1::1', peerAddr: 'fe80::1' }] });
    const bytes = p.pack();
    const t = fieldTree(p);
    expect(t.label).toBe('Relay message: RELAY_FORWARD');
    expect(t.length).toBe(bytes.length);
    const relayMsg = t.children!.find((c) => c.label === 'Option: (9) relay-msg')!;
    const inner = relayMsg.children!.find((c) => c.label.startsWith('DHCPv6'))!;
    expect(inner.label).toBe('DHCPv6: SOLICIT');
    expect(inner.offset).toBe(38);
    const ia = inner.children!.find((c) => c.label === 'Option: (3) ia-na')!;
    expect(bytes[ia.offset + 1]).toBe(3);
    const walk = (n: FieldNode): void => {
      expect(n.offset + n.length).toBeLessThanOrEqual(bytes.length);
      n.children?.forEach(walk);
    };
    walk(t);
  });

  it('labels DHCPv4 header fields and options', () => {
    const t = fieldTree(
      buildRequest('selecting', { address: '192.0.2.10', serverId: '192.0.2.1' }),
    );
    expect(t.label).toBe('Dynamic Host Configuration Protocol (DHCPREQUEST)');
    expect(t.children!.find((c) => c.label === 'Transaction ID')).toMatchObject({
      offset: 4,
      length: 4,
      value: '0x00001234',
    });
    const sid = t.children!.find((c) => c.label === 'Option: (54) dhcp-server-identifier')!;
    expect(sid.value).toBe('192.0.2.1');
    expect(sid.length).toBe(6);
  });
});
