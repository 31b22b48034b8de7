import type { HookLibraryInfo } from '@hookscope/engine';
import { ConfigError, isMap } from './configHelpers';

/**
 * `hooks-libraries` as Kea's hooks parser checks it on the command path (reference R103-R107):
 * a list of maps with `library` (a string) and optional `parameters`, keys examined in sorted
 * order, quotes stripped and the path trimmed (2.2.0 behaviour, kept for every release since
 * the simulated server has no hooks directory).
 */
export function parseHooksLibraries(value: unknown): HookLibraryInfo[] {
  if (value === undefined) return [];
  if (value === null) throw new ConfigError('Tried to parse null hooks libraries');
  if (!Array.isArray(value)) throw new ConfigError("'hooks-libraries' parameter must be a list");
  return value.map((entry) => {
    if (!isMap(entry))
      throw new ConfigError('one or more entries in the hooks-libraries list is not a map');
    let library: string | undefined;
    for (const key of Object.keys(entry).sort()) {
      const item = entry[key];
      if (key === 'library') {
        if (typeof item !== 'string') {
          throw new ConfigError(
            'hooks library configuration error: one or more hooks-libraries elements are not a string path',
          );
        }
        library = item.replaceAll('"', '').trim();
        if (library === '') {
          throw new ConfigError(
            "hooks library configuration error: value of 'library' element must not be blank",
          );
        }
      } else if (key !== 'parameters') {
        throw new ConfigError(`unknown hooks library parameter: ${key}`);
      }
    }
    if (library === undefined) {
      throw new ConfigError(
        'hooks library configuration error: one or more hooks-libraries elements are missing the name of the library',
      );
    }
    const info: HookLibraryInfo = { library };
    if ('parameters' in entry) info.parameters = entry.parameters as Record<string, unknown>;
    return info;
  });
}
