import type { ExampleFamily } from '../example/example';

/**
 * The packets (docs short form) that bring the simulated server to each hook point, and the
 * hooks with a callout that run, in order, on the way (what the example promises). Hook points
 * the simulation does not reach (config backends, host identifiers without flex-id, DDNS)
 * are listed with what the run shows instead.
 */
export interface HookPointScenario {
  packets: string;
  /** Extra members of the server's config object (JSON text ending with a comma). */
  serverConfig?: string;
}

const HW = '00:0c:01:02:03:04';
const DORA4 = `discover ${HW}\nrequest ${HW} 192.0.2.10`;
const SARR6 = `solicit ${HW}\nrequest6 ${HW} 2001:db8:1::10`;

// host*_identifier runs only when flex-id is one of the identifiers reservations are looked up by.
const FLEX_ID4 = '"host-reservation-identifiers": [ "hw-address", "flex-id" ],';
const FLEX_ID6 = '"host-reservation-identifiers": [ "duid", "flex-id" ],';

/** Hook points the simulated servers never reach, and why (shown on the hook point pages). */
export const UNREACHED_HOOK_POINTS: ReadonlyMap<string, string> = new Map([
  ['lease4_server_decline', 'it needs the ping-check library, which hookscope does not simulate'],
  ['cb4_updated', 'it needs a configuration backend, which hookscope does not simulate'],
  ['cb6_updated', 'it needs a configuration backend, which hookscope does not simulate'],
  [
    'ddns6_update',
    "it needs a client FQDN option, which the docs' packet notation cannot build yet",
  ],
  [
    'addr6_register',
    'it needs address registration (ADDR-REG-INFORM), which hookscope does not simulate',
  ],
]);

export function getHookPointScenario(family: ExampleFamily, hook: string): HookPointScenario {
  if (family === 'dhcp4') {
    switch (hook) {
      case 'lease4_renew':
        return { packets: `${DORA4}\nrenew ${HW} 192.0.2.10` };
      case 'lease4_release':
        return { packets: `${DORA4}\nrelease ${HW} 192.0.2.10` };
      case 'lease4_decline':
        return { packets: `${DORA4}\ndecline ${HW} 192.0.2.10` };
      case 'lease4_expire':
        return {
          packets: `${DORA4}\n# past the valid lifetime (4000 s): the reclamation timer runs\nadvance 4100`,
        };
      case 'lease4_recover':
        return {
          packets: `${DORA4}\ndecline ${HW} 192.0.2.10\n# past the decline probation period (24 h)\nadvance 90000`,
        };
      case 'host4_identifier':
        return { packets: DORA4, serverConfig: FLEX_ID4 };
      case 'command_processed':
        return { packets: 'command {"command": "list-commands"}' };
      case 'dhcp4_srv_configured':
        return { packets: '# the hook runs when the configuration is applied: no packet needed' };
      default:
        return { packets: DORA4 };
    }
  }
  switch (hook) {
    case 'lease6_renew':
      return { packets: `${SARR6}\nrenew6 ${HW} 2001:db8:1::10` };
    case 'lease6_rebind':
      return { packets: `${SARR6}\nrebind6 ${HW} 2001:db8:1::10` };
    case 'lease6_release':
      return { packets: `${SARR6}\nrelease6 ${HW} 2001:db8:1::10` };
    case 'lease6_decline':
      return { packets: `${SARR6}\ndecline6 ${HW} 2001:db8:1::10` };
    case 'lease6_expire':
      return {
        packets: `${SARR6}\n# past the valid lifetime (4000 s): the reclamation timer runs\nadvance 4100`,
      };
    case 'lease6_recover':
      return {
        packets: `${SARR6}\ndecline6 ${HW} 2001:db8:1::10\n# past the decline probation period (24 h)\nadvance 90000`,
      };
    case 'host6_identifier':
      return { packets: SARR6, serverConfig: FLEX_ID6 };
    case 'command_processed':
      return { packets: 'command {"command": "list-commands"}' };
    case 'dhcp6_srv_configured':
      return { packets: '# the hook runs when the configuration is applied: no packet needed' };
    default:
      return { packets: SARR6 };
  }
}
