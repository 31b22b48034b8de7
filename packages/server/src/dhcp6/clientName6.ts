import { Option } from '@hookscope/dhcp';
import { CPP } from '../cppTypes';
import { DdnsParams } from '../subnet';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';

const text = new TextDecoder();
const encoder = new TextEncoder();

function decodeName(data: Uint8Array): string {
  const parts: string[] = [];
  let i = 1;
  let complete = false;
  while (i < data.length) {
    const len = data[i] ?? 0;
    if (len === 0) {
      complete = true;
      break;
    }
    parts.push(text.decode(data.subarray(i + 1, i + 1 + len)));
    i += len + 1;
  }
  return parts.join('.') + (complete ? '.' : '');
}

function encodeName(flags: number, name: string): Uint8Array {
  const out: number[] = [flags];
  for (const part of name.split('.').filter((p) => p !== '')) {
    const bytes = encoder.encode(part);
    out.push(bytes.length, ...bytes);
  }
  if (name.endsWith('.')) out.push(0);
  return Uint8Array.from(out);
}

/**
 * Kea's processClientFqdn for DHCPv6: only when the client sent a Client FQDN option (39) the
 * name is qualified, answered in option 39, and ddns6_update runs (status ignored; hostname,
 * fwd-update and rev-update read back). Without the option nothing happens, as in Kea 2.2.
 */
export function clientName6(server: Dhcp6Server, ex: Exchange6): void {
  const fqdn = ex.query.getOption(39);
  const config = server.config6;
  if (!fqdn || !config || !ex.subnet || !ex.response) return;
  const data = fqdn.getData();
  const flags = data[0] ?? 0;
  let hostname = decodeName(data);
  const suffix = config.ddnsQualifyingSuffix.replace(/\.$/, '');
  if (hostname !== '' && !hostname.endsWith('.'))
    hostname = suffix ? `${hostname}.${suffix}.` : `${hostname}.`;
  const enabled = config.ddnsEnabled && config.ddnsSendUpdates;
  let fwd = enabled && (flags & 0x01) !== 0;
  let rev = enabled;
  const h = server.hooks.ddns6_update;
  const d = server.driver;
  const handle = server.handleOf(ex);
  if (d.present(h)) {
    handle.deleteAllArguments();
    handle.setArgument('query6', ex.query, CPP.pkt6);
    handle.setArgument('response6', ex.response, CPP.pkt6);
    handle.setArgument('subnet6', ex.subnet, server.subnetTag);
    handle.setArgument('hostname', hostname, CPP.string);
    handle.setArgument('fwd-update', fwd, CPP.bool);
    handle.setArgument('rev-update', rev, CPP.bool);
    handle.setArgument(
      'ddns-params',
      new DdnsParams(config.ddnsEnabled, config.ddnsQualifyingSuffix),
      CPP.ddnsParams,
    );
    d.call(h, handle);
    hostname = handle.getArgument<string>('hostname');
    fwd = handle.getArgument<boolean>('fwd-update');
    rev = handle.getArgument<boolean>('rev-update');
    handle.deleteAllArguments();
  } else d.reached(h, handle);
  const answerFlags = enabled ? (flags & 0x01 ? 0x01 : 0x02) : 0x04;
  ex.response.addOption(new Option('v6', 39, encodeName(answerFlags, hostname)));
  ex.hostname = hostname;
  ex.fwdUpdate = fwd;
  ex.revUpdate = rev;
}
