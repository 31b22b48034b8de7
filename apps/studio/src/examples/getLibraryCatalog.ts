import { KEA_LIBRARIES } from '@hookscope/config';
import { BUILTIN_LIBRARIES } from '@hookscope/libraries';
import type { Workspace } from '../state/workspace';

export interface CatalogEntry {
  path: string;
  title: string;
  /** JSON Schema of the library's parameters, when known. */
  schema?: object;
}

const KEA_HOOKS_DIR = '/usr/lib/x86_64-linux-gnu/kea/hooks';

/**
 * Libraries one can add: the workspace's own, hookscope's built-in ones (they run), then Kea's
 * own (their parameters are checked; the simulation has no code for them).
 */
export function getLibraryCatalog(workspace: Workspace): CatalogEntry[] {
  return [
    ...workspace.libraries.map((l) => ({ path: l.path, title: `${l.path} (yours)` })),
    ...BUILTIN_LIBRARIES.map((b) => ({ path: b.path, title: b.title, schema: b.parametersSchema })),
    ...KEA_LIBRARIES.map((k) => ({
      path: `${KEA_HOOKS_DIR}/${k.fileName}`,
      title: `${k.title} (Kea; not simulated)`,
      schema: k.parametersSchema,
    })),
  ];
}
