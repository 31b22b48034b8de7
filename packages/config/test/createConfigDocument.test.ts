import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDhcp4Config } from '../bench/generateDhcp4Config';
import { createConfigDocument } from '../src/createConfigDocument';
import { createConfigValidator, type ValidationResult } from '../src/createConfigValidator';
import { locate } from '../src/locate';

const summary = (r: ValidationResult) => ({
  value: r.scan.value,
  diagnostics: [...r.errors, ...r.warnings].map((d) => [
    d.code,
    d.line,
    d.column,
    d.offset,
    d.pathText,
    d.message,
  ]),
});

describe('createConfigDocument', () => {
  const validator = createConfigValidator();

  it('re-scans only around a one-character edit and ends where a full validation would', () => {
    const text = generateDhcp4Config(40, 5);
    const document = createConfigDocument(validator, text);
    const at = text.indexOf('"renew-timer": 1000', text.length / 2) + 16;
    const result = document.update({ offset: at, length: 1, text: '7' });
    expect(document.lastUpdate).toBe('incremental');
    expect(summary(result)).toEqual(summary(validator.validate(document.text)));
    expect(JSON.stringify(result.scan.value)).toContain('"renew-timer":1700');
  });

  it('keeps positions right after an edit that changes lengths', () => {
    const text = generateDhcp4Config(30, 3);
    const document = createConfigDocument(validator, text);
    const at = text.indexOf('"pool": "10.0.3.10');
    document.update({ offset: at, length: 0, text: '"comment": "inserted text\\n",\n        ' });
    expect(document.lastUpdate).toBe('incremental');
    const id = locate(document.result.scan.index, ['Dhcp4', 'subnet4', 29, 'id']);
    expect(document.text.slice(id.offset, id.offset + id.length)).toBe('30');
    const broken = document.update({ offset: id.offset, length: 2, text: '"x"' });
    expect(broken.errors[0]).toMatchObject({
      code: 'wrong-type',
      pathText: 'Dhcp4/subnet4[29]/id',
    });
    expect(summary(broken)).toEqual(summary(validator.validate(document.text)));
  });

  it('agrees with a full validation after any sequence of small edits', () => {
    const base = generateDhcp4Config(12, 4);
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 2 }),
      insert: fc.constantFrom('', '1', 'a', '"', ',', '{', '}', ' ', '#', '\n', '.5', '[]'),
    });
    let incremental = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const document = createConfigDocument(validator, base);
        for (const { at, remove, insert } of edits) {
          const offset = at % document.text.length;
          document.update({
            offset,
            length: Math.min(remove, document.text.length - offset),
            text: insert,
          });
          if (document.lastUpdate === 'incremental') incremental++;
          expect(summary(document.result)).toEqual(summary(validator.validate(document.text)));
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
    expect(incremental).toBeGreaterThan(50);
  });

  it('follows a change of target version', () => {
    const document = createConfigDocument(validator, '{ "Dhcp4": { "allocator": "random" } }');
    expect(document.result.ok).toBe(true);
    expect(document.setOptions({ keaVersion: '2.2' }).errors[0]?.code).toBe('unknown-keyword');
    expect(document.setText('{ "Dhcp4": {} }').ok).toBe(true);
  });
});
