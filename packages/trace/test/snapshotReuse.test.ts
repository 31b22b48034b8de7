// The recorder reuses snapshots while what they show cannot have changed (packet views by the
// packet's epoch and a stamp of its fields, argument names by the handle's revision, context by
// the library's revision). These tests hold it to the trace it would write without any reuse
// (`reuseSnapshots: false`): the same documents for whole example runs, and for every way a
// callout can change a value in place without a setter.
import { buildDiscover, createOption4, fromHex, type Pkt4 } from '@hookscope/dhcp';
import {
  type CalloutHandle,
  HooksManager,
  KEA_HOOKS_VERSION,
  type LibraryModule,
  ServerHooks,
} from '@hookscope/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { createBuiltinResolver } from '../../libraries/src/builtinLibraries';
import { createVirtualFiles } from '../../libraries/src/createVirtualFiles';
import { EXAMPLE_WORKSPACES } from '../../libraries/src/examples/exampleWorkspaces';
import { parseConfigText } from '../../libraries/src/examples/parseConfigText';
import { createLibraryEnvironment } from '../../libraries/src/libraryEnvironment';
import { createServer } from '../../server/src/createServer';
import { createTraceRecorder } from '../src/createTraceRecorder';
import type { CalloutEvent, SnapshotMap, TraceDocument } from '../src/types';

/** Runs a kea-dhcp4 example workspace with its real libraries; the clock stands still, so
 * callout durations are 0 in both runs. */
function recordExample(example: (typeof EXAMPLE_WORKSPACES)[number], reuse: boolean) {
  const recorder = createTraceRecorder({ server: 'dhcp4', now: () => 0, reuseSnapshots: reuse });
  const files = createVirtualFiles({ onWrite: (w) => recorder.fileWrite(w.path, w.mode, w.data) });
  const env = createLibraryEnvironment({ files });
  const server = createServer('dhcp4', {
    resolveLibrary: createBuiltinResolver(env),
    observer: recorder,
    logger: { log: (record) => recorder.log(record) },
    now: () => 1_700_000_000_000,
  });
  recorder.bindServerHooks({ getName: (index) => server.hookName(index) });
  server.configure(parseConfigText(example.config));
  for (const step of example.steps) {
    if (step.kind === 'packet') {
      server.receive(fromHex(step.hex));
      // the same packet again: a repeat sees the same lease, so most snapshots are reused
      server.receive(fromHex(step.hex));
    } else {
      server.command(
        step.arguments === undefined
          ? { command: step.command }
          : { command: step.command, arguments: step.arguments },
      );
    }
  }
  server.shutdown();
  return recorder.getTrace();
}

/** What differs between two runs of the same example: the stacks of thrown errors, and the
 * call times the engine's debug records give in milliseconds. */
function normalized(trace: TraceDocument): unknown {
  return JSON.parse(
    JSON.stringify(trace, (key, value: unknown) => {
      if (key === 'stack') return '';
      if (typeof value !== 'string') return value;
      return value.replace(/\b\d+\.\d{3}( ms)?\b/g, 'T$1');
    }),
  );
}

describe('snapshot reuse writes the trace a recorder without reuse writes', () => {
  afterAll(() => {
    // the examples ran callouts (an example that only configures still counts)
    expect(calloutsSeen).toBeGreaterThan(40);
  });
  const examples = EXAMPLE_WORKSPACES.filter((example) => example.server === 'dhcp4');

  let calloutsSeen = 0;
  it('has kea-dhcp4 examples to run', () => {
    expect(examples.length).toBeGreaterThan(3);
  });

  for (const example of examples) {
    it(`example "${example.id}"`, () => {
      const fast = recordExample(example, true);
      const slow = recordExample(example, false);
      calloutsSeen += fast.events.filter((e) => e.type === 'callout').length;
      expect(normalized(fast)).toEqual(normalized(slow));
    });
  }
});

// A DORA-like pass over three hook points with callouts that change things in place.
function recordChanges(callouts: Record<string, (handle: CalloutHandle) => void>, reuse = true) {
  const hooks = ['pkt4_receive', 'lease4_select', 'pkt4_send'];
  const serverHooks = new ServerHooks();
  for (const hook of hooks) serverHooks.registerHook(hook);
  // one library reads only (so its snapshots are the ones that must not go stale), one changes
  const reader: LibraryModule = { version: () => KEA_HOOKS_VERSION };
  const changer: LibraryModule = { version: () => KEA_HOOKS_VERSION };
  for (const hook of hooks) {
    reader[hook] = (handle: CalloutHandle) => {
      handle.getArgumentNames();
      return 0;
    };
    changer[hook] = (handle: CalloutHandle) => {
      callouts[hook]?.(handle);
      return 0;
    };
  }
  const recorder = createTraceRecorder({ server: 'dhcp4', now: () => 0, reuseSnapshots: reuse });
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: (path) => (path === '/reader.so' ? reader : changer),
    observer: recorder,
  });
  recorder.bindServerHooks(serverHooks);
  manager.loadLibraries([
    { library: '/reader.so' },
    { library: '/changer.so' },
    { library: '/reader.so' },
  ]);
  const query = buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 7 });
  const response = buildDiscover({ hwaddr: '02:00:00:00:00:01', xid: 7 });
  response.setType(2);
  const lease = { address: '10.0.0.5', hwaddr: [2, 0, 0, 0, 0, 1], lifetimes: [3600] };
  const handle = manager.createCalloutHandle();
  handle.setArgument('query4', query, 'isc::dhcp::Pkt4Ptr');
  manager.callCallouts(serverHooks.getIndex('pkt4_receive'), handle);
  handle.setArgument('lease4', lease, 'isc::dhcp::Lease4Ptr');
  handle.setArgument('addresses', ['10.0.0.5'], 'std::vector<std::string>');
  manager.callCallouts(serverHooks.getIndex('lease4_select'), handle);
  handle.deleteAllArguments();
  handle.setArgument('query4', query, 'isc::dhcp::Pkt4Ptr');
  handle.setArgument('response4', response, 'isc::dhcp::Pkt4Ptr');
  manager.callCallouts(serverHooks.getIndex('pkt4_send'), handle);
  // the same packets once more, unchanged by the server: the reuse path at its busiest
  manager.callCallouts(serverHooks.getIndex('pkt4_send'), handle);
  handle.release();
  return recorder.getTrace();
}

function callouts(trace: TraceDocument, hook: string): CalloutEvent[] {
  return trace.events.filter((e): e is CalloutEvent => e.type === 'callout' && e.hook === hook);
}

function itemValue(map: SnapshotMap | undefined, name: string): unknown {
  const item = map?.[name];
  return item !== undefined && 'value' in item ? item.value : undefined;
}

function shown(map: SnapshotMap, name: string): Record<string, unknown> {
  const item = map[name];
  if (item === undefined || !('value' in item)) throw new Error(`${name} is not shown`);
  return item.value as Record<string, unknown>;
}

describe('a value changed in place shows in "after", and in the next "before"', () => {
  const cases: [
    string,
    Record<string, (handle: CalloutHandle) => void>,
    (t: TraceDocument) => void,
  ][] = [
    [
      'yiaddr of response4 set through its setter',
      { pkt4_send: (h) => h.getArgument<Pkt4>('response4').setYiaddr('10.0.0.99') },
      (t) => expectPacketField(t, 'pkt4_send', 'response4', 'yiaddr', '10.0.0.99'),
    ],
    [
      'hops of query4 assigned directly',
      {
        pkt4_receive: (h) => {
          h.getArgument<Pkt4>('query4').hops = 3;
        },
      },
      (t) => expectPacketField(t, 'pkt4_receive', 'query4', 'hops', 3),
    ],
    [
      "an option's bytes written into the array getData() gave",
      {
        pkt4_send: (h) => {
          const data = h.getArgument<Pkt4>('response4').getOption(53)?.getData();
          if (data) data[0] = 5;
        },
      },
      (t) => {
        const [, changer, after] = callouts(t, 'pkt4_send');
        const type = (s: SnapshotMap) =>
          (shown(s, 'response4')['options'] as Record<string, { value: unknown }>)['53']?.value;
        expect(type(changer?.arguments.before ?? {})).toBe(2);
        expect(type(changer?.arguments.after ?? {})).toBe(5);
        expect(type(after?.arguments.before ?? {})).toBe(5);
      },
    ],
    [
      'an option pushed onto the options array directly',
      {
        pkt4_receive: (h) => {
          h.getArgument<Pkt4>('query4').options.push(createOption4('host-name', 'pushed'));
        },
      },
      (t) => {
        const [, changer] = callouts(t, 'pkt4_receive');
        const options = (s: SnapshotMap) =>
          shown(s, 'query4')['options'] as Record<string, unknown>;
        expect(options(changer?.arguments.before ?? {})['12']).toBeUndefined();
        expect(options(changer?.arguments.after ?? {})['12']).toEqual({
          name: 'host-name',
          value: 'pushed',
        });
      },
    ],
    [
      'chaddr bytes written in place',
      {
        pkt4_receive: (h) => {
          h.getArgument<Pkt4>('query4').chaddr[5] = 0x42;
        },
      },
      (t) => expectPacketField(t, 'pkt4_receive', 'query4', 'hwaddr', '02:00:00:00:00:42'),
    ],
    [
      'an element pushed onto an array argument',
      { lease4_select: (h) => h.getArgument<string[]>('addresses').push('10.0.0.6') },
      (t) => {
        const [, changer, after] = callouts(t, 'lease4_select');
        const list = (s: SnapshotMap | undefined) => itemValue(s, 'addresses');
        expect(list(changer?.arguments.before)).toEqual(['10.0.0.5']);
        expect(list(changer?.arguments.after)).toEqual(['10.0.0.5', '10.0.0.6']);
        expect(list(after?.arguments.before)).toEqual(['10.0.0.5', '10.0.0.6']);
      },
    ],
    [
      'a field and a nested array of a plain-object lease',
      {
        lease4_select: (h) => {
          const lease = h.getArgument<{ address: string; lifetimes: number[] }>('lease4');
          lease.address = '10.0.0.7';
          lease.lifetimes[0] = 60;
        },
      },
      (t) => {
        const [, changer] = callouts(t, 'lease4_select');
        expect(shown(changer?.arguments.before ?? {}, 'lease4')).toMatchObject({
          address: '10.0.0.5',
          lifetimes: [3600],
        });
        expect(shown(changer?.arguments.after ?? {}, 'lease4')).toMatchObject({
          address: '10.0.0.7',
          lifetimes: [60],
        });
      },
    ],
    [
      'an object kept in context and changed by a later hook point',
      {
        pkt4_receive: (h) => h.setContext('seen', { count: 1 }),
        lease4_select: (h) => {
          h.getContext<{ count: number }>('seen').count = 2;
        },
      },
      (t) => {
        const [, changer] = callouts(t, 'lease4_select');
        const count = (s: SnapshotMap | undefined) =>
          (itemValue(s, 'seen') as { count: number }).count;
        expect(count(changer?.context.before)).toBe(1);
        expect(count(changer?.context.after)).toBe(2);
        const [, later] = callouts(t, 'pkt4_send');
        expect(count(later?.context.before)).toBe(2);
      },
    ],
    [
      'a context item set again to a new value',
      {
        pkt4_receive: (h) => h.setContext('n', 1),
        lease4_select: (h) => h.setContext('n', 2),
      },
      (t) => {
        const [, changer] = callouts(t, 'lease4_select');
        expect(changer?.context.before['n']).toMatchObject({ value: 1 });
        expect(changer?.context.after['n']).toMatchObject({ value: 2 });
      },
    ],
  ];

  for (const [name, change, check] of cases) {
    it(name, () => {
      const fast = recordChanges(change);
      check(fast);
      expect(fast).toEqual(recordChanges(change, false));
    });
  }

  it('an unchanged packet keeps one view object from callout to callout', () => {
    const trace = recordChanges({});
    const sends = callouts(trace, 'pkt4_send');
    const first = sends[0]?.arguments.after['response4'];
    expect(first).toBeDefined();
    for (const event of sends) {
      expect(event.arguments.before['response4']).toBe(first);
      expect(event.arguments.after['response4']).toBe(first);
    }
  });
});

function expectPacketField(
  trace: TraceDocument,
  hook: string,
  argument: string,
  field: string,
  value: unknown,
): void {
  const [reader, changer, after] = callouts(trace, hook);
  expect(shown(reader?.arguments.after ?? {}, argument)[field]).not.toEqual(value);
  expect(shown(changer?.arguments.before ?? {}, argument)[field]).not.toEqual(value);
  expect(shown(changer?.arguments.after ?? {}, argument)[field]).toEqual(value);
  expect(shown(after?.arguments.before ?? {}, argument)[field]).toEqual(value);
}
