import type { ConfigNode, JsonValue, PathSegment } from './configNode';
import type { DiagnosticInput } from './diagnostic';

/** Maps whose content Kea takes as free JSON: duplicate keys there are not checked. */
const FREE_MAPS = new Set(['user-context', 'parameters']);

/**
 * Duplicate keywords in a map: Kea's grammar rejects them ("duplicate X entries in Y map").
 * Walks the tree once, skipping free-form maps. `describe(offset)` prints a position.
 */
export function checkDuplicateKeys(
  root: ConfigNode,
  describe: (offset: number) => string,
  report: (input: DiagnosticInput) => void,
): void {
  const path: PathSegment[] = [];
  const visit = (node: ConfigNode, mapName: string): void => {
    if (node.kind === 'object') {
      const properties = node.properties;
      if (properties.length > 1) {
        const seen = new Map<string, number>();
        for (const property of properties) {
          const previous = seen.get(property.key);
          if (previous !== undefined) {
            report({
              code: 'duplicate-keyword',
              message: `'${property.key}' appears twice in this ${mapName} map (first at ${describe(previous)}); Kea rejects the file`,
              keaMessage: `duplicate ${property.key} entries in ${mapName} map (previous at ${describe(previous)})`,
              path: [...path, property.key],
              atKey: true,
            });
          } else {
            seen.set(property.key, property.keyOffset);
          }
        }
      }
      for (const property of properties) {
        if (FREE_MAPS.has(property.key)) continue;
        path.push(property.key);
        visit(property.value, property.key);
        path.pop();
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => {
        path.push(index);
        visit(item, mapName);
        path.pop();
      });
    }
    // Included files are checked through their own positions when the locator supports it;
    // a duplicate inside an include is rare enough to leave to Kea.
  };
  visit(root, 'toplevel');
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
