import type { HookEvent } from '@hookscope/sandbox';
import { buildTraceIndex, getRequestTimeline, readTrace } from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import { traceFromRunView } from './traceFromRunView';

const hooks: HookEvent[] = [
  { step: undefined, hook: 'dhcp4_srv_configured', noCallouts: true },
  { step: 's1', hook: 'buffer4_receive', noCallouts: true },
  { step: 's1', hook: 'pkt4_receive' },
  {
    step: 's1',
    hook: 'pkt4_receive',
    library: 1,
    callout: 'pkt4_receive',
    statusBefore: 0,
    statusAfter: 0,
    returned: 0,
  },
  {
    step: 's1',
    hook: 'pkt4_receive',
    library: 2,
    callout: 'deny',
    statusBefore: 0,
    statusAfter: 2,
    returned: 0,
  },
  { step: 's2', hook: 'pkt4_receive' },
  {
    step: 's2',
    hook: 'pkt4_receive',
    library: 1,
    callout: 'pkt4_receive',
    statusBefore: 0,
    statusAfter: 0,
    thrown: { name: 'NoSuchArgument', message: 'no argument "x"' },
  },
];

describe('traceFromRunView', () => {
  const trace = traceFromRunView(
    {
      hooks,
      log: [
        {
          step: 's1',
          severity: 'INFO',
          logger: 'kea-dhcp4.deny',
          id: 'DENY_DROP',
          text: 'dropped',
        },
      ],
    },
    {
      family: 'dhcp4',
      keaVersion: '3.3.1',
      libraryPaths: ['/opt/first.so', '/opt/deny.so'],
      stepLabel: (id) => `step ${id}`,
    },
  );

  it('is a valid trace: the reader takes it as it is', () => {
    const read = readTrace(JSON.parse(JSON.stringify(trace)));
    expect(read.ok && read.ignoredEvents).toBe(0);
  });

  it('groups by step, draws hooks without callouts faintly and keeps statuses', () => {
    expect(trace.requests.map((r) => r.summary)).toEqual([
      'configuration and shutdown',
      'step s1',
      'step s2',
    ]);
    expect(trace.libraries).toEqual([
      { index: 1, library: '/opt/first.so' },
      { index: 2, library: '/opt/deny.so' },
    ]);
    const index = buildTraceIndex(trace);
    const timeline = getRequestTimeline(index, 1);
    expect(timeline.columns.map((c) => [c.hook, c.faint, c.status])).toEqual([
      ['buffer4_receive', true, 0],
      ['pkt4_receive', false, 2],
    ]);
    expect(timeline.columns[1]!.argumentLine).toHaveLength(2);
    const thrown = index.trace.events[index.calloutEvent[2]!];
    expect(thrown).toMatchObject({ thrown: { name: 'NoSuchArgument' } });
    expect(index.trace.events.some((e) => e.type === 'log' && e.request === 2)).toBe(true);
  });
});
