import type { Workspace } from '../state/workspace';

export interface CatalogEntry {
  path: string;
  title: string;
  /** JSON Schema of the library's parameters, when known. */
  schema?: object;
}

/** Libraries one can add: the workspace's own, then the built-in ones. */
export function getLibraryCatalog(workspace: Workspace): CatalogEntry[] {
  return workspace.libraries.map((l) => ({ path: l.path, title: `${l.path} (yours)` }));
}
