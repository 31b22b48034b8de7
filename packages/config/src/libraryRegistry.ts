import type { JsonSchema } from './schema/buildSchema';

export type KeaDaemon = 'dhcp4' | 'dhcp6' | 'ctrl-agent' | 'd2';

/**
 * What the config editor knows about one hooks library: its parameters' JSON Schema and the
 * facts the checks need. Registered by file name (`libdhcp_ha.so`), so an entry matches any
 * path ending in that name.
 */
export interface LibraryDefinition {
  /** File name without directories, e.g. `libdhcp_lease_cmds.so`. */
  fileName: string;
  title: string;
  /** One or two sentences for the catalog and hover. */
  description: string;
  /** What `multi_threading_compatible()` returns (false when the library lacks it). */
  multiThreadingCompatible: boolean;
  /** Daemons that can load it. */
  daemons: readonly KeaDaemon[];
  /**
   * JSON Schema of `parameters` (draft-07). Violations are `load`-phase errors: Kea only sees
   * them when the library's `load()` runs. Unknown keys are reported as warnings.
   */
  parametersSchema: JsonSchema;
  /**
   * Kea's own words when a required parameter is missing, by parameter name, so our message
   * can cite them (e.g. `options` → `'options' parameter is mandatory`).
   */
  missingParameterMessages?: Readonly<Record<string, string>>;
}

/**
 * The set of libraries whose parameters can be checked. One per validator (no global state):
 * `createLibraryRegistry(KEA_LIBRARIES)` for Kea's own, then `register()` hookscope's built-in
 * libraries (the `libraries` package does this) or a user's.
 */
export interface LibraryRegistry {
  /** Adds or replaces the definition for its file name. */
  register(definition: LibraryDefinition): void;
  /** The definition for a library path or file name; undefined when unknown. */
  lookup(library: string): LibraryDefinition | undefined;
  list(): LibraryDefinition[];
  /** Increases on every register(), so caches keyed on it notice new schemas. */
  readonly version: number;
}

export function createLibraryRegistry(initial: readonly LibraryDefinition[] = []): LibraryRegistry {
  const byName = new Map<string, LibraryDefinition>();
  let version = 0;
  const registry: LibraryRegistry = {
    register(definition) {
      byName.set(definition.fileName, definition);
      version++;
    },
    lookup(library) {
      return byName.get(libraryFileName(library));
    },
    list() {
      return [...byName.values()];
    },
    get version() {
      return version;
    },
  };
  for (const definition of initial) registry.register(definition);
  return registry;
}

/** `/usr/lib/kea/hooks/libdhcp_ha.so` → `libdhcp_ha.so` (after Kea's trim). */
export function libraryFileName(library: string): string {
  const trimmed = library.trim();
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}
