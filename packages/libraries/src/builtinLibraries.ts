import type { LibraryModule, LibraryResolver } from '@hookscope/engine';
import { diagnosticsLibrary } from './commands/diagnosticsLibrary';
import { sameKeyLibrary } from './contextKey/sameKeyLibrary';
import { contextLifecycleLibrary } from './contextLifecycle/contextLifecycleLibrary';
import { dataScopeLibrary1, dataScopeLibrary2 } from './dataScope/dataScopeLibraries';
import { exactTypeLibrary } from './exactType/exactTypeLibrary';
import {
  type BuiltinLibrary,
  createLibraryEnvironment,
  type LibraryEnvironment,
} from './libraryEnvironment';
import { notThreadSafeLibrary } from './multiThreading/notThreadSafeLibrary';
import { denyListLibrary } from './nextStep/denyListLibrary';
import { fixedAddressLibrary } from './nextStep/fixedAddressLibrary';
import { nonStandardNamesLibrary } from './nonStandard/nonStandardNamesLibrary';
import { parametersLibrary } from './parameters/parametersLibrary';
import { tutorialLibrary } from './tutorial/tutorialLibrary';

/** Every built-in library, in the order the studio lists them. */
export const BUILTIN_LIBRARIES: readonly BuiltinLibrary[] = [
  tutorialLibrary,
  dataScopeLibrary1,
  dataScopeLibrary2,
  sameKeyLibrary,
  denyListLibrary,
  fixedAddressLibrary,
  exactTypeLibrary,
  parametersLibrary,
  contextLifecycleLibrary,
  diagnosticsLibrary,
  notThreadSafeLibrary,
  nonStandardNamesLibrary,
];

/** A built-in library by id or by its `hooks-libraries` path. */
export function getBuiltinLibrary(idOrPath: string): BuiltinLibrary | undefined {
  return BUILTIN_LIBRARIES.find((library) => library.id === idOrPath || library.path === idOrPath);
}

/**
 * The built-in libraries described for the config editor's library registry (the shape of
 * `LibraryDefinition` in `@hookscope/config`): file name, title, description, whether
 * `multi_threading_compatible()` says yes, the daemons that can load it, and its parameters'
 * JSON Schema. Register them with `registry.register(...)`.
 */
export function getBuiltinLibraryDefinitions(): {
  fileName: string;
  title: string;
  description: string;
  multiThreadingCompatible: boolean;
  daemons: ('dhcp4' | 'dhcp6')[];
  parametersSchema: Record<string, unknown>;
}[] {
  return BUILTIN_LIBRARIES.map((library) => {
    const probe = library.create(createLibraryEnvironment());
    return {
      fileName: library.path.slice(library.path.lastIndexOf('/') + 1),
      title: library.title,
      description: library.explanation,
      multiThreadingCompatible: (probe.multi_threading_compatible?.() ?? 0) !== 0,
      daemons: library.daemons.slice(),
      parametersSchema: library.parametersSchema,
    };
  });
}

export interface BuiltinResolverOptions {
  /** Asked for paths that are not built-in (e.g. the workspace's own libraries). */
  fallback?: LibraryResolver;
  /** Extra path → built-in id mappings, e.g. a config that names the tutorial "/opt/example.so". */
  aliases?: Readonly<Record<string, string>>;
}

/**
 * A LibraryResolver over the built-in libraries. Each path gets one instance for the life of
 * the resolver, so two `hooks-libraries` entries naming the same file share its variables (as
 * two entries of one .so share its globals in Kea) while having separate library indexes.
 * Make one resolver per server: instances are never shared between resolvers.
 */
export function createBuiltinResolver(
  env: LibraryEnvironment,
  options: BuiltinResolverOptions = {},
): LibraryResolver {
  const instances = new Map<string, LibraryModule>();
  return (path) => {
    const cached = instances.get(path);
    if (cached) return cached;
    const alias = options.aliases?.[path];
    const builtin = getBuiltinLibrary(alias ?? path);
    if (!builtin) return options.fallback?.(path);
    const instance = builtin.create(env);
    instances.set(path, instance);
    return instance;
  };
}
