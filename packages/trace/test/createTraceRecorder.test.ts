// The recorder under the real engine. Test libraries:
// - "/lib/one.so": version; context_create stores "calls" = 0; pkt4_receive stores context
//   "who" = "one", appends "1" to argument "order", logs LIB_ONE_SAW; pkt4_send sets DROP.
// - "/lib/two.so": version; pkt4_receive stores context "who" = 2, appends "2" to "order";
//   pkt4_send throws an Error.
import {
  type CalloutHandle,
  HooksManager,
  KEA_HOOKS_VERSION,
  type LibraryModule,
  Logger,
  NextStep,
  ServerHooks,
} from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { buildTraceIndex } from '../src/buildTraceIndex';
import { createTraceRecorder } from '../src/createTraceRecorder';
import { getCalloutDetail } from '../src/getCalloutDetail';
import { getRequestTimeline } from '../src/getRequestTimeline';
import { readTrace } from '../src/readTrace';
import type { CalloutEvent, TraceEvent } from '../src/types';
import { writeTrace } from '../src/writeTrace';

const logger = new Logger('lib-one', { LIB_ONE_SAW: 'library one saw %1' });

const one: LibraryModule = {
  version: () => KEA_HOOKS_VERSION,
  context_create(handle: CalloutHandle) {
    handle.setContext('calls', 0, 'int');
    return 0;
  },
  pkt4_receive(handle: CalloutHandle) {
    handle.setContext('who', 'one');
    handle.setArgument('order', `${handle.getArgument<string>('order')}1`, 'std::string');
    logger.info('LIB_ONE_SAW', handle.getArgument('order'));
    return 0;
  },
  pkt4_send(handle: CalloutHandle) {
    handle.setStatus(NextStep.DROP);
    return 3;
  },
};
const two: LibraryModule = {
  version: () => KEA_HOOKS_VERSION,
  pkt4_receive(handle: CalloutHandle) {
    handle.setContext('who', 2, 'int');
    handle.setArgument('order', `${handle.getArgument<string>('order')}2`, 'std::string');
    return 0;
  },
  pkt4_send() {
    throw new TypeError('two cannot send');
  },
};

function setUp() {
  const serverHooks = new ServerHooks();
  for (const hook of ['pkt4_receive', 'subnet4_select', 'pkt4_send'])
    serverHooks.registerHook(hook);
  const recorder = createTraceRecorder({
    server: 'dhcp4',
    now: (() => {
      let t = 0;
      return () => (t += 0.002);
    })(),
  });
  const manager = new HooksManager({
    serverHooks,
    resolveLibrary: (path) => ({ '/lib/one.so': one, '/lib/two.so': two })[path],
    observer: recorder,
    // Only the library's own records: the engine's HOOKS_* debug records are not the point here.
    logger: { log: (record) => recorder.log(record), isEnabled: (name) => name === 'lib-one' },
  });
  recorder.bindServerHooks(serverHooks);
  const libraries = [
    { library: '/lib/one.so', parameters: { mode: 'x' } },
    { library: '/lib/two.so' },
  ];
  expect(manager.loadLibraries(libraries)).toBe(true);
  recorder.setLibraries(libraries);
  // One request as a server would run it.
  const run = () => {
    const request = recorder.beginRequest('packet', 'DHCPDISCOVER from test');
    const handle = manager.createCalloutHandle();
    handle.setArgument('order', '', 'std::string');
    manager.callCallouts(serverHooks.getIndex('pkt4_receive'), handle);
    handle.deleteAllArguments();
    recorder.hookWithoutCallouts('subnet4_select', handle);
    manager.callCallouts(serverHooks.getIndex('pkt4_send'), handle);
    recorder.response({ type: 'DHCPOFFER' });
    recorder.endRequest();
    handle.release();
    return request;
  };
  return { recorder, manager, run };
}

const brief = (events: TraceEvent[]) =>
  events.map((e) =>
    e.type === 'callout'
      ? `${e.seq} callout ${e.hook} L${e.library} ${e.status.before}->${e.status.after}${e.thrown ? ` threw ${e.thrown.name}` : ` returned ${e.returned}`}`
      : `${e.seq} ${e.type} ${'hook' in e ? e.hook : ''}${'id' in e ? e.id : ''}${'callout' in e && typeof e.callout === 'number' ? ` (callout ${e.callout})` : ''} r${e.request}`,
  );

describe('createTraceRecorder under the engine', () => {
  it('records hooks, callouts, logs, responses and context_destroy in one request', () => {
    const { recorder, run } = setUp();
    const request = run();
    const trace = recorder.getTrace();
    expect(trace.requests).toEqual([
      { id: request, kind: 'packet', summary: 'DHCPDISCOVER from test' },
    ]);
    expect(trace.libraries).toEqual([
      { index: 1, library: '/lib/one.so', parameters: { mode: 'x' } },
      { index: 2, library: '/lib/two.so' },
    ]);
    expect(brief(trace.events)).toMatchInlineSnapshot(`
      [
        "1 hook-start context_create r1",
        "2 callout context_create L1 0->0 returned 0",
        "3 hook-end context_create r1",
        "4 hook-start pkt4_receive r1",
        "5 callout pkt4_receive L1 0->0 returned 0",
        "6 log LIB_ONE_SAW (callout 5) r1",
        "7 callout pkt4_receive L2 0->0 returned 0",
        "8 hook-end pkt4_receive r1",
        "9 hook-start subnet4_select r1",
        "10 hook-end subnet4_select r1",
        "11 hook-start pkt4_send r1",
        "12 callout pkt4_send L1 0->2 returned 3",
        "13 callout pkt4_send L2 2->2 threw TypeError",
        "14 hook-end pkt4_send r1",
        "15 response  r1",
      ]
    `);
  });

  it('snapshots arguments and the current library context before and after', () => {
    const { recorder, run } = setUp();
    run();
    const callouts = recorder
      .getTrace()
      .events.filter((e): e is CalloutEvent => e.type === 'callout');
    const [, oneReceive, twoReceive] = callouts;
    expect(oneReceive!.arguments).toEqual({
      before: { order: { tag: 'std::string', value: '' } },
      after: { order: { tag: 'std::string', value: '1' } },
    });
    expect(oneReceive!.context).toEqual({
      before: { calls: { tag: 'int', value: 0 } },
      after: { calls: { tag: 'int', value: 0 }, who: { tag: 'string', value: 'one' } },
    });
    // Library two has its own context: empty before, its own "who" after.
    expect(twoReceive!.context).toEqual({ before: {}, after: { who: { tag: 'int', value: 2 } } });
    expect(twoReceive!.arguments.after).toEqual({ order: { tag: 'std::string', value: '12' } });
    expect(oneReceive!.durationNs).toBe(2000);
  });

  it('records the thrown error with name, message and stack', () => {
    const { recorder, run } = setUp();
    run();
    const thrown = recorder
      .getTrace()
      .events.find((e): e is CalloutEvent => e.type === 'callout' && e.thrown !== undefined)!;
    expect(thrown.thrown).toMatchObject({ name: 'TypeError', message: 'two cannot send' });
    expect(thrown.thrown!.stack).toContain('two cannot send');
  });

  it('gives handles outside any request a request of their own, kind guessed from the hook', () => {
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('dhcp4_srv_configured');
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    const manager = new HooksManager({
      serverHooks,
      resolveLibrary: () => ({ version: () => KEA_HOOKS_VERSION, dhcp4_srv_configured: () => 0 }),
      observer: recorder,
    });
    manager.loadLibraries([{ library: '/lib/x.so' }]);
    const handle = manager.createCalloutHandle();
    manager.callCallouts(serverHooks.getIndex('dhcp4_srv_configured'), handle);
    expect(recorder.getTrace().requests).toEqual([
      { id: 1, kind: 'config', summary: 'dhcp4_srv_configured' },
    ]);
  });

  it('streams completed events in batches and reads back what it wrote', () => {
    const { recorder, run } = setUp();
    run();
    const first = recorder.takeEvents();
    expect(first.length).toBe(recorder.getTrace().events.length);
    expect(recorder.takeEvents()).toEqual([]);
    run();
    expect(recorder.takeEvents()[0]).toMatchObject({ type: 'hook-start', request: 2 });
    const trace = recorder.getTrace();
    const read = readTrace(writeTrace(trace));
    expect(read.ok && read.trace).toEqual(trace);
  });

  it('feeds the timeline: columns, faint hook, badges, attached log', () => {
    const { recorder, run } = setUp();
    run();
    const index = buildTraceIndex(recorder.getTrace());
    const timeline = getRequestTimeline(index, 0);
    // context_destroy has no callouts and is not a server hook point, so it is not shown.
    expect(timeline.columns.map((c) => [c.hook, c.faint, c.status])).toEqual([
      ['context_create', false, 0],
      ['pkt4_receive', false, 0],
      ['subnet4_select', true, 0],
      ['pkt4_send', false, 2],
    ]);
    const pkt4Receive = timeline.columns[1]!.argumentLine[0]!;
    expect(getCalloutDetail(index, pkt4Receive).attached).toEqual([
      expect.objectContaining({ type: 'log', id: 'LIB_ONE_SAW', text: 'library one saw 1' }),
    ]);
    const send = timeline.columns[3]!.argumentLine;
    expect(getCalloutDetail(index, send[0]!).badges).toEqual([
      { kind: 'status', status: 'DROP', from: 'CONTINUE' },
      { kind: 'returned', value: 3 },
    ]);
    expect(getCalloutDetail(index, send[1]!).badges[0]).toMatchObject({
      kind: 'exception',
      name: 'TypeError',
    });
  });
});

describe('createTraceRecorder: what the server reports besides callouts', () => {
  it('shows a sent packet by its JSON view, bytes as hex, and answers as JSON', async () => {
    const { buildDiscover } = await import('@hookscope/dhcp');
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    const request = recorder.beginRequest('command', 'config-get');
    recorder.command('config-get', { big: 10n, skip: undefined });
    recorder.response({ result: 0, text: undefined, arguments: { a: 1 } });
    recorder.response(new Uint8Array([1, 2, 255]));
    recorder.response(buildDiscover({ xid: 7 }));
    recorder.park('leases4_committed');
    recorder.fileWrite('/etc/kea/out.json', 'write', '{}');
    recorder.drop('no subnet');
    recorder.endRequest();
    recorder.log({ severity: 'INFO', logger: 'hooks', id: 'X', args: [], text: 'outside' });
    const events = recorder.getTrace().events;
    expect(events.map((e) => [e.type, e.request])).toEqual([
      ['command', request],
      ['response', request],
      ['response', request],
      ['response', request],
      ['park', request],
      ['file-write', request],
      ['drop', request],
      ['log', undefined],
    ]);
    expect(events[0]).toMatchObject({ arguments: { big: '10' } });
    expect(events[1]).toMatchObject({ response: { result: 0, arguments: { a: 1 } } });
    expect(events[2]).toMatchObject({ response: { hex: '0102ff' } });
    expect(events[3]).toMatchObject({ response: { type: 'DHCPDISCOVER', xid: '0x00000007' } });
  });
});

describe('createTraceRecorder: a callout that throws', () => {
  const thrower: LibraryModule = {
    version: () => KEA_HOOKS_VERSION,
    pkt4_receive() {
      throw new Error('boom');
    },
  };
  const runWith = (keaVersion: string) => {
    const serverHooks = new ServerHooks();
    serverHooks.registerHook('pkt4_receive');
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    const manager = new HooksManager({
      serverHooks,
      keaVersion,
      resolveLibrary: () => ({
        ...thrower,
        version: () => (keaVersion === '2.2.0' ? 20200 : KEA_HOOKS_VERSION),
      }),
      observer: recorder,
      logger: recorder,
    });
    expect(manager.loadLibraries([{ library: '/lib/thrower.so' }])).toBe(true);
    const handle = manager.createCalloutHandle();
    manager.callCallouts(serverHooks.getIndex('pkt4_receive'), handle);
    return recorder.getTrace().events;
  };

  it('shows the DROP the engine makes of it (Kea 2.3.8 on), and the exception log at the callout', () => {
    const events = runWith('3.3.1');
    const callout = events.find((e): e is CalloutEvent => e.type === 'callout')!;
    expect(callout.status).toEqual({ before: 0, after: 2 });
    expect(callout.thrown?.message).toBe('boom');
    const attached = events
      .filter((e) => e.type === 'log' && e.callout === callout.seq)
      .map((e) => (e as { id: string }).id);
    expect(attached.some((id) => /EXCEPTION|ERROR/.test(id))).toBe(true);
  });

  it('leaves the status alone under Kea 2.2.0', () => {
    const callout = runWith('2.2.0').find((e): e is CalloutEvent => e.type === 'callout')!;
    expect(callout.status).toEqual({ before: 0, after: 0 });
  });
});

describe('createTraceRecorder: requests announced twice', () => {
  it('joins a nested request of the same kind, and nests one of another kind', () => {
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    const outer = recorder.beginRequest('packet', 'DHCPDISCOVER from the packets pane');
    expect(recorder.beginRequest('packet', 'DHCPDISCOVER xid=0x1')).toBe(outer);
    recorder.drop('inner');
    const command = recorder.beginRequest('command', 'leases-reclaim');
    expect(command).not.toBe(outer);
    recorder.drop('in the command');
    recorder.endRequest();
    recorder.endRequest();
    recorder.response({ type: 'DHCPOFFER' });
    recorder.endRequest();
    recorder.drop('outside');
    const trace = recorder.getTrace();
    expect(trace.requests.map((r) => r.summary)).toEqual([
      'DHCPDISCOVER from the packets pane',
      'leases-reclaim',
    ]);
    expect(trace.events.map((e) => e.request)).toEqual([outer, command, outer, undefined]);
  });
});

describe('createTraceRecorder: requests without a handle', () => {
  it('puts a hook with no callouts outside any request into a request of its own', () => {
    const recorder = createTraceRecorder({ server: 'dhcp4' });
    recorder.hookWithoutCallouts('lease4_expire');
    const id = recorder.beginRequest('packet', 'first summary');
    recorder.setRequestSummary(id, 'DHCPDISCOVER xid=0x5');
    recorder.hookWithoutCallouts('buffer4_receive');
    recorder.endRequest();
    const trace = recorder.getTrace();
    expect(trace.requests).toEqual([
      { id: 1, kind: 'timer', summary: 'lease4_expire' },
      { id: 2, kind: 'packet', summary: 'DHCPDISCOVER xid=0x5' },
    ]);
    expect(trace.events.map((e) => [e.type, e.request, 'hook' in e ? e.hook : ''])).toEqual([
      ['hook-start', 1, 'lease4_expire'],
      ['hook-end', 1, 'lease4_expire'],
      ['hook-start', 2, 'buffer4_receive'],
      ['hook-end', 2, 'buffer4_receive'],
    ]);
  });
});
