import type { CalloutEvent, SnapshotMap, TraceDocument, TraceEvent, TraceRequest } from './types';

export interface SyntheticTraceOptions {
  /** Number of DHCPv4 exchanges (a DISCOVER and a REQUEST each count as one request). Default 100. */
  requests?: number;
  /** Libraries, each with a callout on every hook it is given. Default 4. */
  libraries?: number;
  /** Every `dropEvery`-th request gets a DROP at pkt4_receive from the last library. Default 50. */
  dropEvery?: number;
  /** Every `throwEvery`-th request gets an exception in lease4_select. Default 97. */
  throwEvery?: number;
}

const HOOKS_DISCOVER = [
  'buffer4_receive',
  'pkt4_receive',
  'subnet4_select',
  'lease4_select',
  'pkt4_send',
  'buffer4_send',
];
const HOOKS_REQUEST = [
  'buffer4_receive',
  'pkt4_receive',
  'subnet4_select',
  'lease4_select',
  'leases4_committed',
  'pkt4_send',
  'buffer4_send',
];
// Hooks every library is attached to; the rest are reached without callouts (faint columns).
const ATTACHED = new Set([
  'pkt4_receive',
  'subnet4_select',
  'lease4_select',
  'leases4_committed',
  'pkt4_send',
]);

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * A deterministic trace shaped like a real DHCPv4 run (packet arguments, context that grows
 * through the hooks, some DROPs and exceptions), for benchmarks, UI development and tests.
 * Snapshot objects are shared where nothing changed, as a recorder's output would be equal there.
 * Pure: the same options give the same trace.
 */
export function createSyntheticTrace(options: SyntheticTraceOptions = {}): TraceDocument {
  const requestCount = options.requests ?? 100;
  const libraryCount = options.libraries ?? 4;
  const dropEvery = options.dropEvery ?? 50;
  const throwEvery = options.throwEvery ?? 97;
  const requests: TraceRequest[] = [];
  const events: TraceEvent[] = [];
  let seq = 0;
  for (let r = 0; r < requestCount; r++) {
    const id = r + 1;
    const discover = r % 2 === 0;
    const client = Math.floor(r / 2);
    const mac = `00:0c:${hex((client >> 16) & 255, 2)}:${hex((client >> 8) & 255, 2)}:${hex(client & 255, 2)}:01`;
    const xid = `0x${hex(0x1000 + client, 8)}`;
    const type = discover ? 'DHCPDISCOVER' : 'DHCPREQUEST';
    requests.push({ id, kind: 'packet', summary: `${type} xid=${xid} from ${mac}` });
    const query: SnapshotMap = {
      query4: {
        tag: 'isc::dhcp::Pkt4Ptr',
        value: {
          type,
          xid,
          chaddr: mac,
          ciaddr: '0.0.0.0',
          options: { '53': discover ? 1 : 3, '61': `01:${mac}` },
        },
      },
    };
    const contexts: SnapshotMap[] = Array.from({ length: libraryCount }, () => ({}));
    const drop = dropEvery > 0 && r % dropEvery === dropEvery - 1;
    const hooks = discover ? HOOKS_DISCOVER : HOOKS_REQUEST;
    for (const hook of hooks) {
      events.push({ type: 'hook-start', seq: ++seq, request: id, hook });
      let status = 0;
      if (ATTACHED.has(hook)) {
        for (let l = 0; l < libraryCount; l++) {
          const before = contexts[l]!;
          const after: SnapshotMap =
            hook === 'pkt4_receive'
              ? { ...before, client: { tag: 'string', value: mac } }
              : { ...before, [`seen_${hook}`]: { tag: 'bool', value: true } };
          contexts[l] = after;
          const statusBefore = status;
          if (drop && hook === 'pkt4_receive' && l === libraryCount - 1) status = 2;
          const callout: CalloutEvent = {
            type: 'callout',
            seq: ++seq,
            request: id,
            hook,
            library: l + 1,
            callout: hook,
            status: { before: statusBefore, after: status },
            arguments: { before: query, after: query },
            context: { before, after },
            durationNs: 800 + ((r * 31 + l * 17) % 900),
          };
          if (hook === 'lease4_select' && throwEvery > 0 && r % throwEvery === 0 && l === 0) {
            callout.thrown = { name: 'Error', message: 'synthetic failure' };
          } else {
            callout.returned = 0;
          }
          events.push(callout);
          if (l === 0 && hook === 'pkt4_receive') {
            events.push({
              type: 'log',
              seq: ++seq,
              request: id,
              callout: callout.seq,
              severity: 'DEBUG',
              debuglevel: 40,
              logger: 'library-1',
              id: 'LIB_CLIENT_SEEN',
              text: `client ${mac} seen`,
            });
          }
        }
      }
      events.push({ type: 'hook-end', seq: ++seq, request: id, hook, status });
      if (status === 2) break;
    }
    if (!drop) {
      events.push({
        type: 'response',
        seq: ++seq,
        request: id,
        response: {
          type: discover ? 'DHCPOFFER' : 'DHCPACK',
          xid,
          yiaddr: `192.0.2.${10 + (client % 200)}`,
        },
      });
    }
  }
  return {
    format: 'hookscope-trace',
    version: 1,
    source: { kind: 'simulation', keaVersion: '3.3.1' },
    server: 'dhcp4',
    libraries: Array.from({ length: libraryCount }, (_, l) => ({
      index: l + 1,
      library: `/usr/local/lib/hookscope/library${l + 1}.so`,
    })),
    requests,
    events,
  };
}
