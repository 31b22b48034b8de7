import { deflateSync, strToU8 } from 'fflate';
import { WORKSPACE_VERSION, type Workspace } from '../../../studio/src/state/workspace';
import { createIndexedDbStorage } from '../../../studio/src/state/workspaceStorage';
import type { Example } from '../example/example';
import { packetsToSteps } from '../example/packetsToSteps';
import { toBase64Url } from '../example/shareExample';
import { EXAMPLE_BUDGET_MS } from '../example/toRunRequest';

/** The studio's workspace (its persisted shape, version 1) holding an example. */
export function toWorkspace(example: Example, now = Date.now()): Workspace {
  return {
    version: WORKSPACE_VERSION,
    id: crypto.randomUUID(),
    name: `Docs: ${example.title}`,
    family: example.family,
    keaVersion: example.keaVersion,
    config: example.config,
    libraries: example.libraries.map((l) => ({ path: l.path, language: 'ts', source: l.source })),
    steps: packetsToSteps(example.packets),
    budgetMs: EXAMPLE_BUDGET_MS,
    updatedAt: now,
  };
}

/**
 * Opens the example in the studio (a new tab). The docs share the studio's origin, so the
 * workspace is saved in the studio's IndexedDB and made the active one: the studio opens on
 * it. The URL carries it too (`#workspace=`, deflated JSON in base64url) for studios opened
 * from another origin, where that storage is not shared.
 * @throws PacketLineError when the packets cannot be read.
 */
export async function openInStudio(example: Example, studioUrl: string): Promise<Window | null> {
  const workspace = toWorkspace(example);
  const storage = createIndexedDbStorage();
  await storage.save(workspace);
  await storage.setActiveId(workspace.id);
  const payload = toBase64Url(deflateSync(strToU8(JSON.stringify(workspace)), { level: 9 }));
  return window.open(`${studioUrl}#workspace=${payload}`, '_blank');
}
