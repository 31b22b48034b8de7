import { Option } from '@hookscope/dhcp';
import { ddnsUpdate, decodeDomainName, encodeDomainName } from '../ddns';
import type { Dhcp4Server } from './dhcp4Server';
import type { Exchange4 } from './exchange4';
import { FAMILY4 } from './family4';

const text = new TextDecoder();
const encoder = new TextEncoder();

function qualify(name: string, suffix: string): string {
  if (name === '' || name.endsWith('.') || suffix === '') return name;
  return `${name}.${suffix.replace(/\.$/, '')}`;
}

function decodeFqdn(data: Uint8Array): { flags: number; name: string } {
  const flags = data[0] ?? 0;
  // E flag clear: the deprecated ASCII encoding
  if ((flags & 0x04) === 0) return { flags, name: text.decode(data.subarray(3)) };
  return { flags, name: decodeDomainName(data, 3) };
}

/**
 * Kea's processClientName: a Client FQDN (81) or Host Name (12) from the client gives the
 * name, qualified with ddns-qualifying-suffix, answered in the same option; then ddns4_update
 * runs for every DISCOVER and REQUEST that got this far (Kea 2.2 and later), name or not, DDNS
 * on or off. Its status is ignored; hostname, fwd-update and rev-update are read back.
 */
export function clientName4(server: Dhcp4Server, ex: Exchange4): void {
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
      new Option(
        'v4',
        81,
        Uint8Array.from([answerFlags, 0, 0, ...encodeDomainName(hostname, true)]),
      ),
    );
  } else if (hostOption) {
    hostname = qualify(text.decode(hostOption.getData()), suffix);
    fwd = enabled;
    rev = enabled;
    response.addOption(new Option('v4', 12, encoder.encode(hostname)));
  }
  if (ex.reservation?.hostname) hostname = qualify(ex.reservation.hostname, suffix);
  const decided = ddnsUpdate(server, FAMILY4, ex, config, { hostname, fwd, rev });
  fwd = decided.fwd;
  rev = decided.rev;
  if (decided.hostname !== hostname) {
    hostname = decided.hostname;
    if (response.getOption(12)) {
      response.delOption(12);
      response.addOption(new Option('v4', 12, encoder.encode(hostname)));
    }
  }
  ex.hostname = hostname;
  ex.fwdUpdate = fwd;
  ex.revUpdate = rev;
}
