import { describe, expect, it } from 'vitest';
import { buildDiscover } from '../src/build4';
import { createOption4, createOption6 } from '../src/createOption';
import { DHCPOFFER } from '../src/messageTypes';
import { Pkt4 } from '../src/pkt4';
import { Pkt6 } from '../src/pkt6';

// The epoch lets a viewer (the trace recorder) reuse what it derived from a packet: every
// change made through a method must move it, or the viewer would show a stale packet.
describe('Pkt epoch', () => {
  const changes4: [string, (p: Pkt4) => void][] = [
    ['setYiaddr', (p) => p.setYiaddr('10.0.0.9')],
    ['setCiaddr', (p) => p.setCiaddr('10.0.0.9')],
    ['setSiaddr', (p) => p.setSiaddr('10.0.0.9')],
    ['setGiaddr', (p) => p.setGiaddr('10.0.0.9')],
    ['setHops', (p) => p.setHops(3)],
    ['setFlags', (p) => p.setFlags(0x8000)],
    ['setSecs', (p) => p.setSecs(7)],
    ['setTransid', (p) => p.setTransid(99)],
    ['setType', (p) => p.setType(DHCPOFFER)],
    ['setHWAddr', (p) => p.setHWAddr('02:00:00:00:00:09')],
    [
      'chaddr =',
      (p) => {
        p.chaddr = new Uint8Array(16);
      },
    ],
    ['setSname', (p) => p.setSname('boot')],
    ['setFile', (p) => p.setFile('pxe')],
    ['addOption', (p) => p.addOption(createOption4('host-name', 'a'))],
    ['delOption', (p) => p.delOption(53)],
    ['addClass', (p) => p.addClass('KNOWN')],
    ['setRemoteAddr', (p) => p.setRemoteAddr('10.0.0.1')],
    ['setRemotePort', (p) => p.setRemotePort(1067)],
    ['setLocalAddr', (p) => p.setLocalAddr('10.0.0.1')],
    ['setLocalPort', (p) => p.setLocalPort(1067)],
    ['setIface', (p) => p.setIface('eth1')],
    ['setIndex', (p) => p.setIndex(2)],
  ];
  for (const [name, change] of changes4) {
    it(`moves on Pkt4 ${name}`, () => {
      const p = buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 1 });
      const before = p.getEpoch();
      change(p);
      expect(p.getEpoch()).not.toBe(before);
    });
  }

  it('moves on Pkt6 setType and setTransid', () => {
    const p = new Pkt6(1, 5);
    const a = p.getEpoch();
    p.setType(3);
    const b = p.getEpoch();
    p.setTransid(7);
    expect(new Set([a, b, p.getEpoch()]).size).toBe(3);
  });

  it('stays while the packet is only read', () => {
    const p = buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 1 });
    const before = p.getEpoch();
    p.getYiaddr();
    p.getHWAddr();
    p.pack();
    p.getOption(53)?.getValue();
    expect(p.getEpoch()).toBe(before);
  });
});

describe('Pkt4.chaddrStartsWith', () => {
  it('sees the decoded field, a set one, and writes into either', () => {
    const p = Pkt4.unpack(buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 1 }).pack());
    const kept = p.chaddr.slice(0, 6);
    expect(p.chaddrStartsWith(kept)).toBe(true);
    p.chaddr[5] = 9; // a view of the decoded bytes
    expect(p.chaddrStartsWith(kept)).toBe(false);
    p.setHWAddr('02:00:00:00:00:01');
    expect(p.chaddrStartsWith(kept)).toBe(true);
    p.chaddr[0] = 3;
    expect(p.chaddrStartsWith(kept)).toBe(false);
    expect(new Pkt4(1).chaddrStartsWith(new Uint8Array(16))).toBe(true);
    expect(new Pkt4(1).chaddrStartsWith(new Uint8Array(17))).toBe(false);
  });
});

describe('Option.dataEquals', () => {
  it('compares the value bytes, also after a write into the getData() view', () => {
    const o = createOption6('ia-na', [1, 2, 3], [createOption6('iaaddr', ['2001:db8::5', 3, 4])]);
    const copy = o.getData().slice();
    expect(o.dataEquals(copy)).toBe(true);
    o.getData()[3] = 9;
    expect(o.dataEquals(copy)).toBe(false);
    expect(o.dataEquals(o.getData().slice())).toBe(true);
    expect(o.dataEquals(copy.subarray(0, 4))).toBe(false);
  });

  it('compares against a range and copies without a view', () => {
    const o = createOption6('ia-na', [1, 2, 3]);
    const size = o.getData().length;
    const out = new Uint8Array(2 + size);
    expect(o.copyDataInto(out, 2)).toBe(out.length);
    expect(o.dataEquals(out, 2)).toBe(true);
    expect(o.dataEquals(out, 1, out.length - 1)).toBe(false);
    out[5] = 7;
    expect(o.dataEquals(out, 2)).toBe(false);
    const plain: number[] = [];
    expect(o.copyDataInto(plain, 0)).toBe(size);
    expect(o.dataEquals(plain)).toBe(true);
  });

  it('sees setData and setValue', () => {
    const o = new Pkt4(1).getOption(53);
    const copy = o?.getData().slice() ?? new Uint8Array(0);
    o?.setValue(2);
    expect(o?.dataEquals(copy)).toBe(false);
  });
});
