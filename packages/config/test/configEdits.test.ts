import { describe, expect, it } from 'vitest';
import {
  applyTextEdits,
  insertLibraryEdits,
  maskKeaSyntax,
  moveLibraryEdits,
  removeLibraryEdits,
  setLibraryEdits,
  setParameterEdits,
} from '../src/configEdits';
import { scanKeaConfig } from '../src/scanKeaConfig';

const TEXT = `# Kea config, three comment styles
{
  "Dhcp4": {
    // the libraries
    "hooks-libraries": [
      /* first */ { "library": "/hooks/a.so" },
      { "library": "/hooks/b.so", "parameters": { "x": 1 } }, # b
      { "library": "/hooks/c.so" }
    ],
    "valid-lifetime": 4000 # seconds
  }
}
`;

const run = (edits: ReturnType<typeof setLibraryEdits>) => applyTextEdits(TEXT, edits);
const libraries = (text: string) => {
  const value = scanKeaConfig(text).value as {
    Dhcp4: { 'hooks-libraries': { library: string }[] };
  };
  return value.Dhcp4['hooks-libraries'].map((l) => l.library);
};
const COMMENTS = ['# Kea config', '// the libraries', '/* first */', '# b', '# seconds'];

describe('text edits keep comments and layout', () => {
  it('inserts an entry at an index or at the end', () => {
    const second = run(
      insertLibraryEdits(TEXT, 'Dhcp4', { library: '/hooks/new.so', parameters: { k: true } }, 1),
    );
    expect(libraries(second)).toEqual([
      '/hooks/a.so',
      '/hooks/new.so',
      '/hooks/b.so',
      '/hooks/c.so',
    ]);
    for (const comment of COMMENTS) expect(second).toContain(comment);
    const last = run(insertLibraryEdits(TEXT, 'Dhcp4', { library: '/hooks/z.so' }));
    expect(libraries(last).at(-1)).toBe('/hooks/z.so');
  });

  it('creates the list when the element has none', () => {
    const text = '{ "Dhcp4": { # none yet\n  "valid-lifetime": 1 } }';
    const out = applyTextEdits(text, insertLibraryEdits(text, 'Dhcp4', { library: '/l.so' }));
    expect(libraries(out)).toEqual(['/l.so']);
    expect(out).toContain('# none yet');
  });

  it('removes and replaces entries', () => {
    const removed = run(removeLibraryEdits(TEXT, 'Dhcp4', 1));
    expect(libraries(removed)).toEqual(['/hooks/a.so', '/hooks/c.so']);
    expect(removed).toContain('# seconds');
    const replaced = run(setLibraryEdits(TEXT, 'Dhcp4', 2, { library: '/hooks/d.so' }));
    expect(libraries(replaced)).toEqual(['/hooks/a.so', '/hooks/b.so', '/hooks/d.so']);
    for (const comment of COMMENTS) expect(replaced).toContain(comment);
  });

  it('sets, adds and removes a parameter', () => {
    const set = run(setParameterEdits(TEXT, 'Dhcp4', 1, ['x'], 2));
    expect(scanKeaConfig(set).value).toMatchObject({
      Dhcp4: { 'hooks-libraries': [{}, { parameters: { x: 2 } }, {}] },
    });
    const added = run(setParameterEdits(TEXT, 'Dhcp4', 0, ['name'], '/bin/s'));
    expect(scanKeaConfig(added).value).toMatchObject({
      Dhcp4: { 'hooks-libraries': [{ parameters: { name: '/bin/s' } }, {}, {}] },
    });
    const gone = run(setParameterEdits(TEXT, 'Dhcp4', 1, ['x'], undefined));
    expect(scanKeaConfig(gone).value).toMatchObject({
      Dhcp4: { 'hooks-libraries': [{}, { parameters: {} }, {}] },
    });
    for (const text of [set, added, gone])
      for (const comment of COMMENTS) expect(text).toContain(comment);
  });

  it('moves an entry as text, with what is inside it', () => {
    const moved = run(moveLibraryEdits(TEXT, 'Dhcp4', 2, 0));
    expect(libraries(moved)).toEqual(['/hooks/c.so', '/hooks/a.so', '/hooks/b.so']);
    expect(moved).toContain('{ "library": "/hooks/b.so", "parameters": { "x": 1 } }');
    for (const comment of COMMENTS) expect(moved).toContain(comment);
    expect(moveLibraryEdits(TEXT, 'Dhcp4', 0, 5)).toEqual([]);
    expect(moveLibraryEdits(TEXT, 'Dhcp6', 0, 1)).toEqual([]);
  });

  it('masks # comments and includes without moving any offset', () => {
    const text = '{ "a": "#not", # yes\n "b": <?include "f.json"?> }';
    const masked = maskKeaSyntax(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe('{ "a": "#not", //yes\n "b": null                 }');
  });
});
