import type { HooksLogRecord } from '@hookscope/engine';
import {
  buildTraceIndex,
  type CalloutEvent,
  createTraceRecorder,
  getRequestTimeline,
} from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import { createBuiltinResolver } from '../src/builtinLibraries';
import { createDataScopeServer } from '../src/dataScope/createDataScopeServer';
import { dataScopeLibrary1, dataScopeLibrary2 } from '../src/dataScope/dataScopeLibraries';
import { getExampleWorkspace } from '../src/examples/exampleWorkspaces';
import { parseConfigText } from '../src/examples/parseConfigText';
import { createLibraryEnvironment } from '../src/libraryEnvironment';

function run(libraries: { library: string }[]) {
  const records: HooksLogRecord[] = [];
  const recorder = createTraceRecorder({ server: 'dhcp4' });
  const server = createDataScopeServer({
    resolveLibrary: createBuiltinResolver(createLibraryEnvironment()),
    observer: recorder,
    logger: {
      log: (record) => {
        records.push(record);
        recorder.log(record);
      },
      isEnabled: (logger) => logger === 'data-scope',
    },
    requests: recorder,
  });
  recorder.bindServerHooks(server.serverHooks);
  recorder.setLibraries(libraries);
  expect(server.configure(libraries)).toBe(true);
  const outcome = server.process('client-a');
  server.shutdown();
  return { outcome, records, trace: recorder.getTrace() };
}

describe("the data-scope example (the guide's two pictures)", () => {
  const example = getExampleWorkspace('data-scope')!;
  const config = parseConfigText(example.config) as { 'hooks-libraries': { library: string }[] };

  it('keeps context per library: check reads 2, validate reads "bar"', () => {
    const { outcome, records } = run(config['hooks-libraries']);
    expect(records.map((r) => r.text)).toEqual([
      'authorize stored context "foo" = 2',
      'logpkt stored context "foo" = "bar"',
      'check reads context "foo" = 2',
      'validate reads context "foo" = "bar"',
      'putopt reads argument "$note" = "hello from add_option"',
    ]);
    expect(outcome.options).toEqual([
      'library 1 for client-a',
      'library 2 after "hello from add_option"',
    ]);
    expect(outcome.statuses).toEqual({ alpha: 0, beta: 0, gamma: 0 });
  });

  it('draws as the figures: arguments along each hook, context down each library', () => {
    const { trace } = run(config['hooks-libraries']);
    const index = buildTraceIndex(trace);
    const timeline = getRequestTimeline(index, 0);
    expect(timeline.columns.map((c) => c.hook)).toEqual(['alpha', 'beta', 'gamma']);
    expect(timeline.rows.map((r) => r.label)).toEqual([
      dataScopeLibrary1.path,
      dataScopeLibrary2.path,
    ]);
    const callout = (c: number) => trace.events[index.calloutEvent[c]!] as CalloutEvent;
    // Red lines: each hook passes its argument list from library 1's callout to library 2's.
    expect(timeline.columns.map((c) => c.argumentLine.map((p) => callout(p).callout))).toEqual([
      ['authorize', 'logpkt'],
      ['check', 'validate'],
      ['add_option', 'putopt'],
    ]);
    // Blue lines: each library's context runs down through the three hooks.
    expect(timeline.rows.map((r) => r.contextLine.map((p) => callout(p).callout))).toEqual([
      ['authorize', 'check', 'add_option'],
      ['logpkt', 'validate', 'putopt'],
    ]);
    const check = callout(timeline.columns[1]!.argumentLine[0]!);
    const validate = callout(timeline.columns[1]!.argumentLine[1]!);
    expect(check.context.before['foo']).toEqual({ tag: 'number', value: 2 });
    expect(validate.context.before['foo']).toEqual({ tag: 'string', value: 'bar' });
    // putopt sees add_option's note in its arguments; the next hook's list starts afresh.
    const putopt = callout(timeline.columns[2]!.argumentLine[1]!);
    expect(putopt.arguments.before['$note']).toEqual({
      tag: 'string',
      value: 'hello from add_option',
    });
    expect(check.arguments.before).toEqual({ client: { tag: 'string', value: 'client-a' } });
  });

  it('swapping the library order swaps who runs first on every hook', () => {
    const { outcome, trace } = run([...config['hooks-libraries']].reverse());
    // putopt now runs before add_option left its note: the argument is missing, getArgument
    // throws, and (Kea 2.3.8 and later) the engine turns the exception into DROP.
    expect(outcome.options).toEqual(['library 1 for client-a']);
    expect(outcome.statuses.gamma).toBe(2);
    const putopt = trace.events.find(
      (e): e is CalloutEvent => e.type === 'callout' && e.callout === 'putopt',
    )!;
    expect(putopt.thrown).toMatchObject({ name: 'NoSuchArgument' });
  });
});

describe('comparing two library orders', () => {
  it('marks the first difference: gamma, where putopt now runs before add_option', async () => {
    const { compareTraces, getCalloutEvent } = await import('@hookscope/trace');
    const config = parseConfigText(getExampleWorkspace('data-scope')!.config) as {
      'hooks-libraries': { library: string }[];
    };
    const a = buildTraceIndex(run(config['hooks-libraries']).trace);
    const b = buildTraceIndex(run([...config['hooks-libraries']].reverse()).trace);
    const difference = compareTraces(a, b)!;
    // putopt throws (no "$note" yet) and the engine turns that into DROP: the status differs.
    expect(difference).toMatchObject({ kind: 'status', request: 0, column: 2 });
    expect(getCalloutEvent(a, difference.calloutA!).callout).toBe('add_option');
    expect(getCalloutEvent(b, difference.calloutB!).callout).toBe('putopt');
  });
});
