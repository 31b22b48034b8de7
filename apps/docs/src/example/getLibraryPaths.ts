import { parseConfigText } from '@hookscope/sandbox';

/**
 * The `library` paths of the config's hooks-libraries, in order (library index i + 1). An
 * unreadable config gives an empty list (the run reports the config error itself). Pure.
 */
export function getLibraryPaths(config: string): string[] {
  try {
    const value = parseConfigText(config) as Record<string, unknown>;
    const server = (value.Dhcp4 ?? value.Dhcp6) as { 'hooks-libraries'?: unknown } | undefined;
    const entries = server?.['hooks-libraries'];
    if (!Array.isArray(entries)) return [];
    return entries.map((e: { library?: unknown }) =>
      typeof e?.library === 'string' ? e.library : '',
    );
  } catch {
    return [];
  }
}
