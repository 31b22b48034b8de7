import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { readWorkspace, type Workspace } from '../state/workspace';

// A workspace in a URL: its JSON, deflated (fflate) and written as base64url. The id and the
// clock are left out: an opened link becomes a new workspace, never overwriting one.

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The workspace as URL-safe text. Pure. */
export function encodeSharedWorkspace(workspace: Workspace): string {
  const { id: _id, updatedAt: _updatedAt, ...shared } = workspace;
  return toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }));
}

export type SharedWorkspaceResult =
  | { ok: true; workspace: Workspace }
  | { ok: false; error: string };

/**
 * Reads `encodeSharedWorkspace` text back as a new workspace (fresh id and time). Never throws:
 * a damaged or foreign link gives `{ ok: false }` with a reason to show.
 */
export function decodeSharedWorkspace(
  text: string,
  newId: () => string = () => crypto.randomUUID(),
  now: () => number = Date.now,
): SharedWorkspaceResult {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflateSync(fromBase64Url(text))));
  } catch {
    return { ok: false, error: 'The shared link is damaged: its workspace cannot be read.' };
  }
  const workspace = readWorkspace({ ...(value as object), id: newId(), updatedAt: now() });
  if (!workspace)
    return { ok: false, error: 'The shared link holds no workspace this studio reads.' };
  return { ok: true, workspace };
}

/** Whether opening this workspace would run code someone wrote (user libraries). */
export function containsLibraryCode(workspace: Workspace): boolean {
  return workspace.libraries.some((library) => library.source.trim() !== '');
}
