import { encodeSharedWorkspace } from '../../../studio/src/debugger/sharedWorkspace';
import { WORKSPACE_VERSION, type Workspace } from '../../../studio/src/state/workspace';
import type { Example } from '../example/example';
import { packetsToSteps } from '../example/packetsToSteps';
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
 * The studio's shared-workspace link for an example (`#ws=…`, the studio's own share format,
 * `encodeSharedWorkspace`). The studio opens it as a new workspace; since an example holds
 * library code, it shows the code and asks before running it, as for any shared link.
 * @throws PacketLineError when the packets cannot be read.
 */
export function getStudioLink(example: Example, studioUrl: string): string {
  return `${studioUrl}#ws=${encodeSharedWorkspace(toWorkspace(example))}`;
}

/** Opens the example in the studio, in a new tab. @throws PacketLineError (see getStudioLink). */
export function openInStudio(example: Example, studioUrl: string): void {
  window.open(getStudioLink(example, studioUrl), '_blank');
}
