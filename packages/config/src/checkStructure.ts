import type { ConfigDiagnostic, DiagnosticInput, DiagnosticLocator } from './diagnostic';
import type { JsonValue, PathSegment } from './jsonPath';
import { pathOfContainer } from './locate';
import type { ConfigIndex } from './scanKeaConfig';
import { mapName } from './schemaErrors';

/** Maps whose content Kea takes as free JSON: duplicate keys there are not Kea's concern. */
const FREE_MAPS = new Set(['user-context', 'parameters']);

/**
 * Duplicate keywords in a map, which Kea's grammar rejects ("duplicate X entries in Y map"),
 * from the scanner's list (main text and included files).
 */
export function checkDuplicateKeys(
  index: ConfigIndex,
  locator: DiagnosticLocator,
): ConfigDiagnostic[] {
  const found: ConfigDiagnostic[] = [];
  const visit = (current: ConfigIndex): void => {
    for (const duplicate of current.duplicates) {
      const mapPath =
        current.file === undefined ? pathOfContainer(current, duplicate.mapOffset) : [];
      if (mapPath.some((segment) => typeof segment === 'string' && FREE_MAPS.has(segment)))
        continue;
      const where = mapName(mapPath);
      const previous = locator.describe(duplicate.previousOffset, current.file);
      found.push(
        locator.at(
          {
            code: 'duplicate-keyword',
            message: `'${duplicate.key}' appears twice in this ${where} map (first at ${previous}); Kea rejects the file`,
            keaMessage: `duplicate ${duplicate.key} entries in ${where} map (previous at ${previous})`,
            path: [...mapPath, duplicate.key],
          },
          duplicate.keyOffset,
          duplicate.keyLength,
          current.file,
        ),
      );
    }
    for (const site of current.includes) if (site.index) visit(site.index);
  };
  visit(index);
  return found;
}

/** `loggers` entries need `name` and `severity` (Kea's DCTL_PARSER_FAIL wording). */
export function checkLoggers(
  loggers: JsonValue | undefined,
  path: PathSegment[],
  report: (input: DiagnosticInput) => void,
): void {
  if (!Array.isArray(loggers)) return;
  loggers.forEach((logger, index) => {
    if (logger === null || typeof logger !== 'object' || Array.isArray(logger)) return;
    for (const required of ['name', 'severity']) {
      if (logger[required] !== undefined) continue;
      report({
        code: 'missing-keyword',
        message: `this logger has no '${required}'${required === 'severity' ? ': add one of FATAL, ERROR, WARN, INFO, DEBUG' : ''}`,
        keaMessage: `loggers entry does not have a mandatory '${required}' element`,
        path: [...path, index],
      });
    }
  });
}
