import type { CalloutHandle } from '@hookscope/engine';
import type { FamilyParts, ServerPacket } from './family';
import type { ServerCore } from './serverCore';
import type { SentPacket } from './types';

export type ParkOutcome = 'continue' | 'skip' | 'drop' | 'parked' | 'resumed' | 'full';

/** Catalogue keys of the messages a parkable hook point logs (Kea has its own per hook). */
export interface ParkMessages {
  /** the callouts left PARK */
  park: string;
  /** parked-packet-limit reached: dropped before the callouts */
  full: string;
  /** the callouts left DROP */
  drop: string;
}

export interface ParkableCall {
  /** the query's handle */
  handle: CalloutHandle;
  /** the parked object (the query packet: lots match by identity) */
  query: { getLabel(): string };
  hook: number;
  hookName: string;
  /** false: the callouts run, but the query is never parked (nothing to hold, or PARK unsupported) */
  parkable: boolean;
  messages: ParkMessages;
  /** the family's statistic names (a full lot counts in pkt*-receive-drop, pkt*-queue-full) */
  statNames: FamilyParts<ServerPacket>['statNames'];
  setArguments: (handle: CalloutHandle) => void;
  /** The rest of the processing, run by the unpark; what it sends goes to `out`. */
  resume: (handle: CalloutHandle, out: SentPacket[]) => void;
}

/**
 * A hook point whose callouts may PARK the query (R96): when parked-packet-limit is set and the
 * hook's lot is full the query is dropped without calling the callouts (pkt*-receive-drop, and
 * pkt*-queue-full where the release has it); otherwise the query is parked before the callouts
 * run and dropped from the lot again unless they left PARK. On unpark, `resume` runs with the
 * handle (arguments still set, R100); what it sends goes to the server's unparked queue, then
 * the handle is released (context_destroy) unless the resumed processing parked it again.
 * An unpark from inside the callouts themselves sends into `sent`, the current query's datagrams.
 */
export function callParkable(
  server: ServerCore,
  sent: SentPacket[],
  call: ParkableCall,
): ParkOutcome {
  const { handle, query, hook } = call;
  const d = server.driver;
  const lot = d.manager.getParkingLots().getParkingLot(hook);
  handle.deleteAllArguments();
  call.setArguments(handle);
  if (!call.parkable) {
    d.call(hook, handle);
    const status = handle.getStatus();
    return finalOutcome(server, call, status);
  }
  const limit = server.config?.parkedPacketLimit ?? 0;
  if (limit > 0 && lot.size() >= limit) {
    if (server.wants(call.messages.full)) server.say(call.messages.full, limit, query.getLabel());
    if (server.features.queueFullStatistic) server.stats.add(call.statNames.queueFull);
    server.stats.add(call.statNames.receiveDrop);
    server.options.observer?.drop?.(`parked-packet-limit ${limit} reached at ${call.hookName}`);
    handle.deleteAllArguments();
    return 'full';
  }
  let resumed = false;
  let parked = false;
  lot.park(
    query,
    () => {
      resumed = true;
      server.options.observer?.unpark?.(call.hookName, handle);
      const out: SentPacket[] = [];
      try {
        call.resume(handle, out);
      } finally {
        if (parked) {
          server.parkedHandles.delete(handle);
          // the resumed processing may have parked the query again (at leases*_committed)
          if (!server.parkedHandles.has(handle)) {
            handle.deleteAllArguments();
            handle.release();
          }
        }
      }
      if (parked) {
        for (const s of out) {
          server.unparked.push(s);
          server.options.onUnparkedResponse?.(s);
        }
      } else sent.push(...out);
    },
    () => {
      server.parkedHandles.delete(handle);
      handle.release();
    },
  );
  d.call(hook, handle);
  const status = handle.getStatus();
  // unparked from inside its own callouts: the processing ran already
  if (resumed) return 'resumed';
  if (status === 3 && lot.isParked(query)) {
    parked = true;
    if (server.wants(call.messages.park)) server.say(call.messages.park, query.getLabel());
    server.parkedHandles.add(handle);
    server.options.observer?.park?.(call.hookName, handle);
    return 'parked';
  }
  lot.drop(query);
  return finalOutcome(server, call, status);
}

/** The outcome of callouts that did not park; DROP is logged under the hook's own message. */
function finalOutcome(server: ServerCore, call: ParkableCall, status: number): ParkOutcome {
  if (status === 1) return 'skip';
  if (status !== 2) return 'continue';
  if (server.wants(call.messages.drop)) server.say(call.messages.drop, call.query.getLabel());
  return 'drop';
}
