import {
  buildDecline,
  buildDecline6,
  buildDiscover,
  buildInform,
  buildRebind,
  buildRelease,
  buildRelease6,
  buildRenew,
  buildRequest,
  buildRequest6,
  buildSolicit,
  type Pkt4,
  type Pkt6,
  toHex,
} from '@hookscope/dhcp';
import type { RunStep } from '@hookscope/sandbox';

/** The simulated kea-dhcp4's server identifier in the docs' configs (its eth0 address). */
export const DEFAULT_SERVER_ID4 = '192.0.2.1';
/** The simulated kea-dhcp6's DUID (DUID-LLT of its eth0), as its ADVERTISE carries it. */
export const DEFAULT_SERVER_DUID6 = '00:01:00:01:00:00:00:00:02:00:00:00:00:01';

export class PacketLineError extends Error {
  override name = 'PacketLineError';
}

/**
 * Turns the docs' short packet notation into run steps, one line each (blank lines and
 * `#` comments ignored). Transaction ids count up from 1.
 *
 *   discover HW                      request HW ADDRESS         renew HW ADDRESS
 *   release HW ADDRESS               decline HW ADDRESS         inform HW ADDRESS
 *   solicit HW [rapid]               request6 HW ADDRESS        renew6 HW ADDRESS
 *   rebind6 HW ADDRESS               release6 HW ADDRESS        decline6 HW ADDRESS
 *   command {"command": …}           advance SECONDS            hex 01 01 06 00 …
 *
 * Pure. @throws PacketLineError naming the line that cannot be read.
 */
export function packetsToSteps(text: string): RunStep[] {
  const steps: RunStep[] = [];
  let xid = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const id = `line-${index + 1}`;
    const [verb = '', ...rest] = line.split(/\s+/);
    const fail = (why: string): never => {
      throw new PacketLineError(`packets line ${index + 1} ("${line}"): ${why}`);
    };
    const need = (count: number) => {
      if (rest.length < count)
        fail(
          `${verb} needs ${count === 1 ? 'a hardware address' : 'a hardware address and an address'}`,
        );
      return rest as [string, string];
    };
    const packet = (p: Pkt4 | Pkt6) => {
      steps.push({ kind: 'packet', id, hex: toHex(p.pack(), ''), label: line });
    };
    xid++;
    switch (verb) {
      case 'discover':
        packet(buildDiscover({ hwaddr: need(1)[0], xid }));
        return;
      case 'request': {
        const [hwaddr, address] = need(2);
        packet(buildRequest('selecting', { hwaddr, xid, address, serverId: DEFAULT_SERVER_ID4 }));
        return;
      }
      case 'renew': {
        const [hwaddr, address] = need(2);
        packet(buildRequest('renewing', { hwaddr, xid, address, serverId: DEFAULT_SERVER_ID4 }));
        return;
      }
      case 'release': {
        const [hwaddr, address] = need(2);
        packet(buildRelease({ hwaddr, xid, address, serverId: DEFAULT_SERVER_ID4 }));
        return;
      }
      case 'decline': {
        const [hwaddr, address] = need(2);
        packet(buildDecline({ hwaddr, xid, address, serverId: DEFAULT_SERVER_ID4 }));
        return;
      }
      case 'inform': {
        const [hwaddr, address] = need(2);
        packet(buildInform({ hwaddr, xid, address }));
        return;
      }
      case 'solicit':
        packet(
          buildSolicit({ hwaddr: need(1)[0], transid: xid, rapidCommit: rest[1] === 'rapid' }),
        );
        return;
      case 'request6':
      case 'renew6':
      case 'release6':
      case 'decline6':
      case 'rebind6': {
        const [hwaddr, address] = need(2);
        const o = { hwaddr, transid: xid, addresses: [address], serverId: DEFAULT_SERVER_DUID6 };
        if (verb === 'request6') packet(buildRequest6(o));
        else if (verb === 'renew6') packet(buildRenew(o));
        else if (verb === 'release6') packet(buildRelease6(o));
        else if (verb === 'decline6') packet(buildDecline6(o));
        else packet(buildRebind({ hwaddr, transid: xid, addresses: [address] }));
        return;
      }
      case 'command': {
        const json = line.slice('command'.length).trim();
        try {
          JSON.parse(json);
        } catch {
          fail('the command is not JSON');
        }
        steps.push({ kind: 'command', id, text: json });
        return;
      }
      case 'advance': {
        const seconds = Number(rest[0]);
        if (!Number.isFinite(seconds) || seconds <= 0) fail('advance needs a number of seconds');
        steps.push({ kind: 'advance', id, seconds });
        return;
      }
      case 'hex':
        steps.push({ kind: 'packet', id, hex: rest.join(''), label: 'hex packet' });
        return;
      default:
        fail(`unknown kind "${verb}"`);
    }
  });
  return steps;
}
