import { describe, expect, it } from 'vitest';
import { pathAt } from '../src/pathAt';
import { scanKeaConfig } from '../src/scanKeaConfig';
import { describeKey, keysAt } from '../src/schema/describeKey';

const TEXT = `{ "Dhcp4": { # comment
  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" }, { "id": 2 } ],
  "hooks-libraries": [ { "library": "/l.so", "parameters": { "a": 1 } } ]
} }`;

describe('editor helpers', () => {
  const { index } = scanKeaConfig(TEXT);
  const at = (needle: string, shift = 0) => pathAt(index, TEXT.indexOf(needle) + shift);

  it('finds the key or value under an offset', () => {
    expect(at('"subnet"', 2)).toMatchObject({
      path: ['Dhcp4', 'subnet4', 0, 'subnet'],
      onKey: true,
    });
    expect(at('"192.0.2', 3)).toMatchObject({
      path: ['Dhcp4', 'subnet4', 0, 'subnet'],
      onKey: false,
    });
    expect(at('{ "id": 2', 0)).toMatchObject({ path: ['Dhcp4', 'subnet4', 1], onKey: false });
    expect(at('"a": 1', 1)).toMatchObject({
      path: ['Dhcp4', 'hooks-libraries', 0, 'parameters', 'a'],
    });
    expect(at('# comment', 2)).toMatchObject({
      path: ['Dhcp4'],
      containerPath: ['Dhcp4'],
      inMap: true,
    });
    expect(pathAt(index, 0)).toBeUndefined();
  });

  it('explains keys per version and lists what a map accepts', () => {
    expect(describeKey(['Dhcp4', 'subnet4', 0, 'id'], 'v22')).toMatchObject({
      key: 'id',
      type: 'integer',
    });
    expect(describeKey(['Dhcp4', 'allocator'], 'v22')).toBeUndefined();
    expect(describeKey(['Dhcp4', 'allocator'], 'v3')?.description).toContain('allocation');
    expect(describeKey(['Dhcp4', 'hooks-libraries', 0, 'parameters', 'a'], 'v3')).toBeUndefined();
    const keys = keysAt(['Dhcp4', 'hooks-libraries', 0], 'v22').map((k) => k.key);
    expect(keys).toEqual(['library', 'parameters']);
    expect(keysAt([], 'v3').map((k) => k.key)).toContain('Control-agent');
    expect(keysAt(['Dhcp4', 'loggers', 0], 'v22').map((k) => k.key)).not.toContain(
      'output-options',
    );
  });
});
