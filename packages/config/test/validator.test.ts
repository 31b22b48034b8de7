import { describe, expect, it } from 'vitest';
import { applyTextEdits } from '../src/configEdits';
import { createConfigValidator } from '../src/createConfigValidator';
import { KEA_LIBRARIES } from '../src/keaLibraries';
import { createLibraryRegistry } from '../src/libraryRegistry';

const HOOKS = '/usr/lib/x86_64-linux-gnu/kea/hooks';
const dhcp4 = (body: string) => `{ "Dhcp4": { ${body} } }`;

describe('createConfigValidator', () => {
  const validator = createConfigValidator();
  const errors = (text: string, keaVersion = '3.3.1') =>
    validator.validate(text, { keaVersion }).errors.map((e) => [e.code, e.pathText, e.message]);

  it('rejects unknown keywords with Kea wording, a suggestion and the version hint', () => {
    const result = validator.validate(dhcp4('"valid-lifetme": 1, "allocator": "random"'), {
      keaVersion: '2.2',
    });
    expect(result.errors.map((e) => [e.message, e.keaMessage, e.line, e.column])).toEqual([
      [
        "unknown keyword 'valid-lifetme' in Dhcp4 map (did you mean 'valid-lifetime'?)",
        'got unexpected keyword "valid-lifetme" in Dhcp4 map.',
        1,
        14,
      ],
      [
        "unknown keyword 'allocator' in Dhcp4 map: it is a Kea 3.x keyword that Kea 2.2 does not know",
        'got unexpected keyword "allocator" in Dhcp4 map.',
        1,
        34,
      ],
    ]);
    expect(validator.validate(dhcp4('"allocator": "random"')).ok).toBe(true);
  });

  it('offers a rename as a quick fix for a typo or a keyword the other version spells differently', () => {
    const typo = dhcp4('"valid-lifetme": 1');
    const fix = validator.validate(typo).errors[0]?.fixes[0];
    expect(fix?.title).toBe("Rename to 'valid-lifetime'");
    expect(applyTextEdits(typo, fix?.edits ?? [])).toBe(dhcp4('"valid-lifetime": 1'));
    const v3 = '{ "Dhcp4": { "loggers": [ { "name": "kea-dhcp4", "output-options": [] } ] } }';
    const renamed = validator.validate(v3, { keaVersion: '2.2' }).errors[0]?.fixes[0];
    expect(applyTextEdits(v3, renamed?.edits ?? [])).toContain('"output_options": []');
    expect(validator.validate(dhcp4('"zzz": 1')).errors[0]?.fixes).toEqual([]);
  });

  it('checks value types with the token Kea expects', () => {
    const result = validator.validate(dhcp4('"valid-lifetime": "4000"'));
    expect(result.errors[0]).toMatchObject({
      code: 'wrong-type',
      message: "'valid-lifetime' must be an integer, not a string",
      keaMessage: 'syntax error, unexpected constant string, expecting integer',
      pathText: 'Dhcp4/valid-lifetime',
    });
  });

  it('treats hooks-libraries entries as Kea 2.2 does', () => {
    expect(errors(dhcp4('"hooks-libraries": [ {} ]'))).toEqual([
      [
        'missing-keyword',
        'Dhcp4/hooks-libraries[0]',
        "this hooks-libraries entry has no 'library': name the library file to load",
      ],
    ]);
    expect(errors(dhcp4('"hooks-libraries": [ { "library": 5 } ]'))[0]?.[0]).toBe('hooks-library');
    expect(errors(dhcp4('"hooks-libraries": [ { "library": " " } ]'))[0]?.[2]).toContain('blank');
    expect(
      errors(dhcp4(`"hooks-libraries": [ { "library": "${HOOKS}/x.so", "parameters": [] } ]`)),
    ).toEqual([
      [
        'wrong-type',
        'Dhcp4/hooks-libraries[0]/parameters',
        "'parameters' must be a map ({ … }), not a list",
      ],
    ]);
    expect(
      errors(
        dhcp4(`"hooks-libraries": [ { "library": "${HOOKS}/x.so", "user-context": {} } ]`),
      )[0]?.[0],
    ).toBe('unknown-keyword');
    expect(errors(dhcp4('"hooks-libraries": "x.so"'))[0]?.[0]).toBe('wrong-type');
  });

  it('warns about a library listed twice and reports every entry', () => {
    const lib = `{ "library": "${HOOKS}/libdhcp_lease_cmds.so" }`;
    const result = validator.validate(
      dhcp4(`"hooks-libraries": [ ${lib}, { "library": "${HOOKS}/mine.so" }, ${lib} ]`),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.pathText])).toEqual([
      ['duplicate-library', 'Dhcp4/hooks-libraries[2]/library'],
    ]);
    expect(
      result.libraries.map((l) => [l.index, l.definition?.fileName, l.parametersChecked]),
    ).toEqual([
      [0, 'libdhcp_lease_cmds.so', true],
      [1, undefined, false],
      [2, 'libdhcp_lease_cmds.so', true],
    ]);
  });

  it("checks a known library's parameters as load-phase findings, citing Kea", () => {
    const text = dhcp4(
      `"hooks-libraries": [ { "library": "${HOOKS}/libdhcp_run_script.so", "parameters": { "sync": "no", "nmae": 1 } } ]`,
    );
    const result = validator.validate(text);
    expect(result.errors.map((e) => [e.phase, e.message, e.keaMessage])).toEqual([
      [
        'load',
        "libdhcp_run_script.so needs the 'name' parameter; Kea fails to load the library without it",
        "The 'name' parameter is mandatory",
      ],
      [
        'load',
        "'sync' must be true or false, not a string",
        'syntax error, unexpected constant string, expecting boolean',
      ],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "unknown parameter 'nmae' in parameters map (did you mean 'name'?): libdhcp_run_script.so does not document it",
    ]);
    expect(validator.validate(text, { includeLoadPhase: false }).ok).toBe(true);
  });

  it('takes library schemas registered by other packages, and checks multi-threading', () => {
    const registry = createLibraryRegistry(KEA_LIBRARIES);
    registry.register({
      fileName: 'libsingle.so',
      title: 'Single-threaded example',
      description: 'A library without multi_threading_compatible().',
      multiThreadingCompatible: false,
      daemons: ['dhcp4'],
      parametersSchema: {
        type: 'object',
        properties: { level: { type: 'integer' } },
        additionalProperties: false,
      },
    });
    const own = createConfigValidator(registry);
    const text = (mt: string) =>
      dhcp4(
        `${mt}"hooks-libraries": [ { "library": "${HOOKS}/libsingle.so", "parameters": { "level": 2 } } ]`,
      );
    expect(own.validate(text('')).errors.map((e) => e.keaMessage)).toEqual([
      `HOOKS_LIBRARY_MULTI_THREADING_NOT_COMPATIBLE hooks library ${HOOKS}/libsingle.so is not compatible with multi-threading`,
    ]);
    expect(own.validate(text('"multi-threading": { "enable-multi-threading": false }, ')).ok).toBe(
      true,
    );
    // Kea 2.2: off by default; on, first start still passes, so only a warning.
    expect(own.validate(text(''), { keaVersion: '2.2' }).warnings).toEqual([]);
    const on22 = own.validate(text('"multi-threading": { "enable-multi-threading": true }, '), {
      keaVersion: '2.2',
    });
    expect([on22.ok, on22.warnings[0]?.code]).toEqual([true, 'multi-threading']);
    expect(
      own
        .validate(
          dhcp4(
            `"hooks-libraries": [ { "library": "${HOOKS}/libsingle.so", "parameters": { "level": "x" } } ]`,
          ),
        )
        .errors.find((e) => e.code === 'library-parameters')?.pathText,
    ).toBe('Dhcp4/hooks-libraries[0]/parameters/level');
  });

  it('warns about library paths each version would not open', () => {
    const bare = dhcp4('"hooks-libraries": [ { "library": "libdhcp_lease_cmds.so" } ]');
    expect(validator.validate(bare, { keaVersion: '2.2' }).warnings[0]?.code).toBe('library-path');
    expect(validator.validate(bare).warnings).toEqual([]);
    const outside = dhcp4('"hooks-libraries": [ { "library": "/opt/lib/x.so" } ]');
    expect(validator.validate(outside).warnings[0]?.message).toContain('hooks directory');
  });

  it('finds duplicate subnet ids, duplicate prefixes and pools outside their subnet', () => {
    const text = dhcp4(`"subnet4": [
      { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.1 - 192.0.2.9" }, { "pool": "192.0.3.0/28" } ] } ],
      "shared-networks": [ { "name": "n", "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" } ] } ]`);
    expect(validator.validate(text).errors.map((e) => [e.code, e.pathText, e.keaMessage])).toEqual([
      [
        'pool-outside-subnet',
        'Dhcp4/subnet4[0]/pools[1]/pool',
        'subnet configuration failed: a pool of type V4, with the following address range: 192.0.3.0/28 does not match the prefix of a subnet: 192.0.2.0/24 to which it is being added',
      ],
      [
        'duplicate-subnet-id',
        'Dhcp4/shared-networks[0]/subnet4[0]/id',
        "ID of the new IPv4 subnet '1' is already in use",
      ],
      [
        'duplicate-subnet',
        'Dhcp4/shared-networks[0]/subnet4[0]/subnet',
        "subnet with the prefix of '192.0.2.0/24' already exists",
      ],
    ]);
    const v6 =
      '{ "Dhcp6": { "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "pools": [ { "pool": "2001:db8:1::10 - 2001:db8:1::ff" }, { "pool": "2001:db8:2::/80" } ] } ] } }';
    expect(validator.validate(v6).errors.map((e) => e.pathText)).toEqual([
      'Dhcp6/subnet6[0]/pools[1]/pool',
    ]);
  });

  it('rejects duplicate keywords where Kea does, not inside parameters or user-context', () => {
    const result = validator.validate(
      dhcp4('"valid-lifetime": 1, "user-context": { "a": 1, "a": 2 }, "valid-lifetime": 2'),
    );
    expect(result.errors.map((e) => [e.code, e.keaMessage, e.column])).toEqual([
      [
        'duplicate-keyword',
        'duplicate valid-lifetime entries in Dhcp4 map (previous at <config>:1:14)',
        71,
      ],
    ]);
  });

  it('requires severity in Control Agent loggers only', () => {
    const agent = '{ "Control-agent": { "loggers": [ { "name": "kea-ctrl-agent" } ] } }';
    expect(validator.validate(agent).errors[0]?.keaMessage).toBe(
      "loggers entry does not have a mandatory 'severity' element",
    );
    expect(validator.validate(dhcp4('"loggers": [ { "name": "kea-dhcp4" } ]')).ok).toBe(true);
  });

  it('reports syntax errors and an unsupported version as errors, never throws', () => {
    expect(errors('{ "Dhcp4": ')[0]?.[0]).toBe('syntax');
    expect(errors('[]')[0]?.[0]).toBe('wrong-type');
    expect(validator.validate('{}', { keaVersion: '1.8' }).errors[0]?.code).toBe(
      'unsupported-version',
    );
    expect(validator.validate('{ "Dhcp5": {} }').warnings[0]?.code).toBe('unknown-element');
  });

  it('gives a draft-07 schema with a description on every key', () => {
    const schema = validator.schema('2.2') as {
      definitions: Record<string, { properties: Record<string, { description?: string }> }>;
    };
    const missing: string[] = [];
    for (const [kind, definition] of Object.entries(schema.definitions)) {
      for (const [key, property] of Object.entries(definition.properties)) {
        if (!property.description) missing.push(`${kind}.${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(schema.definitions['logger']?.properties['output-options']).toBeUndefined();
    expect(validator.schema('3.3')).toBeDefined();
    expect(validator.schema('9.9')).toBeUndefined();
  });
});
