import {
  buildDecline,
  buildDiscover,
  buildInform,
  buildInformationRequest,
  buildRelease,
  buildRequest,
  buildSolicit,
  toHex,
} from '@hookscope/dhcp';
import { useId, useState } from 'react';
import { useStudioActions } from '../state/useStudio';
import type { ServerFamily } from '../state/workspace';

const KINDS4 = ['DHCPDISCOVER', 'DHCPREQUEST', 'DHCPINFORM', 'DHCPRELEASE', 'DHCPDECLINE'] as const;
const KINDS6 = ['SOLICIT', 'INFORMATION-REQUEST'] as const;

/** Adds a client message made by @hookscope/dhcp's builders (no capture needed). */
export function BuilderForm({ family }: { family: ServerFamily }) {
  const actions = useStudioActions();
  const kinds: readonly string[] = family === 'dhcp4' ? KINDS4 : KINDS6;
  const [kind, setKind] = useState<string>(kinds[0] ?? '');
  const [hwaddr, setHwaddr] = useState('00:0c:01:02:03:04');
  const [address, setAddress] = useState('192.0.2.10');
  const [xid, setXid] = useState('1234');
  const [error, setError] = useState<string | undefined>(undefined);
  const ids = { kind: useId(), hw: useId(), address: useId(), xid: useId() };
  const build = () => {
    const xidNumber = Number.parseInt(xid, 16) || 0x1234;
    const o = { hwaddr, xid: xidNumber };
    switch (kind) {
      case 'DHCPDISCOVER':
        return buildDiscover(o);
      case 'DHCPREQUEST':
        return buildRequest('selecting', { ...o, address, serverId: '192.0.2.1' });
      case 'DHCPINFORM':
        return buildInform({ ...o, address });
      case 'DHCPRELEASE':
        return buildRelease({ ...o, address, serverId: '192.0.2.1' });
      case 'DHCPDECLINE':
        return buildDecline({ ...o, address, serverId: '192.0.2.1' });
      case 'SOLICIT':
        return buildSolicit({ hwaddr, transid: xidNumber });
      default:
        return buildInformationRequest({ hwaddr, transid: xidNumber });
    }
  };
  return (
    <form
      className="builder"
      aria-label="Build a packet"
      onSubmit={(e) => {
        e.preventDefault();
        try {
          const pkt = build();
          actions.addSteps([
            {
              kind: 'packet',
              id: crypto.randomUUID(),
              hex: toHex(pkt.pack()),
              label: `built ${kind}`,
            },
          ]);
          setError(undefined);
        } catch (err) {
          setError(String(err));
        }
      }}
    >
      <div className="field">
        <label htmlFor={ids.kind}>Message</label>
        <select
          id={ids.kind}
          value={kinds.includes(kind) ? kind : kinds[0]}
          onChange={(e) => setKind(e.target.value)}
        >
          {kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.hw}>Hardware address</label>
        <input id={ids.hw} value={hwaddr} onChange={(e) => setHwaddr(e.target.value)} />
      </div>
      {family === 'dhcp4' && (
        <div className="field">
          <label htmlFor={ids.address}>Address</label>
          <input id={ids.address} value={address} onChange={(e) => setAddress(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.xid}>Xid (hex)</label>
        <input id={ids.xid} value={xid} size={8} onChange={(e) => setXid(e.target.value)} />
      </div>
      <button type="submit">Add built packet</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
