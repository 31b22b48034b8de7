import type { RunStep, ServerFamily, SourceLibrary } from '@hookscope/sandbox';

/**
 * The workspace: everything one studio edits and runs. It is persisted (IndexedDB) and, later,
 * shared in URLs, so it carries a schema version; bump it only for a change that optional or
 * default fields cannot absorb.
 */
export const WORKSPACE_VERSION = 1;

// The run's shapes are the sandbox protocol's own: a workspace is what the sandbox runs.
export type { RunStep, ServerFamily };

/** A library written in the studio, mapped to the `library` path of a hooks-libraries entry. */
export type UserLibrary = SourceLibrary;

export interface Workspace {
  version: typeof WORKSPACE_VERSION;
  id: string;
  name: string;
  family: ServerFamily;
  keaVersion: string;
  config: string;
  libraries: UserLibrary[];
  steps: RunStep[];
  /** Time budget of one run in the sandbox, in milliseconds (default 2000). */
  budgetMs: number;
  updatedAt: number;
}

export const DEFAULT_BUDGET_MS = 2000;
export const DEFAULT_KEA_VERSION = '3.3.1';

export const EMPTY_CONFIG = `{
  # A kea-dhcp4 configuration. Comments (#, //, /* */) are kept.
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "eth0" ] },
    "subnet4": [
      {
        "id": 1,
        "subnet": "192.0.2.0/24",
        "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ]
      }
    ],
    "hooks-libraries": [ ]
  }
}
`;

/** A fresh id; crypto.randomUUID exists in every browser we support and in Node. */
export function createWorkspaceId(): string {
  return crypto.randomUUID();
}

/** An empty dhcp4 workspace (no libraries, no packets). Pure apart from the id and clock. */
export function createEmptyWorkspace(name = 'Untitled workspace', now = Date.now()): Workspace {
  return {
    version: WORKSPACE_VERSION,
    id: createWorkspaceId(),
    name,
    family: 'dhcp4',
    keaVersion: DEFAULT_KEA_VERSION,
    config: EMPTY_CONFIG,
    libraries: [],
    steps: [],
    budgetMs: DEFAULT_BUDGET_MS,
    updatedAt: now,
  };
}

/**
 * Reads a stored value back as a workspace, filling defaults for optional fields.
 * Returns undefined for anything that is not a version-1 workspace (never throws).
 */
export function readWorkspace(value: unknown): Workspace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Workspace>;
  if (v.version !== WORKSPACE_VERSION || typeof v.id !== 'string') return undefined;
  if (typeof v.config !== 'string') return undefined;
  return {
    version: WORKSPACE_VERSION,
    id: v.id,
    name: typeof v.name === 'string' ? v.name : 'Untitled workspace',
    family: v.family === 'dhcp6' ? 'dhcp6' : 'dhcp4',
    keaVersion: typeof v.keaVersion === 'string' ? v.keaVersion : DEFAULT_KEA_VERSION,
    config: v.config,
    libraries: Array.isArray(v.libraries) ? v.libraries : [],
    steps: Array.isArray(v.steps) ? v.steps : [],
    budgetMs: typeof v.budgetMs === 'number' ? v.budgetMs : DEFAULT_BUDGET_MS,
    updatedAt: typeof v.updatedAt === 'number' ? v.updatedAt : 0,
  };
}

/** What a run depends on, in a stable order: equal inputs give equal keys. */
export function getRunInput(w: Workspace) {
  return {
    family: w.family,
    keaVersion: w.keaVersion,
    config: w.config,
    libraries: w.libraries,
    steps: w.steps,
    budgetMs: w.budgetMs,
  };
}

/** FNV-1a over the run input's JSON: the react-query key of a run. */
export function hashWorkspace(w: Workspace): string {
  const text = JSON.stringify(getRunInput(w));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
