import { KEA_HOOKS_VERSION } from '@hookscope/engine';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_LIBRARIES,
  createBuiltinResolver,
  getBuiltinLibrary,
  getBuiltinLibraryDefinitions,
} from '../src/builtinLibraries';
import { createVirtualFiles, normalizePath } from '../src/createVirtualFiles';
import { EXAMPLE_WORKSPACES } from '../src/examples/exampleWorkspaces';
import { parseConfigText } from '../src/examples/parseConfigText';
import { createLibraryEnvironment } from '../src/libraryEnvironment';

describe('createVirtualFiles', () => {
  it('appends, writes, reads, lists and reports every write', () => {
    const writes: unknown[] = [];
    const files = createVirtualFiles({
      initial: { '/etc/motd': 'hi' },
      onWrite: (w) => writes.push(w),
    });
    files.append('/data/clients/interesting.log', 'a\n');
    files.append('/data//clients/./interesting.log', 'b\n');
    files.write('/data/x/../y.txt', 'y');
    expect(files.read('/data/clients/interesting.log')).toBe('a\nb\n');
    expect(files.list()).toEqual(['/data/clients/interesting.log', '/data/y.txt', '/etc/motd']);
    expect(files.exists('/data/y.txt')).toBe(true);
    expect(files.remove('/data/y.txt')).toBe(true);
    expect(files.remove('/data/y.txt')).toBe(false);
    expect(files.read('/nope')).toBeUndefined();
    expect(files.snapshot()).toEqual({
      '/data/clients/interesting.log': 'a\nb\n',
      '/etc/motd': 'hi',
    });
    expect(writes).toEqual([
      { path: '/data/clients/interesting.log', mode: 'append', data: 'a\n' },
      { path: '/data/clients/interesting.log', mode: 'append', data: 'b\n' },
      { path: '/data/y.txt', mode: 'write', data: 'y' },
    ]);
    expect(normalizePath('a/b/../../..')).toBe('/');
  });
});

describe('parseConfigText', () => {
  it('drops //, # and /* */ comments but keeps them inside strings', () => {
    const text =
      '// top\n{ "a": "x // not a comment", # hash\n /* block\n */ "b": "#1", "c": "/*" }';
    expect(parseConfigText(text)).toEqual({ a: 'x // not a comment', b: '#1', c: '/*' });
    expect(() => parseConfigText('{ "a": }')).toThrow(SyntaxError);
  });
});

describe('built-in libraries', () => {
  it('have unique ids and paths, a schema, an explanation, and the running hooks version', () => {
    expect(new Set(BUILTIN_LIBRARIES.map((l) => l.id)).size).toBe(BUILTIN_LIBRARIES.length);
    expect(new Set(BUILTIN_LIBRARIES.map((l) => l.path)).size).toBe(BUILTIN_LIBRARIES.length);
    const env = createLibraryEnvironment();
    for (const library of BUILTIN_LIBRARIES) {
      expect(library.explanation.length).toBeGreaterThan(80);
      expect(library.parametersSchema['type']).toBe('object');
      expect(library.create(env).version?.()).toBe(KEA_HOOKS_VERSION);
    }
    expect(getBuiltinLibrary('tutorial')).toBe(
      getBuiltinLibrary('/usr/local/lib/hookscope/libtutorial.so'),
    );
    expect(createLibraryEnvironment({ keaVersion: '2.2.0' }).hooksVersion).toBe(20200);
  });

  it('accept the parameters their examples give, per their JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    for (const example of EXAMPLE_WORKSPACES) {
      const config = parseConfigText(example.config) as Record<string, Record<string, unknown>>;
      const entries = (config['Dhcp4']?.['hooks-libraries'] ??
        config['hooks-libraries']) as unknown as {
        library: string;
        parameters?: unknown;
      }[];
      for (const entry of entries) {
        const schema = getBuiltinLibrary(entry.library)!.parametersSchema;
        expect(
          ajv.validate(schema, entry.parameters ?? {}),
          `${example.id}: ${ajv.errorsText()}`,
        ).toBe(true);
      }
    }
    const denySchema = getBuiltinLibrary('deny-list')!.parametersSchema;
    expect(ajv.validate(denySchema, { deny: ['not a mac'] })).toBe(false);
  });

  it('describe themselves for the config editor registry', () => {
    const definitions = getBuiltinLibraryDefinitions();
    expect(definitions.find((d) => d.fileName === 'libtutorial.so')).toMatchObject({
      multiThreadingCompatible: true,
      daemons: ['dhcp4'],
    });
    expect(
      definitions.find((d) => d.fileName === 'libnot-thread-safe.so')?.multiThreadingCompatible,
    ).toBe(false);
  });
});

describe('createBuiltinResolver', () => {
  it('gives one instance per path, honours aliases, and falls back for other paths', () => {
    const user = { version: () => KEA_HOOKS_VERSION };
    const resolve = createBuiltinResolver(createLibraryEnvironment(), {
      aliases: { '/usr/local/lib/example.so': 'tutorial' },
      fallback: (path) => (path === '/home/me/mine.so' ? user : undefined),
    });
    const tutorial = resolve('/usr/local/lib/hookscope/libtutorial.so');
    expect(tutorial).toBeDefined();
    expect(resolve('/usr/local/lib/hookscope/libtutorial.so')).toBe(tutorial);
    expect(resolve('/usr/local/lib/example.so')).not.toBe(tutorial);
    expect(resolve('/usr/local/lib/example.so')?.['pkt4_receive']).toBeTypeOf('function');
    expect(resolve('/home/me/mine.so')).toBe(user);
    expect(resolve('/nowhere.so')).toBeUndefined();
    // A second resolver (another server) never shares instances.
    expect(
      createBuiltinResolver(createLibraryEnvironment())('/usr/local/lib/hookscope/libtutorial.so'),
    ).not.toBe(tutorial);
  });
});
