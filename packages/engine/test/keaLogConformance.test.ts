import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HooksLogRecord } from '../src/hooksLog';
import { HooksManager } from '../src/hooksManager';
import type { LibraryModule } from '../src/libraryModule';
import { ServerHooks } from '../src/serverHooks';

// Compares the engine's HOOKS_* log sequence with the log of a real Kea 2.2.0 (the recorded
// traces in shared/corpora): validate, load, validate again, unload and load again, as
// kea-dhcp4 does on a configuration reload. Per-call records (HOOKS_CALLOUTS_BEGIN and so on)
// come from the server's hook points, not from loading, and are left out.

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

const corpora = join(
  findRepoRoot(dirname(fileURLToPath(import.meta.url))),
  '..',
  'shared',
  'corpora',
);
const logPath = join(corpora, 'kea-real-traces', 'v4-config-reload.kea.log');
const exists = existsSync(logPath);
if (!exists) console.warn(`engine: ${logPath} is absent; the Kea log conformance test is skipped`);

const PER_CALL = new Set([
  'HOOKS_CALLOUTS_BEGIN',
  'HOOKS_CALLOUT_CALLED',
  'HOOKS_CALLOUTS_COMPLETE',
]);
const WITH_HOOK = new Set(['HOOKS_STD_CALLOUT_REGISTERED', 'HOOKS_CALLOUTS_REMOVED']);

/** One token per record: the id, plus the hook name where the record names one. */
function token(id: string, hook: string | undefined): string {
  return WITH_HOOK.has(id) && hook !== undefined ? `${id} ${hook}` : id;
}

describe.skipIf(!exists)('Kea 2.2.0 log conformance (kea-real-traces)', () => {
  it('R18 R25 R26 R37: library load, validation and reload log like Kea 2.2.0', () => {
    const lines = readFileSync(logPath, 'utf8').split('\n');
    const kea: string[] = [];
    const stdHooks: string[] = [];
    let loaded = 0;
    for (const line of lines) {
      const match = /\] (HOOKS_[A-Z_]+) (.*)$/.exec(line);
      if (!match || PER_CALL.has(match[1] as string)) continue;
      const id = match[1] as string;
      const text = match[2] as string;
      const hook =
        /standard callout for hook (\S+)/.exec(text)?.[1] ??
        /removed from hook (\S+)/.exec(text)?.[1];
      if (id === 'HOOKS_STD_CALLOUT_REGISTERED' && loaded === 0) stdHooks.push(hook as string);
      kea.push(token(id, hook));
      if (id === 'HOOKS_LIBRARY_LOADED' && ++loaded === 2) break;
    }
    expect(stdHooks.length).toBeGreaterThan(10);

    // The recorder: a callout named after each hook it registered, and a command in load().
    const recorder: LibraryModule = {
      version: () => 20200,
      load: (handle) => {
        handle.registerCommandCallout('recorder-echo', () => 0);
        return 0;
      },
      unload: () => 0,
    };
    for (const hook of stdHooks) recorder[hook] = () => 0;
    const serverHooks = new ServerHooks();
    for (const hook of stdHooks) serverHooks.registerHook(hook);
    const records: HooksLogRecord[] = [];
    const manager = new HooksManager({
      serverHooks,
      keaVersion: '2.2.0',
      resolveLibrary: () => recorder,
      logger: { log: (r) => records.push(r) },
    });
    const libraries = [{ library: '/tmp/kea-oracle/lib/kea-hook-recorder.so' }];
    expect(manager.validateLibraries(libraries)).toEqual([]);
    expect(manager.loadLibraries(libraries)).toBe(true);
    expect(manager.validateLibraries(libraries)).toEqual([]);
    manager.prepareUnloadLibraries();
    expect(manager.unloadLibraries()).toBe(true);
    expect(manager.loadLibraries(libraries)).toBe(true);

    const ours = records.map((r) => {
      const hook = r.id === 'HOOKS_STD_CALLOUT_REGISTERED' || r.id === 'HOOKS_CALLOUTS_REMOVED';
      return token(
        r.id,
        hook ? (r.id === 'HOOKS_CALLOUTS_REMOVED' ? r.args[0] : r.args[1]) : undefined,
      );
    });
    expect(ours).toEqual(kea);
  });
});
