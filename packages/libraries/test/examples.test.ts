import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NextStep } from '@hookscope/engine';
import { createServer } from '@hookscope/server';
import {
  buildTraceIndex,
  type CalloutEvent,
  getRequestTimeline,
  readTrace,
  writeTrace,
} from '@hookscope/trace';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LIBRARIES, createBuiltinResolver } from '../src/builtinLibraries';
import { EXAMPLE_WORKSPACES, getExampleWorkspace } from '../src/examples/exampleWorkspaces';
import { parseConfigText } from '../src/examples/parseConfigText';
import { createLibraryEnvironment } from '../src/libraryEnvironment';
import { runExample } from './runExample';

const example = (id: string) => getExampleWorkspace(id)!;

// The trace package's JSON Schema, found through the package the way any consumer would.
const traceEntry = createRequire(import.meta.url).resolve('@hookscope/trace');
const validateTrace = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(readFileSync(traceEntry.replace(/index\.ts$/, 'trace.schema.json'), 'utf8')) as object,
);

describe('example workspaces', () => {
  it('every config parses, names only built-in libraries, and every library has an example', () => {
    for (const workspace of EXAMPLE_WORKSPACES) {
      const config = parseConfigText(workspace.config) as Record<string, Record<string, unknown>>;
      const list = (config['Dhcp4']?.['hooks-libraries'] ??
        config['hooks-libraries']) as unknown as { library: string }[];
      for (const { library } of list) {
        expect(
          BUILTIN_LIBRARIES.some((b) => b.path === library && workspace.libraries.includes(b.id)),
        ).toBe(true);
      }
      expect(workspace.config).toContain('//');
    }
    const used = new Set(EXAMPLE_WORKSPACES.flatMap((w) => w.libraries));
    expect(BUILTIN_LIBRARIES.filter((b) => !used.has(b.id)).map((b) => b.id)).toEqual([]);
  });

  it('tutorial: writes "hwaddr ipaddr" for the interesting client only', () => {
    const run = runExample(example('tutorial'));
    expect(run.configured.result).toBe(0);
    expect(run.steps.map((s) => s.replies?.map((r) => r.type))).toEqual([
      ['DHCPOFFER'],
      ['DHCPOFFER'],
    ]);
    const offered = run.steps[0]!.replies![0]!.yiaddr;
    expect(offered).toMatch(/^192\.0\.2\.\d+$/);
    expect(run.files).toEqual({
      '/data/clients/interesting.log': `hwtype=1 00:0c:01:02:03:06 ${offered}\n`,
    });
    // The line is in the trace too, at the pkt4_send callout that wrote it.
    const write = run.trace.events.find((e) => e.type === 'file-write')!;
    const writer = run.trace.events.find(
      (e) => e.seq === (write as { callout?: number }).callout,
    ) as CalloutEvent;
    expect(writer).toMatchObject({ hook: 'pkt4_send', callout: 'pkt4_send', library: 1 });
    expect(writer.context.before['hwaddr']).toEqual({
      tag: 'string',
      value: 'hwtype=1 00:0c:01:02:03:06',
    });
  });

  it("tutorial: the trace reads back unchanged and lays out hooks in Kea's order", () => {
    const run = runExample(example('tutorial'));
    const read = readTrace(writeTrace(run.trace));
    expect(read.ok && read.trace).toEqual(run.trace);
    const index = buildTraceIndex(run.trace);
    const packet = index.requests.findIndex((r) => r.kind === 'packet');
    const hooks = getRequestTimeline(index, packet)
      .columns.filter((c) => !c.faint)
      .map((c) => c.hook);
    expect(hooks).toEqual(['pkt4_receive', 'pkt4_send']);
  });

  it('non-standard names: same outcome, written by write_data', () => {
    const run = runExample(example('non-standard-names'));
    expect(Object.values(run.files)).toEqual([
      expect.stringMatching(/^hwtype=1 00:0c:01:02:03:06 192\.0\.2\.\d+\n$/),
    ]);
    const names = run.trace.events
      .filter((e): e is CalloutEvent => e.type === 'callout')
      .map((e) => `${e.hook}:${e.callout}`);
    expect(new Set(names)).toEqual(new Set(['pkt4_receive:classify', 'pkt4_send:write_data']));
  });

  it('same key in two libraries: each reads its own value', () => {
    const run = runExample(example('same-key'));
    expect(run.configured.result).toBe(0);
    expect(run.files['/data/same-key.log']).toBe(
      'library 1 reads owner=first\nlibrary 2 reads owner=second\n',
    );
  });

  it('deny list: DROP means no answer for the denied client', () => {
    const run = runExample(example('deny-list'));
    expect(run.steps.map((s) => s.replies?.length)).toEqual([0, 1]);
    const drop = run.trace.events.find(
      (e): e is CalloutEvent => e.type === 'callout' && e.status.after === NextStep.DROP,
    );
    expect(drop).toMatchObject({ hook: 'pkt4_receive', status: { before: 0, after: 2 } });
  });

  it('fixed address: the callout chooses the address; with skip the client gets nothing', () => {
    const run = runExample(example('fixed-address'));
    expect(run.steps.map((s) => s.replies?.map((r) => r.yiaddr))).toEqual([
      ['192.0.2.77'],
      [expect.stringMatching(/^192\.0\.2\./)],
    ]);
    expect(run.steps[1]!.replies![0]!.yiaddr).not.toBe('192.0.2.77');
    const config = parseConfigText(example('fixed-address').config) as {
      Dhcp4: { 'hooks-libraries': { parameters: { skip: boolean } }[] };
    };
    config.Dhcp4['hooks-libraries'][0]!.parameters.skip = true;
    const skipped = runExample(example('fixed-address'), { config });
    expect(skipped.steps.map((s) => s.replies?.length)).toEqual([0, 1]);
  });

  it('exact type: wrong types are refused with ArgumentTypeMismatch', () => {
    const run = runExample(example('exact-type'));
    expect(run.steps[0]!.replies).toHaveLength(1);
    expect(run.files['/data/exact-type.log']!.split('\n')).toEqual([
      'query4 as isc::dhcp::Pkt4Ptr: accepted',
      expect.stringMatching(/^query4 as Pkt4: ArgumentTypeMismatch: /),
      expect.stringMatching(/^count as long: ArgumentTypeMismatch: /),
      'count as int: accepted',
      '',
    ]);
  });

  it('exact type with rethrow: newest Kea drops the packet, 2.2.0 carries on', () => {
    const config = parseConfigText(example('exact-type').config) as {
      Dhcp4: { 'hooks-libraries': { parameters: { rethrow: boolean } }[] };
    };
    config.Dhcp4['hooks-libraries'][0]!.parameters.rethrow = true;
    const newest = runExample(example('exact-type'), { config });
    expect(newest.steps[0]!.replies).toHaveLength(0);
    const thrown = newest.trace.events.find(
      (e): e is CalloutEvent => e.type === 'callout' && e.thrown !== undefined,
    );
    expect(thrown?.thrown?.name).toBe('ArgumentTypeMismatch');
    const old = runExample(example('exact-type'), { config, keaVersion: '2.2.0' });
    expect(old.configured.result).toBe(0);
    expect(old.steps[0]!.replies).toHaveLength(1);
  });

  it('parameters: load() reads every type; a wrong type fails the configuration', () => {
    const run = runExample(example('parameters'));
    expect(run.configured.result).toBe(0);
    expect(run.files['/data/parameters.txt']).toBe(
      [
        'mail: spam@example.com',
        'floor: 13',
        'debug: false',
        'There are 3 users defined.',
        'User alice',
        'User bob',
        'User charlie',
        'There are 2 languages defined.',
        'One of them is French!',
        "Lt. Worf says yl'el",
        '',
      ].join('\n'),
    );
    const config = parseConfigText(example('parameters').config) as {
      Dhcp4: { 'hooks-libraries': { parameters: Record<string, unknown> }[] };
    };
    config.Dhcp4['hooks-libraries'][0]!.parameters['floor'] = '13';
    const bad = runExample(example('parameters'), { config });
    expect(bad.configured.result).toBe(1);
    expect(bad.logs.map((l) => l.text)).toContain('parameter "floor" must be an integer');
  });

  it('context_create / context_destroy: one story per handle', () => {
    const run = runExample(example('context-lifecycle'));
    expect(run.steps.map((s) => s.replies?.map((r) => r.type))).toEqual([
      ['DHCPOFFER'],
      ['DHCPACK'],
    ]);
    const lines = run.files['/data/context-lifecycle.log']!.trim().split('\n');
    expect(lines.filter((l) => l.includes('pkt4_receive, pkt4_send'))).toHaveLength(2);
    // Every handle created was destroyed by the time the last story was written.
    expect(lines.at(-1)).toMatch(/handles created (\d+), destroyed \1$/);
  });

  it('commands: two libraries answer diagnostics-dump, the second extending the first', () => {
    const run = runExample(example('commands'));
    const [enable, , dump] = run.steps;
    expect(enable!.answer).toEqual({ result: 0, text: 'diagnostics enabled' });
    expect(dump!.answer).toEqual({
      result: 0,
      text: 'diagnostics from 2 libraries',
      arguments: {
        libraries: [
          { library: 'north', index: 1, enabled: true, packets: 1 },
          { library: 'south', index: 2, enabled: true, packets: 1 },
        ],
      },
    });
    expect(run.trace.requests.filter((r) => r.kind === 'command').length).toBeGreaterThanOrEqual(2);
  });

  it('multi-threading: the library that is not thread safe is refused', () => {
    const run = runExample(example('multi-threading'));
    expect(run.configured.result).toBe(1);
    const config = parseConfigText(example('multi-threading').config) as {
      Dhcp4: { 'multi-threading': { 'enable-multi-threading': boolean } };
    };
    config.Dhcp4['multi-threading']['enable-multi-threading'] = false;
    expect(runExample(example('multi-threading'), { config }).configured.result).toBe(0);
  });

  it('multi-threading under Kea 2.2.0: the first configuration loads it, the next refuses it', () => {
    const env = createLibraryEnvironment({ keaVersion: '2.2.0' });
    const server = createServer('dhcp4', {
      keaVersion: '2.2.0',
      resolveLibrary: createBuiltinResolver(env),
    });
    const config = parseConfigText(example('multi-threading').config);
    expect(server.configure(config).result).toBe(0);
    const again = server.configure(config);
    expect(again.result).toBe(1);
    expect(again.text).toContain('libnot-thread-safe.so');
    server.shutdown();
  });

  it("every example's trace is valid by the trace JSON Schema", () => {
    for (const workspace of EXAMPLE_WORKSPACES) {
      const { trace } = runExample(workspace);
      expect(
        validateTrace(trace),
        `${workspace.id}: ${JSON.stringify(validateTrace.errors?.slice(0, 3))}`,
      ).toBe(true);
      expect(trace.events.length).toBeGreaterThan(0);
    }
  });

  it('data scope: runs as a workspace too', () => {
    const run = runExample(example('data-scope'));
    expect(run.configured.result).toBe(0);
    expect(run.steps[0]!.answer?.arguments).toMatchObject({
      options: ['library 1 for client-a', 'library 2 after "hello from add_option"'],
    });
  });
});

describe('createLoadTestWorkspace', () => {
  it('builds the same workspace every time and runs on the real server', async () => {
    const { createLoadTestWorkspace, loadTestHardwareAddress } = await import(
      '../src/examples/createLoadTestWorkspace'
    );
    const small = createLoadTestWorkspace({ packets: 100 });
    expect(createLoadTestWorkspace({ packets: 100 })).toEqual(small);
    expect(loadTestHardwareAddress(0x0102)).toBe('02:00:00:00:01:02');
    const run = runExample(small);
    expect(run.configured.result).toBe(0);
    expect(run.steps.filter((s) => s.replies?.length === 1)).toHaveLength(98);
    const callouts = run.trace.events.filter((e) => e.type === 'callout');
    expect(new Set(callouts.map((e) => e.library))).toEqual(new Set([1, 2, 3, 4]));
  });
});
