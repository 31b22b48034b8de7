import { buildDiscover, buildRequest, toHex } from '@hookscope/dhcp';

/** One step of an example run: a packet to receive (UDP payload as hex), or a control command. */
export type ExampleStep =
  | { kind: 'packet'; label: string; hex: string }
  | { kind: 'command'; label: string; command: string; arguments?: Record<string, unknown> };

/** A DHCPDISCOVER from `hwaddr`, as hex of its UDP payload. */
export function discoverStep(hwaddr: string, xid: number, note = ''): ExampleStep {
  const bytes = buildDiscover({ hwaddr, xid }).pack();
  return { kind: 'packet', label: `DHCPDISCOVER from ${hwaddr}${note}`, hex: toHex(bytes, '') };
}

/** A DHCPREQUEST (SELECTING) for `address` offered by `serverId`. */
export function requestStep(
  hwaddr: string,
  xid: number,
  address: string,
  serverId: string,
): ExampleStep {
  const bytes = buildRequest('selecting', { hwaddr, xid, address, serverId }).pack();
  return {
    kind: 'packet',
    label: `DHCPREQUEST from ${hwaddr} for ${address}`,
    hex: toHex(bytes, ''),
  };
}

export function commandStep(command: string, args?: Record<string, unknown>): ExampleStep {
  const step: ExampleStep = { kind: 'command', label: command, command };
  if (args !== undefined) step.arguments = args;
  return step;
}
