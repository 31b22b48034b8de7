import { describe, expect, it } from 'vitest';
import { createEmptyWorkspace } from '../state/workspace';
import {
  containsLibraryCode,
  decodeSharedWorkspace,
  encodeSharedWorkspace,
} from './sharedWorkspace';

describe('shared workspace links', () => {
  const workspace = {
    ...createEmptyWorkspace('Shared', 1000),
    libraries: [{ path: '/opt/a.so', language: 'ts' as const, source: 'export const x = 1;' }],
  };

  it('round-trips a workspace as a new one (fresh id and time)', () => {
    const text = encodeSharedWorkspace(workspace);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const result = decodeSharedWorkspace(
      text,
      () => 'new-id',
      () => 42,
    );
    expect(result).toEqual({ ok: true, workspace: { ...workspace, id: 'new-id', updatedAt: 42 } });
  });

  it('compresses: a long config costs far less than its JSON', () => {
    const big = { ...workspace, config: workspace.config.repeat(40) };
    expect(encodeSharedWorkspace(big).length).toBeLessThan(JSON.stringify(big).length / 5);
  });

  it('says so when a link is damaged or holds something else', () => {
    expect(decodeSharedWorkspace('not-a-link!').ok).toBe(false);
    const foreign = encodeSharedWorkspace({
      ...workspace,
      version: 9,
    } as unknown as typeof workspace);
    expect(decodeSharedWorkspace(foreign)).toMatchObject({ ok: false });
  });

  it('knows when opening would run someone’s code', () => {
    expect(containsLibraryCode(workspace)).toBe(true);
    expect(containsLibraryCode({ ...workspace, libraries: [] })).toBe(false);
  });
});
