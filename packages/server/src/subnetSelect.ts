import { toHex } from '@hookscope/dhcp';
import { CPP } from './cppTypes';
import type { ExchangeBase, FamilyParts, ServerPacket } from './family';
import { callParkable } from './parkableHook';
import type { ServerCore } from './serverCore';
import type { SentPacket } from './types';

export type SelectOutcome = 'drop' | 'parked' | 'done' | undefined;

/**
 * What follows subnet selection, one object per server (not closures per query: those cost an
 * allocation on every packet though only an unpark needs them).
 */
export interface SelectSteps<E, S> {
  /** what Kea's exchange or client context does once the subnet is known */
  setUp(ex: E, subnet: S | undefined): void;
  /** the rest of the query's processing; what it sends goes to `out` */
  rest(ex: E, out: SentPacket[]): void;
}

/**
 * subnet4_select / subnet6_select on the subnet the server picked (SKIP: no subnet; DROP: the
 * query is dropped; a replacement must be one of the configured subnets), then `steps.setUp`. From 2.5.6 the callouts may
 * PARK the query (parked first, dropped when parked-packet-limit is reached): processing stops,
 * and the unpark resumes it with the subnet a library left in the handle's context item
 * `subnet4` / `subnet6` (set outside a callout, so in the server's own slot, R70), running
 * `steps.setUp` and `steps.rest`. Returns 'parked' when it stopped there, 'done' when the callouts unparked
 * it at once (`steps.rest` ran, its datagrams are in `sent`), undefined to go on.
 */
export function selectSubnet<P extends ServerPacket, S, E extends ExchangeBase<P, S>>(
  server: ServerCore,
  parts: FamilyParts<P>,
  ex: E,
  subnets: readonly S[],
  picked: S | undefined,
  steps: SelectSteps<E, S>,
  sent: SentPacket[],
): SelectOutcome {
  const query = ex.query;
  const d = server.driver;
  const h = server.common.subnetSelect;
  let subnet = picked;
  if (d.present(h)) {
    const handle = server.handleOf(ex);
    const outcome = callParkable(server, sent, {
      handle,
      query,
      hook: h,
      hookName: `subnet${parts.digit}_select`,
      parkable: server.features.parkableSubnetSelect,
      messages: {
        park: 'DHCPX_HOOK_SUBNETX_SELECT_PARK',
        full: 'DHCPX_HOOK_SUBNETX_SELECT_PARKING_LOT_FULL',
        drop: 'DHCPX_HOOK_SUBNETX_SELECT_DROP',
      },
      statNames: parts.statNames,
      setArguments: (handle) => {
        handle.setArgument(parts.queryArg, query, parts.pktTag);
        handle.setArgument(parts.subnetArg, subnet, server.subnetTag);
        handle.setArgument(parts.subnetCollectionArg, subnets, parts.subnetCollectionTag);
      },
      resume: (handle, out) => {
        handle.deleteAllArguments();
        let parked: S | undefined;
        try {
          parked = handle.getContext<S | undefined>(parts.subnetArg);
        } catch {
          parked = undefined; // no item: no subnet
        }
        steps.setUp(ex, parked !== undefined && subnets.includes(parked) ? parked : undefined);
        steps.rest(ex, out);
      },
    });
    if (outcome === 'parked') return 'parked';
    if (outcome === 'resumed') return 'done';
    if (outcome === 'full') return 'drop';
    const chosen = handle.getArgument<S | undefined>(parts.subnetArg);
    handle.deleteAllArguments();
    if (outcome === 'drop') return 'drop';
    if (outcome === 'skip') {
      if (server.wants('DHCPX_HOOK_SUBNETX_SELECT_SKIP'))
        server.say('DHCPX_HOOK_SUBNETX_SELECT_SKIP', query.getLabel());
      subnet = undefined;
    } else subnet = chosen !== undefined && subnets.includes(chosen) ? chosen : undefined;
  } else d.reached(h, ex.handle);
  steps.setUp(ex, subnet);
  return undefined;
}

/**
 * host4_identifier / host6_identifier (only with flex-id among the identifiers): the callouts
 * may supply a flex-id; any status but CONTINUE, or an empty value, discards it (R112).
 * Returns the identifier as lowercase hex.
 */
export function hostIdentifier<P extends ServerPacket, S>(
  server: ServerCore,
  parts: FamilyParts<P>,
  ex: ExchangeBase<P, S>,
): string | undefined {
  const h = server.common.hostIdentifier;
  const d = server.driver;
  if (!d.present(h)) {
    d.reached(h, ex.handle);
    return undefined;
  }
  const handle = server.handleOf(ex);
  handle.deleteAllArguments();
  handle.setArgument(parts.queryArg, ex.query, parts.pktTag);
  handle.setArgument('id_type', 4, CPP.identifierType);
  handle.setArgument('id_value', new Uint8Array(0), CPP.bytes);
  d.call(h, handle);
  const status = handle.getStatus();
  const value = handle.getArgument<Uint8Array>('id_value');
  handle.deleteAllArguments();
  if (status !== 0 || !(value instanceof Uint8Array) || value.length === 0) return undefined;
  return toHex(value, '');
}
