/**
 * Kea versions whose config language we know. Each maps to a schema profile: `v22` is Kea 2.2
 * (what Debian 12 ships, the oracle of our agreement test), `v3` the current 3.x examples.
 * To add a version, see the package README ("Adding a Kea version").
 */
export const SUPPORTED_KEA_VERSIONS = ['2.2.0', '3.3.1'] as const;
export const NEWEST_KEA_VERSION = '3.3.1';

export type SchemaProfile = 'v22' | 'v3';

export interface KeaVersionInfo {
  /** Normalised version, one of SUPPORTED_KEA_VERSIONS. */
  version: (typeof SUPPORTED_KEA_VERSIONS)[number];
  profile: SchemaProfile;
  /** `enable-multi-threading` when the config says nothing (true since 2.3.5). */
  multiThreadingDefault: boolean;
  /** Library paths must be inside the hooks directory (since 2.6.3 / 3.0.0). */
  restrictedLibraryPaths: boolean;
}

/**
 * Resolves "2.2", "2.2.0", "3.3", "3.3.1" or "3.3.1-git" (default: the newest). Returns
 * undefined for a version we have no schema for; callers list SUPPORTED_KEA_VERSIONS then.
 */
export function resolveKeaVersion(
  version: string = NEWEST_KEA_VERSION,
): KeaVersionInfo | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-[\w.]+)?$/.exec(version.trim());
  if (!match) return undefined;
  const key = `${match[1]}.${match[2]}`;
  if (key === '2.2') {
    return {
      version: '2.2.0',
      profile: 'v22',
      multiThreadingDefault: false,
      restrictedLibraryPaths: false,
    };
  }
  if (key === '3.3') {
    return {
      version: '3.3.1',
      profile: 'v3',
      multiThreadingDefault: true,
      restrictedLibraryPaths: true,
    };
  }
  return undefined;
}
