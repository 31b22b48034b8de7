import { describe, expect, it } from 'vitest';
import { findSyntaxProblems, formatConfigText } from './configText';
import {
  addHooksLibrary,
  moveHooksLibrary,
  readHooksLibraries,
  removeHooksLibrary,
  setHooksLibraryParameters,
} from './hooksLibrariesEdits';

const text = `{
  # the server
  "Dhcp4": {
    // libraries, in order
    "hooks-libraries": [
      { "library": "/a.so" }, # first
      { "library": "/b.so", "parameters": { "x": 1 } }
    ]
  }
}
`;

describe('hooks-libraries edits keep the text', () => {
  it('reads entries through # and // comments', () => {
    expect(readHooksLibraries(text, 'dhcp4')?.map((e) => e.library)).toEqual(['/a.so', '/b.so']);
  });

  it('adds, moves and removes with every comment kept', () => {
    let t = addHooksLibrary(text, 'dhcp4', { library: '/c.so' });
    t = moveHooksLibrary(t, 'dhcp4', 2, 0);
    expect(readHooksLibraries(t, 'dhcp4')?.map((e) => e.library)).toEqual([
      '/c.so',
      '/a.so',
      '/b.so',
    ]);
    t = removeHooksLibrary(t, 'dhcp4', 0);
    expect(readHooksLibraries(t, 'dhcp4')?.map((e) => e.library)).toEqual(['/a.so', '/b.so']);
    for (const c of ['# the server', '// libraries, in order', '# first']) expect(t).toContain(c);
    expect(findSyntaxProblems(t)).toEqual([]);
  });

  it('removes the last entry without touching the line before', () => {
    const t = removeHooksLibrary(text, 'dhcp4', 1);
    expect(t).toContain('{ "library": "/a.so" } # first\n    ]');
    expect(findSyntaxProblems(t)).toEqual([]);
  });

  it('sets parameters of one entry', () => {
    const t = setHooksLibraryParameters(text, 'dhcp4', 0, { mail: 'a@b' });
    expect(readHooksLibraries(t, 'dhcp4')?.[0]).toEqual({
      library: '/a.so',
      parameters: { mail: 'a@b' },
    });
  });

  it('reports a syntax error with its offset', () => {
    const problems = findSyntaxProblems('{ "a": }');
    expect(problems[0]?.offset).toBe(7);
  });
});

describe('formatConfigText', () => {
  it('re-indents and keeps # comments', () => {
    const out = formatConfigText('{\n"Dhcp4": { # server\n"a": 1 }\n}');
    expect(out).toBe('{\n  "Dhcp4": { # server\n    "a": 1\n  }\n}');
  });
});
