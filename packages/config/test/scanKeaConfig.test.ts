import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/lineIndex';
import { locate } from '../src/locate';
import { scanKeaConfig } from '../src/scanKeaConfig';

describe('scanKeaConfig', () => {
  it('reads the three comment styles, trailing commas and numbers such as .5', () => {
    const text = `# hash
// slashes
/* block
   comment */ { "a": [ 1, .5, -.25, 1., 07, 2e3, ], "b": { "c": "x#y//z", }, # end
}`;
    const { value, errors } = scanKeaConfig(text);
    expect(errors).toEqual([]);
    expect(value).toEqual({ a: [1, 0.5, -0.25, 1, 7, 2000], b: { c: 'x#y//z' } });
  });

  it('names the position and what was expected on a syntax error, like Kea', () => {
    const text = '{ "Dhcp4": {\n  "a": 1\n  "b": 2 } }';
    const { value, errors } = scanKeaConfig(text);
    expect(value).toBeUndefined();
    expect(errors).toHaveLength(1);
    const error = errors[0]!;
    expect(new LineIndex(text).position(error.offset)).toMatchObject({ line: 3, column: 3 });
    expect(error.message).toBe("syntax error, unexpected constant string, expecting ',' or '}'");
  });

  it('rejects what JSON.parse would choke on, with a position', () => {
    for (const [text, at] of [
      ['{ "a": "tab\there" }', 11],
      ['{ "a": "\\q" }', 8],
      ['{ "a": 1 /* open', 9],
      ['[ 1, , 2 ]', 5],
    ] as const) {
      const { errors } = scanKeaConfig(text);
      expect(errors[0]?.offset, text).toBe(at);
    }
  });

  it('resolves includes from the workspace and reports a missing one where it is', () => {
    const text = '{ "Dhcp4": { "hooks-libraries": <?include "hl.json"?> } }';
    const found = scanKeaConfig(text, {
      readInclude: (p) => (p === 'hl.json' ? '[ { "library": "/l.so" } ]' : undefined),
    });
    expect(found.value).toEqual({ Dhcp4: { 'hooks-libraries': [{ library: '/l.so' }] } });
    const location = locate(found.index, ['Dhcp4', 'hooks-libraries', 0, 'library']);
    expect(location).toMatchObject({ file: 'hl.json', offset: 15, length: 7, depth: 4 });
    const missing = scanKeaConfig(text);
    expect(missing.value).toBeUndefined();
    expect(missing.errors[0]).toMatchObject({
      offset: 32,
      message: "included file 'hl.json' is not in the workspace",
    });
  });

  it('stops an include loop instead of recursing forever', () => {
    const result = scanKeaConfig('<?include "a"?>', { readInclude: () => '<?include "a"?>' });
    expect(result.errors[0]?.message).toContain('nested deeper than 8');
  });

  it('lists duplicate keys with both positions', () => {
    const { index } = scanKeaConfig('{ "a": 1, "b": { "x": 1, "x": 2 }, "a": 3 }');
    expect(index.duplicates.map((d) => [d.key, d.keyOffset, d.previousOffset])).toEqual([
      ['x', 25, 17],
      ['a', 35, 2],
    ]);
  });

  it('locates keys and values by JSON path, the last duplicate winning', () => {
    const text = '{ "l": [ 10, { "k": "v" }, [ 1 ] ], "k\\u0032": true, "d": 1, "d": 2 }';
    const { index } = scanKeaConfig(text);
    const at = (path: (string | number)[]) => {
      const l = locate(index, path);
      return text.slice(l.offset, l.offset + l.length);
    };
    expect(at(['l', 0])).toBe('10');
    expect(at(['l', 1, 'k'])).toBe('"v"');
    expect(at(['l', 2])).toBe('[ 1 ]');
    expect(at(['k2'])).toBe('true');
    expect(at(['d'])).toBe('2');
    expect(locate(index, ['l', 7, 'x']).depth).toBe(1);
    const key = locate(index, ['l']);
    expect(text.slice(key.keyOffset, (key.keyOffset ?? 0) + (key.keyLength ?? 0))).toBe('"l"');
  });
});
