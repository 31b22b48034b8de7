// Agreement with real Kea 2.2.0 (`kea-dhcpN -t`, see shared/corpora/README.md): every config
// in ../shared/corpora/kea-configs and the 40 hooks-libraries element probes. `-t` never runs a
// library's load(), so load-phase findings are left out of the comparison (includeLoadPhase).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createConfigValidator } from '../src/createConfigValidator';
import type { ConfigDiagnostic, DiagnosticCode } from '../src/diagnostic';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) dir = dirname(dir);
  return dir;
}
const configsDir = join(repoRoot(), '..', 'shared', 'corpora', 'kea-configs');
const exists = existsSync(join(configsDir, 'kea-2.2-verdicts.json'));
if (!exists) console.warn(`config agreement: ${configsDir} is absent, skipping`);

interface Verdict {
  accepted: boolean;
  error: string | null;
  category: string | null;
  adjusted?: { accepted: boolean; error: string | null };
}
interface Probe {
  name: string;
  config: string;
  accepted: boolean;
  error: string | null;
}

/** Kea rejections that depend on the recording machine, not on the config text. */
const ENVIRONMENT = new Set([
  'hook-library-not-found',
  'interface-missing',
  'interface-address-missing',
  'file-missing',
]);

/**
 * Where we knowingly differ from Kea's raw verdict, one reason each. Everything not listed
 * here must agree.
 */
const EXPLAINED: Record<string, string> = {
  'kea4/all-options.json@2.2':
    'Kea 2.2 has no definition of option 121 (classless-static-route); we do not check option-data against option definitions',
  'kea6/all-options.json@2.2':
    'Kea 2.2 has no definition of option 136 (v6-sztp-redirect); option definitions are not checked',
  'agent/comments.json@3.3.1':
    "the 3.1.7 example's logger lacks 'severity', as its 2.2.0 copy does, which Kea 2.2 rejects for exactly that; Kea 2.2 stopped earlier here at http-headers (which 2.2 mode reproduces)",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `file:12.9-22` or `(file:52:13)` in Kea's message → [line, column]. */
function keaPosition(message: string): [number, number] | undefined {
  const match = /:(\d+)[.:](\d+)/.exec(message);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

describe.skipIf(!exists)('agreement with Kea 2.2.0 -t', () => {
  const validator = createConfigValidator();
  const check = (text: string, keaVersion: string) =>
    validator.validate(text, { keaVersion, includeLoadPhase: false });

  it('agrees on every corpus config (accepted, rejected, and where)', () => {
    const verdicts = JSON.parse(readFileSync(join(configsDir, 'kea-2.2-verdicts.json'), 'utf8'))
      .files as Record<string, Verdict>;
    const files = walk(configsDir)
      .map((f) => relative(configsDir, f))
      .filter((f) => !f.startsWith('kea-2.2-'));
    expect(files.length).toBe(Object.keys(verdicts).length);
    let agree = 0;
    let total = 0;
    const disagreements: string[] = [];
    const compare = (file: string, keaVersion: string, verdict: Verdict | undefined) => {
      const key = `${file}@${keaVersion}`;
      const result = check(readFileSync(join(configsDir, file), 'utf8'), keaVersion);
      total++;
      let expectOk: boolean;
      let position: [number, number] | undefined;
      if (verdict === undefined) {
        expectOk = true; // newest version: the current examples are valid Kea 3.x configs
      } else if (verdict.accepted || ENVIRONMENT.has(verdict.category ?? '')) {
        expectOk = true;
      } else {
        expectOk = false;
        position = verdict.error ? keaPosition(verdict.error) : undefined;
      }
      const first: ConfigDiagnostic | undefined = result.errors[0];
      const samePlace =
        position === undefined ||
        (first !== undefined && first.line === position[0] && first.column === position[1]);
      const agrees = result.ok === expectOk && (expectOk || samePlace);
      if (agrees) agree++;
      else if (!(key in EXPLAINED)) {
        disagreements.push(
          `${key}: Kea ${expectOk ? 'accepts' : `rejects at ${position}`}, we ${result.ok ? 'accept' : `reject at ${first?.line}:${first?.column}: ${first?.message}`}`,
        );
      }
    };
    for (const file of files) {
      const verdict = verdicts[file];
      expect(verdict, `verdict for ${file}`).toBeDefined();
      if (file.startsWith('kea-2.2.0/')) {
        compare(file, '2.2', verdict);
      } else {
        compare(file, '2.2', verdict); // the 3.x examples, as Kea 2.2 saw them
        compare(file, '3.3.1', undefined);
      }
    }
    console.log(
      `config agreement with Kea 2.2.0 -t: ${agree}/${total} agree, ${Object.keys(EXPLAINED).length} explained`,
    );
    expect(disagreements).toEqual([]);
    expect(agree).toBe(total - Object.keys(EXPLAINED).length);
  });

  it('reproduces the 40 hooks-libraries element probes one by one', () => {
    const data = JSON.parse(readFileSync(join(configsDir, 'kea-2.2-hook-libraries.json'), 'utf8'));
    const probes = data.elementProbes.probes as Probe[];
    expect(probes).toHaveLength(40);
    const readInclude = (path: string) =>
      path === 'hl.json'
        ? '[ { "library": "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so" } ]'
        : undefined;
    let agree = 0;
    const rows: string[] = [];
    for (const probe of probes) {
      const result = validator.validate(probe.config, {
        keaVersion: '2.2',
        includeLoadPhase: false,
        readInclude,
      });
      const environment = /HOOKS_OPEN_ERROR|HOOKS_NO_VERSION/.test(probe.error ?? '');
      const expectOk = probe.accepted || environment;
      const expectedCode = probe.accepted || environment ? undefined : reasonOf(probe.error ?? '');
      const ok =
        result.ok === expectOk &&
        (expectedCode === undefined || result.errors[0]?.code === expectedCode);
      if (ok) agree++;
      rows.push(
        `${ok ? 'agree' : 'DIFFER'} ${probe.name}: ${result.ok ? 'accepted' : result.errors[0]?.code}`,
      );
    }
    console.log(
      `hooks-libraries probes: ${agree}/40 agree (4 of Kea's rejections are file-system facts: missing or non-hook .so files)`,
    );
    expect(rows.filter((r) => r.startsWith('DIFFER'))).toEqual([]);
  });
});

describe.skipIf(!exists)('agreement with a real Kea 2.2.0 start (load() runs)', () => {
  it("reproduces the 16 library loads without parameters, with Kea's message", () => {
    const data = JSON.parse(readFileSync(join(configsDir, 'kea-2.2-hook-libraries.json'), 'utf8'));
    const libraries = data.libraries as Record<
      string,
      Record<string, { config: unknown; accepted: boolean; error: string | null }>
    >;
    const validator = createConfigValidator();
    const rows: string[] = [];
    let agree = 0;
    for (const [name, runs] of Object.entries(libraries)) {
      for (const run of ['dhcp4-load', 'dhcp6-load']) {
        const verdict = runs[run];
        if (verdict === undefined) continue;
        const result = validator.validate(JSON.stringify(verdict.config), { keaVersion: '2.2' });
        const keaSays = result.errors[0]?.keaMessage;
        const same =
          result.ok === verdict.accepted &&
          (verdict.accepted || (keaSays !== undefined && (verdict.error ?? '').includes(keaSays)));
        if (same) agree++;
        else
          rows.push(
            `${name} ${run}: Kea ${verdict.error ?? 'loads it'}, we ${keaSays ?? result.errors[0]?.message ?? 'accept'}`,
          );
      }
    }
    console.log(`library loads without parameters: ${agree}/16 agree (message included)`);
    expect(rows).toEqual([]);
    expect(agree).toBe(16);
  });
});

const tracesDir = join(repoRoot(), '..', 'shared', 'corpora', 'kea-real-traces');

describe.skipIf(!existsSync(tracesDir))('configs real Kea 2.2.0 ran', () => {
  it('accepts every scenario config of kea-real-traces, load phase included', () => {
    const validator = createConfigValidator();
    const files = readdirSync(tracesDir).filter((f) => /^v[46]-[^.]+\.json$/.test(f));
    expect(files.length).toBe(60);
    const rejected = files.flatMap((file) => {
      const result = validator.validate(readFileSync(join(tracesDir, file), 'utf8'), {
        keaVersion: '2.2',
      });
      return result.ok
        ? []
        : [`${file}: ${result.errors[0]?.pathText}: ${result.errors[0]?.message}`];
    });
    console.log(
      `kea-real-traces configs: ${files.length - rejected.length}/${files.length} accepted, as Kea 2.2.0 did`,
    );
    expect(rejected).toEqual([]);
  });
});

/** Our diagnostic code for the reason in Kea's message. */
function reasonOf(error: string): DiagnosticCode {
  if (/duplicate/.test(error)) return 'duplicate-keyword';
  if (/must not be blank|expecting constant string/.test(error)) return 'hooks-library';
  if (/missing parameter 'library'|expecting library or parameters/.test(error))
    return 'missing-keyword';
  if (/unexpected keyword|expecting "," or \}/.test(error)) return 'unknown-keyword';
  return 'wrong-type';
}
