import { createConfigValidator } from '@hookscope/config';
import { describe, expect, it } from 'vitest';
import { closestName, describeSchemaPath } from './configSchema';
import { getPathAt } from './configText';

const validator = createConfigValidator();

describe('completion and hover from the config schema', () => {
  it('lists the keys of Dhcp4 with their descriptions, and of a hooks-libraries entry', () => {
    const schema = validator.schema('3.3.1');
    const dhcp4 = describeSchemaPath(schema, ['Dhcp4']);
    const hooks = dhcp4.properties.find((p) => p.name === 'hooks-libraries');
    expect(hooks?.description).toBeTruthy();
    const entry = describeSchemaPath(schema, ['Dhcp4', 'hooks-libraries', 0]);
    expect(entry.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining(['library', 'parameters']),
    );
  });

  it('finds the path at the cursor through # comments', () => {
    const text = '{ # c "x": [\n  "Dhcp4": { "hooks-libraries": [ { "lib';
    expect(getPathAt(text, text.length).path.slice(0, 3)).toEqual(['Dhcp4', 'hooks-libraries', 0]);
  });
});

describe('the did-you-mean quick fix', () => {
  it('points the unknown-keyword diagnostic at the key, and proposes the right name', () => {
    const text = '{ "Dhcp4": { "hooks-librarys": [] } }';
    const result = validator.validate(text, { keaVersion: '3.3.1' });
    const d = [...result.errors, ...result.warnings].find((x) => x.code === 'unknown-keyword');
    expect(d).toBeDefined();
    if (!d) return;
    const key = text.slice(d.offset, d.offset + d.length).replace(/^"|"$/g, '');
    expect(key).toBe('hooks-librarys');
    const siblings = describeSchemaPath(validator.schema('3.3.1'), ['Dhcp4']).properties.map(
      (p) => p.name,
    );
    expect(closestName(key, siblings)).toBe('hooks-libraries');
  });
});
