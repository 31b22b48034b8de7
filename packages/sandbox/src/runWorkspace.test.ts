import { describe, expect, it } from 'vitest';
import { compileLibrary } from './compileLibrary';
import { createSandboxSrcdoc, SANDBOX_CSP } from './frameHost';
import { parseConfigText } from './parseConfigText';
import type { RunRequest } from './protocol';
import { hexToBytes, runWorkspace, SIMULATION_START_MS } from './runWorkspace';
import type { RuntimeServerOptions, SandboxRuntime } from './sandboxRuntime';

const engine = { NextStep: { CONTINUE: 0, SKIP: 1, DROP: 2, PARK: 3 } };

/**
 * A fake server with one hook, pkt4_receive: configure() loads each hooks-libraries entry
 * through the resolver, receive() calls every library's pkt4_receive with a handle whose
 * status the callout may set, and answers with the packet reversed unless the status is DROP.
 */
function fakeRuntime(): SandboxRuntime {
  return {
    modules: { '@hookscope/engine': engine },
    resolveBuiltin: (path) =>
      path === '/builtin/echo.so' ? { version: () => 1, pkt4_receive: () => 0 } : undefined,
    createServer(_family, options: RuntimeServerOptions) {
      let libs: Array<Record<string, unknown>> = [];
      return {
        hookName: (i) => ['context_create', 'context_destroy', 'pkt4_receive'][i] ?? '?',
        configure(config) {
          const entries = (config as { Dhcp4: { 'hooks-libraries': { library: string }[] } }).Dhcp4[
            'hooks-libraries'
          ];
          libs = [];
          for (const e of entries) {
            const m = options.resolveLibrary(e.library) as Record<string, unknown> | undefined;
            if (!m) return { result: 1, text: `library ${e.library} not found` };
            libs.push(m);
          }
          options.logger.log({
            severity: 'INFO',
            logger: 'hooks',
            id: 'HOOKS_LIBRARY_LOADED',
            text: 'ok',
          });
          return { result: 0 };
        },
        receive(packet) {
          let status = 0;
          const handle = { getStatus: () => status, setStatus: (s: number) => (status = s) };
          options.observer.hookStart?.(2, handle);
          libs.forEach((m, i) => {
            const callout = m.pkt4_receive as (h: unknown) => number;
            options.observer.calloutStart?.(2, i + 1, callout, handle);
            let returned: number | undefined;
            let thrown: unknown;
            try {
              returned = callout(handle);
            } catch (e) {
              thrown = e;
            }
            options.observer.calloutEnd?.(2, i + 1, callout, handle, { returned, thrown });
          });
          options.observer.hookEnd?.(2, handle);
          return status === 2 ? [] : [packet.slice().reverse()];
        },
        command: (cmd) => ({
          result: 0,
          text: `did ${cmd.command}`,
          arguments: { now: options.now() },
        }),
        shutdown() {},
        files: () => [{ path: '/etc/kea/written.json', content: '{}' }],
      };
    },
    files: () => [{ path: '/data/x.log', content: 'hello\n' }],
  };
}

const dropper = `import { NextStep } from '@hookscope/engine';
export function version(): number { return 1; }
export function pkt4_receive(handle: { setStatus(s: number): void }): number {
  handle.setStatus(NextStep.DROP);
  return 0;
}`;

function request(partial: Partial<RunRequest>): RunRequest {
  return {
    family: 'dhcp4',
    keaVersion: '3.3.1',
    config: `{ "Dhcp4": { # comment
      "hooks-libraries": [ { "library": "/user/drop.so" }, ] } }`,
    libraries: [{ path: '/user/drop.so', language: 'ts', source: dropper }],
    steps: [],
    budgetMs: 2000,
    ...partial,
  };
}

describe('runWorkspace', () => {
  it('compiles a TS library, loads it through the resolver and records its callout', () => {
    const batches: unknown[] = [];
    const summary = runWorkspace(
      request({
        steps: [
          { kind: 'packet', id: 'p1', hex: '01 02 03' },
          { kind: 'advance', id: 'a1', seconds: 60 },
          { kind: 'command', id: 'c1', text: '{ "command": "status-get" }' },
        ],
      }),
      fakeRuntime(),
      { onBatch: (b) => batches.push(b) },
    );
    expect(summary.failure).toBeUndefined();
    expect(summary.configure).toEqual({ result: 0 });
    expect(summary.files).toEqual([
      { path: '/data/x.log', content: 'hello\n' },
      { path: '/etc/kea/written.json', content: '{}' },
    ]);
    const all = batches as Array<{ hooks: unknown[]; steps: unknown[]; log: unknown[] }>;
    const hooks = all.flatMap((b) => b.hooks);
    expect(hooks).toContainEqual(
      expect.objectContaining({
        step: 'p1',
        hook: 'pkt4_receive',
        library: 1,
        callout: 'pkt4_receive',
        statusBefore: 0,
        statusAfter: 2,
        returned: 0,
      }),
    );
    const steps = all.flatMap((b) => b.steps);
    expect(steps[0]).toEqual({ step: 'p1', kind: 'packet', responses: [] });
    expect(steps[2]).toEqual({
      step: 'c1',
      kind: 'command',
      answer: {
        result: 0,
        text: 'did status-get',
        arguments: { now: SIMULATION_START_MS + 60_000 },
      },
    });
    expect(all.flatMap((b) => b.log).map((l) => (l as { id: string }).id)).toEqual([
      'HOOKS_LIBRARY_LOADED',
    ]);
  });

  it('reports a compile error with the library and line', () => {
    const summary = runWorkspace(
      request({
        libraries: [{ path: '/user/drop.so', language: 'ts', source: 'export const = 1;' }],
      }),
      fakeRuntime(),
    );
    expect(summary.failure?.kind).toBe('compile');
    expect(summary.failure?.message).toMatch(/^\/user\/drop\.so \(line 1\)/);
  });

  it('refuses imports other than the provided modules', () => {
    const summary = runWorkspace(
      request({
        libraries: [{ path: '/user/drop.so', language: 'js', source: "import fs from 'node:fs';" }],
      }),
      fakeRuntime(),
    );
    expect(summary.failure?.message).toContain('cannot import "node:fs"');
  });

  it('gives a clear error for a bad hex packet and goes on with the next step', () => {
    const steps: unknown[] = [];
    const summary = runWorkspace(
      request({
        config: '{"Dhcp4": {"hooks-libraries": [{"library": "/builtin/echo.so"}]}}',
        steps: [
          { kind: 'packet', id: 'bad', hex: '0102 3' },
          { kind: 'packet', id: 'good', hex: '0a0b' },
        ],
      }),
      fakeRuntime(),
      { onBatch: (b) => steps.push(...b.steps) },
    );
    expect(summary.failure).toBeUndefined();
    expect(steps).toEqual([
      {
        step: 'bad',
        kind: 'packet',
        responses: [],
        error: 'Error: hex text has an odd number of digits',
      },
      { step: 'good', kind: 'packet', responses: ['0b0a'] },
    ]);
  });

  it('stops a run whose libraries log without end (memory guard)', () => {
    const chatty = `export function version() { return 1; }
      export function pkt4_receive() { return 0; }`;
    const runtime = fakeRuntime();
    const summary = runWorkspace(
      request({
        libraries: [{ path: '/user/drop.so', language: 'js', source: chatty }],
        steps: Array.from({ length: 20 }, (_, i) => ({
          kind: 'packet' as const,
          id: `p${i}`,
          hex: '00',
        })),
      }),
      runtime,
      { limits: { maxLogRecords: 100, maxHookEvents: 10, maxFileBytes: 10 } },
    );
    expect(summary.failure?.kind).toBe('memory');
    expect(summary.failure?.message).toContain('more than 10 callouts');
  });

  it('stops a run whose libraries write too much to files', () => {
    const runtime = { ...fakeRuntime(), bytesWritten: () => 11 };
    const summary = runWorkspace(
      request({ steps: [{ kind: 'packet', id: 'p', hex: '00' }] }),
      runtime,
      { limits: { maxLogRecords: 100, maxHookEvents: 100, maxFileBytes: 10 } },
    );
    expect(summary.failure).toEqual(
      expect.objectContaining({
        kind: 'memory',
        message: expect.stringContaining('bytes written'),
      }),
    );
  });
});

describe('compileLibrary', () => {
  it('exports the functions of an ES module', () => {
    const m = compileLibrary(
      { path: '/a.so', language: 'ts', source: 'export const version = (): number => 30301;' },
      {},
    );
    expect((m.version as () => number)()).toBe(30301);
  });
});

describe('parseConfigText and hexToBytes', () => {
  it('keeps # and // inside strings', () => {
    expect(parseConfigText('{"a": "x#y//z", /* c */ "b": [1,] // t\n}')).toEqual({
      a: 'x#y//z',
      b: [1],
    });
  });
  it('reads hex with spaces and 0x', () => {
    expect(Array.from(hexToBytes('0x01 ff\n10'))).toEqual([1, 255, 16]);
  });
});

describe('the sandbox iframe', () => {
  it('forbids network and lets the worker start only from a blob', () => {
    expect(SANDBOX_CSP).toContain("connect-src 'none'");
    expect(SANDBOX_CSP).toContain('worker-src blob:');
    expect(createSandboxSrcdoc()).toContain('Content-Security-Policy');
  });
});
