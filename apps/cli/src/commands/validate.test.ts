import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'hookscope-validate-'));
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

write(
  'good.json',
  `# a Kea 2.2 config with every comment style
{ "Dhcp4": {
  // hooks
  "hooks-libraries": <?include "hooks.json"?>,
  /* one subnet */
  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.20" } ] }, ],
  "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
} }
`,
);
write(
  'hooks.json',
  '[ { "library": "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so" } ]',
);
write(
  'bad.json',
  `{ "Dhcp4": {
  "hooks-libraries": [ { "library": "   " } ],
  "subnet4": [ { "id": 7, "subnet": "192.0.2.0/24" }, { "id": 7, "subnet": "198.51.100.0/24" } ]
} }
`,
);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir },
    out,
    err,
  };
}

describe('hookscope validate', () => {
  it('exits 0 for a valid config, resolving includes next to the file', async () => {
    const { io, out } = capture();
    expect(await runCli(['validate', 'good.json', '--kea-version', '2.2'], io)).toBe(0);
    expect(out.join('')).toContain('good.json: valid for Kea 2.2.0 (0 errors');
  });

  it('exits 1 and prints each error with line, column, JSON path and Kea wording', async () => {
    const { io, out } = capture();
    expect(await runCli(['validate', 'bad.json'], io)).toBe(1);
    const text = out.join('');
    expect(text).toContain("bad.json:2:37: error: 'library' is blank");
    expect(text).toContain('[Dhcp4/hooks-libraries[0]/library]');
    expect(text).toContain("Kea says: ID of the new IPv4 subnet '7' is already in use");
    expect(text).toContain('invalid for Kea 3.3.1 (2 errors');
  });

  it('prints {ok, errors, warnings} with --json', async () => {
    const { io, out } = capture();
    expect(await runCli(['validate', 'bad.json', '--json'], io)).toBe(1);
    const report = JSON.parse(out.join(''));
    expect(report.ok).toBe(false);
    expect(report.warnings).toEqual([]);
    expect(
      report.errors.map((e: { line: number; column: number; path: string }) => [
        e.line,
        e.column,
        e.path,
      ]),
    ).toEqual([
      [2, 37, 'Dhcp4/hooks-libraries[0]/library'],
      [3, 63, 'Dhcp4/subnet4[1]/id'],
    ]);
  });

  it('judges by the chosen Kea version', async () => {
    write(
      'v3.json',
      '{ "Dhcp4": { "loggers": [ { "name": "kea-dhcp4", "output-options": [ { "output": "stdout" } ] } ] } }',
    );
    expect(await runCli(['validate', 'v3.json'], capture().io)).toBe(0);
    const { io, out } = capture();
    expect(await runCli(['validate', 'v3.json', '--kea-version=2.2.0'], io)).toBe(1);
    expect(out.join('')).toContain("Kea 2.2 uses 'output_options'");
  });

  it('rejects an unknown Kea version or a missing file argument with exit 2', async () => {
    const bad = capture();
    expect(await runCli(['validate', 'good.json', '--kea-version', '1.6'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain("unsupported Kea version '1.6'");
    expect(await runCli(['validate'], capture().io)).toBe(2);
  });

  it('exits 1 when the file cannot be read', async () => {
    const { io, err } = capture();
    expect(await runCli(['validate', 'missing.json'], io)).toBe(1);
    expect(err.join('')).toContain('cannot read missing.json');
  });
});
