import type { DiagnosticInput } from './diagnostic';
import type { JsonValue, PathSegment } from './jsonPath';
import type { KeaVersionInfo } from './keaVersion';
import type { KeaDaemon, LibraryDefinition, LibraryRegistry } from './libraryRegistry';
import type { ParameterChecker } from './parameterChecker';

/** What the checks found out about one `hooks-libraries` entry. */
export interface LibraryReport {
  /** 0-based position in the list (Kea's library index is this plus one). */
  index: number;
  /** JSON path of the entry. */
  path: PathSegment[];
  /** The library path after Kea's trim; undefined when the entry has no usable one. */
  library: string | undefined;
  definition: LibraryDefinition | undefined;
  /**
   * True when the parameters were checked against a schema. False for a library nobody
   * registered: then only "parameters is a map" was checked, and the UI should say so.
   */
  parametersChecked: boolean;
}

export interface HooksCheckContext {
  elementPath: PathSegment[];
  daemon: KeaDaemon;
  version: KeaVersionInfo;
  multiThreading: boolean;
  registry: LibraryRegistry;
  checkParameters: ParameterChecker;
  report(input: DiagnosticInput): void;
}

/**
 * Checks a `hooks-libraries` value the way Kea's grammar and HooksLibrariesParser do, then
 * what Kea would only find at load time (parameters, multi-threading). Never throws.
 */
export function checkHooksLibraries(value: JsonValue, context: HooksCheckContext): LibraryReport[] {
  const listPath = [...context.elementPath, 'hooks-libraries'];
  if (!Array.isArray(value)) {
    context.report({
      code: 'wrong-type',
      message: `hooks-libraries must be a list of maps ([{ "library": "…" }]), not ${kindOf(value)}`,
      keaMessage: `syntax error, unexpected ${bisonToken(value)}, expecting [`,
      path: listPath,
    });
    return [];
  }
  const reports: LibraryReport[] = [];
  const seen = new Map<string, number>();
  value.forEach((entry, index) => {
    const path = [...listPath, index];
    const report = checkEntry(entry, path, index, context);
    reports.push(report);
    if (report.library === undefined) return;
    const previous = seen.get(report.library);
    if (previous !== undefined) {
      context.report({
        severity: 'warning',
        code: 'duplicate-library',
        message: `${report.library} is already listed as entry ${previous + 1}: Kea accepts this and loads it twice (two library indexes, two sets of callouts), which is rarely intended`,
        path: [...path, 'library'],
      });
    } else {
      seen.set(report.library, index);
    }
  });
  return reports;
}

function checkEntry(
  entry: JsonValue,
  path: PathSegment[],
  index: number,
  context: HooksCheckContext,
): LibraryReport {
  const report: LibraryReport = {
    index,
    path,
    library: undefined,
    definition: undefined,
    parametersChecked: false,
  };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    context.report({
      code: 'wrong-type',
      message: `hooks-libraries entries must be maps such as { "library": "/path/lib.so" }, not ${kindOf(entry)}`,
      keaMessage:
        'hooks library configuration error: one or more entries in the hooks-libraries list is not a map',
      path,
    });
    return report;
  }
  for (const key of Object.keys(entry)) {
    if (key === 'library' || key === 'parameters') continue;
    context.report({
      code: 'unknown-keyword',
      message: `'${key}' is not allowed in a hooks-libraries entry: Kea takes only 'library' and 'parameters'${key === 'comment' || key === 'user-context' ? ' here (notes can go inside parameters)' : ''}`,
      keaMessage: `got unexpected keyword "${key}" in hooks-libraries map.`,
      path: [...path, key],
      atKey: true,
    });
  }
  const library = entry['library'];
  if (library === undefined) {
    context.report({
      code: 'missing-keyword',
      message: "this hooks-libraries entry has no 'library': name the library file to load",
      keaMessage: "missing parameter 'library'",
      path,
    });
  } else if (typeof library !== 'string') {
    context.report({
      code: 'hooks-library',
      message: `'library' must be a string (the path of the library file), not ${kindOf(library)}`,
      keaMessage:
        "hooks library configuration error: value of 'library' element is not a string giving the path to a hooks library",
      path: [...path, 'library'],
    });
  } else if (library.replace(/"/g, '').trim() === '') {
    context.report({
      code: 'hooks-library',
      message: "'library' is blank: give the path of the library file",
      keaMessage: "hooks library configuration error: value of 'library' element must not be blank",
      path: [...path, 'library'],
    });
  } else {
    report.library = library.replace(/"/g, '').trim();
    checkLibraryPath(report.library, [...path, 'library'], context);
  }
  const parameters = entry['parameters'];
  if (
    parameters !== undefined &&
    (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
  ) {
    context.report({
      code: 'wrong-type',
      message: `'parameters' must be a map ({ … }), not ${kindOf(parameters)}`,
      keaMessage: `syntax error, unexpected ${bisonToken(parameters)}, expecting {`,
      path: [...path, 'parameters'],
    });
    return report;
  }
  if (report.library === undefined) return report;
  const definition = context.registry.lookup(report.library);
  report.definition = definition;
  if (definition === undefined) return report;
  report.parametersChecked = true;
  context.checkParameters(
    definition,
    parameters ?? {},
    [...path, 'parameters'],
    parameters === undefined,
    context.report,
  );
  if (!definition.daemons.includes(context.daemon)) {
    context.report({
      severity: 'warning',
      code: 'hooks-library',
      message: `${definition.fileName} is made for ${definition.daemons.join(' and ')}, not ${context.daemon}`,
      path: [...path, 'library'],
    });
  }
  if (context.multiThreading && !definition.multiThreadingCompatible) {
    const v22 = context.version.profile === 'v22';
    context.report({
      severity: v22 ? 'warning' : 'error',
      code: 'multi-threading',
      phase: 'load',
      message: v22
        ? `${definition.fileName} is not multi-threading compatible and multi-threading is enabled: Kea 2.2 lets it load at first start (the process is still single-threaded) but rejects it on any reconfiguration`
        : `${definition.fileName} is not multi-threading compatible, and multi-threading is enabled (the default since Kea 2.3.5): Kea refuses to load it; set multi-threading.enable-multi-threading to false or drop the library`,
      keaMessage: `HOOKS_LIBRARY_MULTI_THREADING_NOT_COMPATIBLE hooks library ${report.library} is not compatible with multi-threading`,
      path: [...path, 'library'],
    });
  }
  return report;
}

function checkLibraryPath(library: string, path: PathSegment[], context: HooksCheckContext): void {
  if (!context.version.restrictedLibraryPaths && !library.startsWith('/')) {
    context.report({
      severity: 'warning',
      code: 'library-path',
      message: `'${library}' is not an absolute path: Kea 2.2 passes it to dlopen() unchanged, which does not look in Kea's hooks directory, so it usually fails to open (HOOKS_OPEN_ERROR)`,
      path,
    });
  }
  if (
    context.version.restrictedLibraryPaths &&
    library.startsWith('/') &&
    !library.includes('/kea/hooks/')
  ) {
    context.report({
      severity: 'warning',
      code: 'library-path',
      message: `Kea 3.x loads hooks libraries only from its hooks directory; '${library}' looks outside it. Give the bare file name (e.g. ${library.slice(library.lastIndexOf('/') + 1)})`,
      path,
    });
  }
}

export function kindOf(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'nothing';
}

/** The token name Kea's bison grammar prints for a value's first token. */
export function bisonToken(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[';
  if (typeof value === 'object') return '{';
  if (typeof value === 'string') return 'constant string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'floating point';
  return 'boolean';
}
