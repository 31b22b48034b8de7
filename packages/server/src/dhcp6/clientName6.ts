import { Option } from '@hookscope/dhcp';
import type { ServerConfig6 } from '../config/configModel';
import { ddnsUpdate, decodeDomainName, encodeDomainName } from '../ddns';
import type { Dhcp6Server } from './dhcp6Server';
import type { Exchange6 } from './exchange6';
import { FAMILY6 } from './family6';
import { iaEntries } from './packet6';

/** Client FQDN (39) flag bits (RFC 4704). */
const FLAG_S = 0x01;
const FLAG_O = 0x02;
const FLAG_N = 0x04;

/** Flags and name in wire form; a name ending in a dot is full (ends with the root label). */
function encodeName(flags: number, name: string): Uint8Array {
  return Uint8Array.from([flags, ...encodeDomainName(name, name.endsWith('.'))]);
}

/** Kea's D2ClientMgr::qualifyName with a trailing dot: `name.suffix.` (no suffix: `name.`). */
export function qualifyName(name: string, suffix: string): string {
  let out = name;
  if (suffix !== '') {
    if (out !== '' && !out.endsWith('.')) out += '.';
    out += suffix;
  }
  return out !== '' && !out.endsWith('.') ? `${out}.` : out;
}

/** Kea's analyzeFqdn + adjustFqdnFlags: the server's S, N and O from the client's S and N. */
function answerFlags(clientFlags: number, config: ServerConfig6, enabled: boolean): number {
  const clientS = (clientFlags & FLAG_S) !== 0;
  const clientN = (clientFlags & FLAG_N) !== 0;
  let s: boolean;
  let n: boolean;
  if (!clientN && !clientS) {
    s = enabled && config.ddnsOverrideClientUpdate;
    n = !enabled;
  } else if (!clientN) {
    s = enabled;
    n = !s;
  } else {
    s = enabled && config.ddnsOverrideNoUpdate;
    n = !s;
  }
  return (s ? FLAG_S : 0) | (n ? FLAG_N : 0) | (clientS !== s ? FLAG_O : 0);
}

/**
 * Kea's processClientFqdn for DHCPv6, before allocation. Without a Client FQDN option (39)
 * only a reserved hostname is used, unless updates are enabled and ddns-replace-client-name is
 * `always` or `when-not-present`: then the server fabricates an empty one (flag S). The answer
 * takes the client's name qualified with ddns-qualifying-suffix (lower case, as Kea's DNS name
 * does), or the reserved hostname, or an empty partial name when the client sent none or the
 * name is to be replaced: the server generates one after allocation (`generateFqdn6`). Then
 * ddns6_update (status ignored; hostname, fwd-update and rev-update read back) and the option
 * goes into the answer. No DNS update is sent (no D2 server is simulated).
 */
export function clientName6(server: Dhcp6Server, ex: Exchange6): void {
  const config = server.config6;
  if (!config || !ex.subnet || !ex.response) return;
  const enabled = config.ddnsEnabled && config.ddnsSendUpdates;
  const mode = config.ddnsReplaceClientName;
  const reserved = ex.reservation?.hostname;
  let clientFlags: number;
  let clientName: string;
  const fqdn = ex.query.getOption(39);
  if (fqdn) {
    const data = fqdn.getData();
    clientFlags = data[0] ?? 0;
    clientName = decodeDomainName(data, 1);
  } else {
    if (!enabled || mode === 'never' || mode === 'when-present') {
      if (reserved) ex.hostname = reserved;
      return;
    }
    clientFlags = FLAG_S;
    clientName = '';
  }
  const suffix = config.ddnsQualifyingSuffix;
  let hostname: string;
  if (reserved) hostname = qualifyName(reserved, suffix);
  else if (mode === 'always' || mode === 'when-present' || clientName === '') hostname = '';
  else if (clientName.endsWith('.')) hostname = clientName;
  else hostname = qualifyName(clientName, suffix);
  hostname = hostname.toLowerCase();
  const flags = answerFlags(clientFlags, config, enabled);
  // the callouts' directions change the lease, not the answer's flags (as in Kea)
  const decided = ddnsUpdate(server, FAMILY6, ex, config, {
    hostname,
    fwd: (flags & FLAG_S) !== 0,
    rev: (flags & FLAG_N) === 0,
  });
  ex.response.addOption(new Option('v6', 39, encodeName(flags, decided.hostname)));
  ex.hostname = decided.hostname;
  ex.fwdUpdate = decided.fwd;
  ex.revUpdate = decided.rev;
}

/**
 * Kea's generateFqdn, after allocation for REQUEST, RENEW and REBIND: when the answer's Client
 * FQDN is still an empty partial name, the name becomes ddns-generated-prefix, a hyphen and the
 * first IA_NA address of the answer with its colons as hyphens, qualified with the suffix
 * (`myhost-2001-db8-1--100.example.org.`); the lease of that address takes it as hostname.
 * Without a stored lease Kea logs an error and leaves the option empty.
 */
export function generateFqdn6(server: Dhcp6Server, ex: Exchange6): void {
  const response = ex.response;
  const config = server.config6;
  const option = response?.getOption(39);
  if (!response || !config || !option || option.getData().length !== 1) return;
  const ia = response.getOption(3);
  const address = ia ? iaEntries(ia)[0]?.address : undefined;
  if (address === undefined) return;
  const name = qualifyName(
    `${config.ddnsGeneratedPrefix}-${address.replaceAll(':', '-')}`,
    config.ddnsQualifyingSuffix,
  ).toLowerCase();
  if (server.wants('DHCPX_DDNS_FQDN_GENERATED'))
    server.say('DHCPX_DDNS_FQDN_GENERATED', ex.query.getLabel(), name);
  const lease = server.store.get('IA_NA', address);
  if (!lease) {
    server.say(
      'DHCPX_DDNS_GENERATED_FQDN_UPDATE_FAIL',
      ex.query.getLabel(),
      name,
      `there is no lease for ${address}`,
    );
    return;
  }
  lease.hostname = name;
  server.store.update(lease);
  const flags = option.getData()[0] ?? 0;
  response.delOption(39);
  response.addOption(new Option('v6', 39, encodeName(flags, name)));
  ex.hostname = name;
}
