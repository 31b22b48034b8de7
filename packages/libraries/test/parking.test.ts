// A test library that parks: "/lib/parker.so" registers (standard name) leases4_committed,
// which references the query in the hook's parking lot and sets PARK; load() registers a
// command handler "parker-release" that unparks every parked query. Callouts return 0.
import { buildDiscover, buildRequest, unpack4 } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  KEA_HOOKS_VERSION,
  type LibraryHandle,
  type LibraryModule,
  NextStep,
  type ParkingLotHandle,
} from '@hookscope/engine';
import { createServer } from '@hookscope/server';
import { buildTraceIndex, createTraceRecorder, getRequestTimeline } from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import { dhcp4ConfigText } from '../src/examples/dhcp4ConfigText';
import { parseConfigText } from '../src/examples/parseConfigText';

function createParker(): LibraryModule {
  const parked: { lot: ParkingLotHandle; query: unknown }[] = [];
  return {
    version: () => KEA_HOOKS_VERSION,
    load(handle: LibraryHandle) {
      handle.registerCommandCallout('parker-release', (command: CalloutHandle) => {
        for (const { lot, query } of parked.splice(0)) lot.unpark(query);
        command.setArgument(
          'response',
          { result: 0, text: 'released' },
          'isc::data::ConstElementPtr',
        );
        return 0;
      });
      return 0;
    },
    leases4_committed(handle: CalloutHandle) {
      const query = handle.getArgument('query4');
      const lot = handle.getParkingLotHandle();
      lot.reference(query);
      parked.push({ lot, query });
      handle.setStatus(NextStep.PARK);
      return 0;
    },
  };
}

describe('a parked packet in the trace', () => {
  it('keeps its hooks in its own request when a later command resumes it', () => {
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    const parker = createParker();
    const server = createServer('dhcp4', {
      resolveLibrary: (path) => (path === '/lib/parker.so' ? parker : undefined),
      observer: recorder,
      now: () => 1_700_000_000_000,
    });
    const config = dhcp4ConfigText({
      intro: ['Parking at leases4_committed.'],
      libraries: [
        { comment: 'Parks every committed REQUEST.', entry: { library: '/lib/parker.so' } },
      ],
    });
    expect(server.configure(parseConfigText(config)).result).toBe(0);
    const hwaddr = '00:0c:01:02:03:09';
    const offer = unpack4(server.receive(buildDiscover({ hwaddr, xid: 1 }).pack())[0]!);
    const request = buildRequest('selecting', {
      hwaddr,
      xid: 2,
      address: offer.getYiaddr(),
      serverId: '192.0.2.1',
    });
    expect(server.receive(request.pack())).toEqual([]); // parked: nothing goes out yet
    expect(server.command({ command: 'parker-release' })).toMatchObject({
      result: 0,
      text: 'released',
    });
    expect(server.drainUnparked().map((s) => unpack4(s.bytes).getName())).toEqual(['DHCPACK']);
    server.shutdown();

    const trace = recorder.getTrace();
    const index = buildTraceIndex(trace);
    const position = index.requests.findIndex((r) => r.summary.startsWith('DHCPREQUEST'));
    const timeline = getRequestTimeline(index, position);
    // The resumed part (pkt4_send, buffer4_send) shows in the REQUEST's own timeline.
    expect(timeline.columns.map((c) => c.hook).slice(-3)).toEqual([
      'leases4_committed',
      'pkt4_send',
      'buffer4_send',
    ]);
    const requestId = index.requests[position]!.id;
    const park = trace.events.find((e) => e.type === 'park')!;
    expect(park).toMatchObject({ request: requestId, hook: 'leases4_committed' });
    // The unpark happened inside the command handler: it is attached to that callout.
    const unpark = trace.events.find((e) => e.type === 'unpark')!;
    const handler = trace.events.find((e) => e.seq === (unpark as { callout?: number }).callout);
    expect(handler).toMatchObject({ type: 'callout', hook: '$parker_release' });
    expect(
      trace.requests.find((r) => r.id === (handler as { request: number }).request)?.kind,
    ).toBe('command');
  });
});
