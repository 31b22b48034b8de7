import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDecline,
  buildDiscover,
  buildInform,
  buildRelease,
  buildRequest,
} from '../src/build4';
import { bytesEqual, toHex } from '../src/bytes';
import { readDhcpPackets } from '../src/capture/readDhcpPackets';
import { createOption4 } from '../src/createOption';
import { DHCPACK } from '../src/messageTypes';
import { unpack4 } from '../src/packet';
import { packetJson } from '../src/packetJson';
import { Pkt4 } from '../src/pkt4';
import { FIXTURES } from './corpus';

function fixture(name: string) {
  return [...readDhcpPackets(readFileSync(join(FIXTURES, name)))];
}

describe('Pkt4', () => {
  it('reads every BOOTP field and names options as Kea does', () => {
    const [f] = fixture('dhcp-agent-options.pcap');
    const p = f!.pkt as Pkt4;
    expect(p.getName()).toBe('DHCPACK');
    expect(p.getType()).toBe(DHCPACK);
    expect(p.getTransid()).toBe(0x3d11);
    expect(p.getYiaddr()).toBe('192.168.0.10');
    expect(p.getHWAddr().toText()).toBe('hwtype=1 00:0a:28:00:fa:42');
    expect(p.options.map((o) => o.getName())).toEqual([
      'dhcp-message-type',
      'dhcp-renewal-time',
      'dhcp-rebinding-time',
      'dhcp-lease-time',
      'dhcp-server-identifier',
      'subnet-mask',
      'dhcp-agent-options',
    ]);
    const rai = p.getOption(82)!;
    expect(rai.getOptions().map((s) => [s.code, s.getName(), s.getValue()])).toEqual([
      [1, 'circuit-id', toHex(new TextEncoder().encode('this is only a test...'))],
      [2, 'remote-id', '13'],
      [6, 'subscriber-id', '-subID-'],
    ]);
  });

  it('keeps PAD/END layout and trailing bytes, and stays byte-exact after a callout edits it', () => {
    const [f] = fixture('dhcp-agent-options.pcap');
    const p = f!.pkt as Pkt4;
    expect(p.trailing.length).toBe(25);
    const before = p.pack();
    expect(bytesEqual(before, f!.bytes)).toBe(true);
    p.setYiaddr('10.0.0.99');
    p.getOption(51)!.setValue(7200);
    p.addOption(createOption4('domain-name', 'example.org'));
    expect(p.delOption(1)).toBe(true);
    const after = unpack4(p.pack());
    expect(after.getYiaddr()).toBe('10.0.0.99');
    expect(after.getOption(51)!.getValue()).toBe(7200);
    expect(after.getOption(15)!.getValue()).toBe('example.org');
    expect(after.getOption(1)).toBeUndefined();
    expect(after.trailing.length).toBe(p.trailing.length);
  });

  it('keeps PAD bytes between options and before END', () => {
    const b = buildDiscover().pack();
    // 53 … | PAD PAD | 61 … | 55 … | PAD | END | 00 00 00
    const opts = b.subarray(240, b.length - 1);
    const crafted = new Uint8Array([
      ...b.subarray(0, 243),
      0,
      0,
      ...opts.subarray(3),
      0,
      255,
      0,
      0,
      0,
    ]);
    const p = unpack4(crafted);
    expect(p.options.map((o) => [o.code, o.padBefore])).toEqual([
      [53, 0],
      [61, 2],
      [55, 0],
    ]);
    expect([p.padsAfter, p.hasEnd, p.trailing.length]).toEqual([1, true, 3]);
    expect(bytesEqual(p.pack(), crafted)).toBe(true);
    const cut = crafted.subarray(0, 250);
    expect(() => unpack4(cut)).toThrow(/option 61 with 7 bytes/);
    // Kea's way: the truncated option and what follows are left out, kept as bytes
    const lenient = unpack4(cut, { lenient: true });
    expect(lenient.options.map((o) => o.code)).toEqual([53]);
    expect([lenient.truncatedAt, lenient.padsAfter, lenient.hasEnd]).toEqual([245, 2, false]);
    expect(bytesEqual(lenient.pack(), cut)).toBe(true);
  });

  it('reads options carried in file and sname when option 52 overloads them', () => {
    const p = buildDiscover();
    p.addOption(createOption4('dhcp-option-overload', 3));
    const file = new Uint8Array(128);
    file.set([67, 4, 0x62, 0x6f, 0x6f, 0x74, 255]); // boot-file-name "boot", END
    const sname = new Uint8Array(64);
    sname.set([66, 3, 0x74, 0x66, 0x74, 255]); // tftp-server-name "tft", END
    p.fileField = file;
    p.snameField = sname;
    const bytes = p.pack();
    const q = unpack4(bytes);
    const ov = q.getOverloadedOptions();
    expect(ov.file?.options.map((o) => [o.getName(), o.getValue()])).toEqual([
      ['boot-file-name', 'boot'],
    ]);
    expect(ov.sname?.options.map((o) => [o.getName(), o.getValue()])).toEqual([
      ['tftp-server-name', 'tft'],
    ]);
    expect(packetJson(q).overloaded).toEqual({
      file: [{ code: 67, name: 'boot-file-name', value: 'boot' }],
      sname: [{ code: 66, name: 'tftp-server-name', value: 'tft' }],
    });
    expect(bytesEqual(q.pack(), bytes)).toBe(true);
  });

  it('prints a label and text like Kea', () => {
    const p = buildDiscover({ hwaddr: '00:0c:01:02:03:05', xid: 0x6e3a7d6 });
    expect(p.getLabel()).toBe(
      '[hwtype=1 00:0c:01:02:03:05], cid=[01:00:0c:01:02:03:05], tid=0x6e3a7d6',
    );
    expect(p.toText()).toContain('msg_type=DHCPDISCOVER (1), transid=0x6e3a7d6,\noptions:');
    expect(p.toText()).toContain('  type=053, len=001: 1 (uint8)');
  });

  it('treats a 236-byte message as BOOTP without cookie or options', () => {
    const b = new Pkt4().pack().subarray(0, 236);
    const p = unpack4(b);
    expect(p.hasCookie).toBe(false);
    expect(p.getName()).toBe('UNKNOWN');
    expect(bytesEqual(p.pack(), b)).toBe(true);
  });
});

describe('DHCPv4 builders', () => {
  const hw = '00:0c:29:1f:74:06';
  it('lay out each message as RFC 2131 says', () => {
    const codes = (p: Pkt4) => p.options.map((o) => o.code);
    expect(codes(buildDiscover({ hwaddr: hw }))).toEqual([53, 61, 55]);
    const sel = buildRequest('selecting', {
      hwaddr: hw,
      address: '192.0.2.10',
      serverId: '192.0.2.1',
    });
    expect(codes(sel)).toEqual([53, 61, 50, 54, 55]);
    expect(codes(buildRequest('init-reboot', { hwaddr: hw, address: '192.0.2.10' }))).toEqual([
      53, 61, 50, 55,
    ]);
    const renew = buildRequest('renewing', { hwaddr: hw, address: '192.0.2.10' });
    expect([renew.getCiaddr(), renew.getRemoteAddr(), renew.getLocalAddr()]).toEqual([
      '192.0.2.10',
      '192.0.2.10',
      '192.0.2.1',
    ]);
    const rebind = buildRequest('rebinding', { hwaddr: hw, address: '192.0.2.10' });
    expect([rebind.getCiaddr(), rebind.getLocalAddr()]).toEqual(['192.0.2.10', '255.255.255.255']);
    expect(
      codes(buildRelease({ hwaddr: hw, address: '192.0.2.10', serverId: '192.0.2.1' })),
    ).toEqual([53, 61, 54]);
    expect(
      codes(buildDecline({ hwaddr: hw, address: '192.0.2.10', serverId: '192.0.2.1' })),
    ).toEqual([53, 61, 50, 54]);
    expect(buildInform({ hwaddr: hw, address: '192.0.2.10' }).getCiaddr()).toBe('192.0.2.10');
    expect(() => buildRequest('selecting', { address: '192.0.2.10' })).toThrow(TypeError);
  });

  it('relay through giaddr with option 82 last', () => {
    const p = buildDiscover({
      hwaddr: hw,
      clientId: '',
      relay: { giaddr: '10.0.0.1', circuitId: '01:02', remoteId: 'aa:bb' },
    });
    const again = unpack4(p.pack());
    expect(again.getGiaddr()).toBe('10.0.0.1');
    expect(again.hops).toBe(1);
    expect(again.options.at(-1)?.getName()).toBe('dhcp-agent-options');
    expect(
      again
        .getOption(82)!
        .getOptions()
        .map((s) => [s.getName(), s.getValue()]),
    ).toEqual([
      ['circuit-id', '01:02'],
      ['remote-id', 'aa:bb'],
    ]);
    expect(again.getOption(61)).toBeUndefined();
    expect(p.getRemoteAddr()).toBe('10.0.0.1');
  });
});
