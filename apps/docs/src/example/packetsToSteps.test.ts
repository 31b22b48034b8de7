import { Pkt4, Pkt6 } from '@hookscope/dhcp';
import { hexToBytes } from '@hookscope/sandbox';
import { describe, expect, it } from 'vitest';
import { PacketLineError, packetsToSteps } from './packetsToSteps';

describe('packetsToSteps', () => {
  it('builds packets, commands and clock steps, skipping comments and blank lines', () => {
    const steps = packetsToSteps(
      '# a client\ndiscover 00:0c:01:02:03:04\n\nrequest 00:0c:01:02:03:04 192.0.2.10\ncommand {"command": "list-commands"}\nadvance 60',
    );
    expect(steps.map((s) => [s.kind, s.id])).toEqual([
      ['packet', 'line-2'],
      ['packet', 'line-4'],
      ['command', 'line-5'],
      ['advance', 'line-6'],
    ]);
    const discover = steps[0];
    if (discover?.kind !== 'packet') throw new Error('expected a packet');
    const pkt = Pkt4.unpack(hexToBytes(discover.hex));
    expect(pkt.getHWAddr().toText(false)).toBe('00:0c:01:02:03:04');
    expect(steps[3]).toMatchObject({ seconds: 60 });
  });

  it('builds DHCPv6 messages', () => {
    const [solicit] = packetsToSteps('solicit 02:00:00:00:00:09');
    if (solicit?.kind !== 'packet') throw new Error('expected a packet');
    expect(Pkt6.unpack(hexToBytes(solicit.hex)).getType()).toBe(1);
  });

  it('names the line it cannot read', () => {
    expect(() => packetsToSteps('discover 02:00:00:00:00:01\nfrobnicate')).toThrow(PacketLineError);
    expect(() => packetsToSteps('request 02:00:00:00:00:01')).toThrow(/line 1/);
    expect(() => packetsToSteps('command {oops')).toThrow(/not JSON/);
    expect(() => packetsToSteps('advance soon')).toThrow(/seconds/);
  });
});
