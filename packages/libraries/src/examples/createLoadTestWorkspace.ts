import { buildDiscover, toHex } from '@hookscope/dhcp';
import { sameKeyLibrary } from '../contextKey/sameKeyLibrary';
import { denyListLibrary } from '../nextStep/denyListLibrary';
import { tutorialLibrary } from '../tutorial/tutorialLibrary';
import { dhcp4ConfigText } from './dhcp4ConfigText';
import type { ExampleStep } from './examplePackets';
import type { ExampleWorkspace } from './exampleWorkspaces';

export interface LoadTestOptions {
  /** Number of DHCPDISCOVERs, one per client. Default 10,000. */
  packets?: number;
}

/** The hardware address of load-test client `n`: 02:00 then n in four bytes. */
export function loadTestHardwareAddress(n: number): string {
  const bytes = [2, 0, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * A large workspace for performance work: many clients, each sending one DHCPDISCOVER (built
 * with the dhcp package's builders), through four libraries — the tutorial, a deny list that
 * drops every 50th client, and the same-key library twice. Built on demand, never part of the
 * example list, so it costs nothing until asked for. Pure: the same options give the same
 * workspace.
 */
export function createLoadTestWorkspace(options: LoadTestOptions = {}): ExampleWorkspace {
  const count = options.packets ?? 10_000;
  const steps: ExampleStep[] = [];
  const denied: string[] = [];
  for (let n = 0; n < count; n++) {
    const hwaddr = loadTestHardwareAddress(n);
    if (n % 50 === 49) denied.push(hwaddr);
    const bytes = buildDiscover({ hwaddr, xid: 0x10000 + n }).pack();
    steps.push({ kind: 'packet', label: `DHCPDISCOVER from ${hwaddr}`, hex: toHex(bytes, '') });
  }
  return {
    id: 'load-test',
    title: `Load test: ${count} clients, four libraries`,
    explanation:
      'Many clients, one DHCPDISCOVER each, through four libraries: enough requests and ' +
      'callouts to see how the studio copes with a large trace.',
    server: 'dhcp4',
    config: dhcp4ConfigText({
      intro: [`${count} DHCPDISCOVERs through four libraries.`],
      libraries: [
        { comment: 'Logs the interesting clients.', entry: { library: tutorialLibrary.path } },
        {
          comment: 'Drops every 50th client.',
          entry: { library: denyListLibrary.path, parameters: { deny: denied } },
        },
        {
          comment: 'Same context name, first copy.',
          entry: { library: sameKeyLibrary.path, parameters: { label: 'first' } },
        },
        {
          comment: 'Same context name, second copy.',
          entry: { library: sameKeyLibrary.path, parameters: { label: 'second' } },
        },
      ],
    }),
    libraries: [tutorialLibrary.id, denyListLibrary.id, sameKeyLibrary.id],
    steps,
    expectation: `${count - denied.length} DHCPOFFERs; the ${denied.length} denied clients get nothing.`,
  };
}
