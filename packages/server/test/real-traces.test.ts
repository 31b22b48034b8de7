// Conformance against real Kea 2.2.0: every scenario of shared/corpora/kea-real-traces is
// replayed with the recording library, and compared request by request (per callout handle:
// hooks, argument names, C++ type tags; per query: response message types and addresses;
// control-command result codes). The fixture scenarios run without the corpus.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioDifferences } from './compareScenario';
import { FIXTURE_CONFIGS } from './fixtureConfigs';
import { replayScenario } from './replayScenario';

const here = dirname(fileURLToPath(import.meta.url));
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}
const corpus = resolve(repoRoot(here), '../shared/corpora/kea-real-traces');
const hasCorpus = existsSync(corpus);
if (!hasCorpus)
  console.warn(
    `kea-real-traces corpus not found at ${corpus}: the corpus conformance test is skipped`,
  );

/** Scenarios that cannot be simulated, one reason each. Empty: all 60 replay. */
const EXCLUDED: Record<string, string> = {};

describe.skipIf(!hasCorpus)('real Kea 2.2.0 traces (shared corpus)', () => {
  const names = hasCorpus
    ? readdirSync(corpus)
        .filter((f) => /^v[46]-[a-z0-9-]+\.json$/.test(f))
        .map((f) => f.slice(0, -'.json'.length))
        .sort()
    : [];

  it('has the 60 recorded scenarios', () => {
    expect(names).toHaveLength(60);
  });

  it('every scenario matches: hooks, argument names and tags per handle, responses, command results', () => {
    const failing: Record<string, string[]> = {};
    let matched = 0;
    for (const name of names) {
      if (EXCLUDED[name]) continue;
      const differences = scenarioDifferences(replayScenario(corpus, name));
      if (differences.length === 0) matched++;
      else failing[name] = differences;
    }
    console.log(
      `real-traces: ${matched} of ${names.length} scenarios match real Kea 2.2.0 (${Object.keys(EXCLUDED).length} excluded)`,
    );
    expect(failing).toEqual({});
    expect(matched).toBe(names.length - Object.keys(EXCLUDED).length);
  });
});

describe('recorded scenarios kept as fixtures', () => {
  const fixtures = join(here, 'fixtures');
  for (const [name, config] of Object.entries(FIXTURE_CONFIGS)) {
    it(`${name} replays as real Kea did`, () => {
      const result = replayScenario(fixtures, name, config);
      expect(result.expectedHandles.get(1)?.length ?? 0).toBeGreaterThan(1);
      expect(scenarioDifferences(result)).toEqual([]);
    });
  }

  it('a changed hook order would be caught', () => {
    const result = replayScenario(
      fixtures,
      'v4-dora-renew-rebind-release',
      FIXTURE_CONFIGS['v4-dora-renew-rebind-release'],
    );
    const handles = result.actualHandles.get(1) ?? [];
    const discover = handles[1];
    expect(discover?.rows.map((r) => r.hook)).toEqual([
      'context_create',
      'buffer4_receive',
      'pkt4_receive',
      'subnet4_select',
      'ddns4_update',
      'lease4_select',
      'pkt4_send',
      'buffer4_send',
      'context_destroy',
    ]);
    discover?.rows.reverse();
    expect(scenarioDifferences(result).length).toBeGreaterThan(0);
  });
});
