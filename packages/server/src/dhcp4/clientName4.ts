import { Option } from '@hookscope/dhcp';
import type { CalloutHandle } from '@hookscope/engine';
import { CPP } from '../cppTypes';
import { DdnsParams } from '../subnet';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';

const text = new TextDecoder();
const encoder = new TextEncoder();

function qualify(name: string, suffix: string): string {
  if (name === '' || name.endsWith('.') || suffix === '') return name;
  return `${name}.${suffix.replace(/\.$/, '')}`;
}

function labels(name: string): Uint8Array {
  const parts = name.split('.').filter((p, i, all) => p !== '' || i === all.length - 1);
  const out: number[] = [];
  for (const part of parts) {
    const bytes = encoder.encode(part);
    out.push(bytes.length, ...bytes);
  }
  if (out[out.length - 1] !== 0) out.push(0);
  return Uint8Array.from(out);
}

function decodeFqdn(data: Uint8Array): { flags: number; name: string } {
  const flags = data[0] ?? 0;
  const body = data.subarray(3);
  if ((flags & 0x04) === 0) return { flags, name: text.decode(body) };
  const parts: string[] = [];
  let i = 0;
  let complete = false;
  while (i < body.length) {
    const len = body[i] ?? 0;
    if (len === 0) {
      complete = true;
      break;
    }
    parts.push(text.decode(body.subarray(i + 1, i + 1 + len)));
    i += len + 1;
  }
  return { flags, name: parts.join('.') + (complete ? '.' : '') };
}

/**
 * Kea's processClientName: a Client FQDN (81) or Host Name (12) from the client gives the
 * name, qualified with ddns-qualifying-suffix, answered in the same option; then ddns4_update
 * runs for every DISCOVER and REQUEST that got this far (Kea 2.2 and later), name or not, DDNS
 * on or off. Its status is ignored; hostname, fwd-update and rev-update are read back.
 */
export function clientName4(server: Dhcp4Server, ex: Exchange4, handle: CalloutHandle): void {
  const config = server.config4;
  const query = ex.query;
  const response = ex.response;
  if (!config || !response || !ex.subnet) return;
  const enabled = config.ddnsEnabled && config.ddnsSendUpdates;
  const suffix = config.ddnsQualifyingSuffix;
  const fqdn = query.getOption(81);
  const hostOption = query.getOption(12);
  let hostname = '';
  let fwd = false;
  let rev = false;
  if (fqdn) {
    const { flags, name } = decodeFqdn(fqdn.getData());
    hostname = qualify(name, suffix);
    if (hostname !== '' && !hostname.endsWith('.')) hostname = `${hostname}.`;
    fwd = enabled && (flags & 0x01) !== 0;
    rev = enabled;
    const answerFlags = (enabled ? (flags & 0x01 ? 0x01 : 0x02) : 0x08) | 0x04;
    response.addOption(
      new Option('v4', 81, Uint8Array.from([answerFlags, 0, 0, ...labels(hostname)])),
    );
  } else if (hostOption) {
    hostname = qualify(text.decode(hostOption.getData()), suffix);
    fwd = enabled;
    rev = enabled;
    response.addOption(new Option('v4', 12, encoder.encode(hostname)));
  }
  if (ex.reservation?.hostname) hostname = qualify(ex.reservation.hostname, suffix);
  const h = server.common.ddnsUpdate;
  const d = server.driver;
  if (d.present(h)) {
    handle.deleteAllArguments();
    handle.setArgument('query4', query, CPP.pkt4);
    handle.setArgument('response4', response, CPP.pkt4);
    handle.setArgument('subnet4', ex.subnet, server.subnetTag);
    handle.setArgument('hostname', hostname, CPP.string);
    handle.setArgument('fwd-update', fwd, CPP.bool);
    handle.setArgument('rev-update', rev, CPP.bool);
    handle.setArgument('ddns-params', new DdnsParams(config.ddnsEnabled, suffix), CPP.ddnsParams);
    d.call(h, handle);
    const newName = handle.getArgument<string>('hostname');
    fwd = handle.getArgument<boolean>('fwd-update');
    rev = handle.getArgument<boolean>('rev-update');
    handle.deleteAllArguments();
    if (newName !== hostname) {
      hostname = newName;
      if (response.getOption(12)) {
        response.delOption(12);
        response.addOption(new Option('v4', 12, encoder.encode(hostname)));
      }
    }
  } else d.reached(h, handle);
  ex.hostname = hostname;
  ex.fwdUpdate = fwd;
  ex.revUpdate = rev;
}
