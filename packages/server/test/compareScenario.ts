import type { ScenarioResult } from './replayScenario';

/** Every difference between the recorded and the simulated run, as readable lines. */
export function scenarioDifferences(r: ScenarioResult): string[] {
  const problems: string[] = [];
  for (const [library, expected] of r.expectedHandles) {
    const actual = r.actualHandles.get(library) ?? [];
    const show = (h: { rows: { hook: string; args: string }[] } | undefined) =>
      h ? h.rows.map((x) => `${x.hook}(${x.args})`).join(' ') : '(no handle)';
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const e = show(expected[i]);
      const a = show(actual[i]);
      if (e !== a)
        problems.push(`library ${library}, handle #${i + 1}:\n  real: ${e}\n  ours: ${a}`);
    }
  }
  const e = JSON.stringify(r.expectedResponses);
  const a = JSON.stringify(r.actualResponses);
  if (e !== a) problems.push(`responses:\n  real: ${e}\n  ours: ${a}`);
  for (const c of r.commands) {
    if (c.expected !== c.actual)
      problems.push(`command ${c.command}: real result ${c.expected}, ours ${c.actual}`);
  }
  return problems;
}
