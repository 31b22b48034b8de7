import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getExampleWorkspace } from '@hookscope/libraries';
import { type CalloutEvent, readTrace } from '@hookscope/trace';
import { describe, expect, it } from 'vitest';
import type { RunStep } from '../state/workspace';
import { isBuiltinOnly, recordBuiltinRun, recordDataScopeTrace } from './recordTrace';

const callouts = (events: readonly { type: string }[]) =>
  events.filter((e): e is CalloutEvent => e.type === 'callout');

describe('recordTrace', () => {
  it('records the data-scope example in both library orders, as valid traces', () => {
    for (const order of ['configured', 'reversed'] as const) {
      const trace = recordDataScopeTrace(order);
      expect(readTrace(JSON.parse(JSON.stringify(trace))).ok).toBe(true);
      expect(callouts(trace.events).map((c) => c.callout)).toEqual(
        order === 'configured'
          ? ['authorize', 'logpkt', 'check', 'validate', 'add_option', 'putopt']
          : ['logpkt', 'authorize', 'validate', 'check', 'putopt', 'add_option'],
      );
    }
  });

  it('records a built-in workspace with its DROP, and knows which workspaces it may run', () => {
    const example = getExampleWorkspace('deny-list')!;
    const steps: RunStep[] = example.steps.flatMap((s, i) =>
      s.kind === 'packet'
        ? [{ kind: 'packet' as const, id: `s${i}`, hex: s.hex, label: s.label }]
        : [],
    );
    const trace = recordBuiltinRun({
      family: 'dhcp4',
      keaVersion: '3.3.1',
      config: example.config,
      steps,
    });
    const drop = callouts(trace.events).find((c) => c.status.after === 2);
    expect(drop?.hook).toBe('pkt4_receive');
    expect(trace.requests.some((r) => r.summary.includes('(denied)'))).toBe(true);
    expect(isBuiltinOnly({ libraries: [] })).toBe(true);
    expect(isBuiltinOnly({ libraries: [{ path: '/a.so', language: 'js', source: '' }] })).toBe(
      false,
    );
  });

  it('records the SKIP of the e2e fixture in lease4_select', () => {
    const file = resolve(
      import.meta.dirname,
      '../../../../e2e/fixtures/debugger/skip-workspace.json',
    );
    const workspace = JSON.parse(readFileSync(file, 'utf8'));
    const trace = recordBuiltinRun(workspace);
    const skip = callouts(trace.events).find((c) => c.status.after === 1);
    expect(skip?.hook).toBe('lease4_select');
  });
});
