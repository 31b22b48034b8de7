import { Ajv, type ValidateFunction } from 'ajv';
import { checkHooksLibraries, type LibraryReport } from './checkHooksLibraries';
import { checkDuplicateKeys, checkLoggers } from './checkStructure';
import { checkSubnets, createSubnetCache } from './checkSubnets';
import { type ConfigDiagnostic, type DiagnosticInput, DiagnosticLocator } from './diagnostic';
import type { JsonValue, PathSegment } from './jsonPath';
import { KEA_LIBRARIES } from './keaLibraries';
import {
  type KeaVersionInfo,
  resolveKeaVersion,
  type SchemaProfile,
  SUPPORTED_KEA_VERSIONS,
} from './keaVersion';
import { createLibraryRegistry, type KeaDaemon, type LibraryRegistry } from './libraryRegistry';
import { createParameterChecker } from './parameterChecker';
import { type ParseOptions, type ScanResult, scanKeaConfig } from './scanKeaConfig';
import { buildSchema, type JsonSchema } from './schema/buildSchema';
import { TOP_LEVEL_ELEMENTS } from './schema/keyTable';
import { allowedKeysAt, otherVersionNote } from './schema/kindAt';
import { schemaErrorToDiagnostic } from './schemaErrors';

export interface ValidateOptions extends ParseOptions {
  /** Target Kea version, e.g. "2.2" or "3.3.1". Default: the newest supported. */
  keaVersion?: string;
  /** Also report what only a real start finds (library parameters). Default true. */
  includeLoadPhase?: boolean;
}

export interface ValidationResult {
  /** No error-severity diagnostics. */
  ok: boolean;
  errors: ConfigDiagnostic[];
  warnings: ConfigDiagnostic[];
  /** The resolved target version; undefined when the requested one is unsupported. */
  version: KeaVersionInfo | undefined;
  /** One report per hooks-libraries entry of every element, in order. */
  libraries: LibraryReport[];
  /** The scan the result is based on: index for positions, value, included texts. */
  scan: ScanResult;
}

export interface ConfigValidator {
  /** Parses and validates config text. Pure apart from caches; never throws on bad input. */
  validate(text: string, options?: ValidateOptions): ValidationResult;
  /** Validates an existing scan (the incremental path re-uses scans). */
  validateScanned(scan: ScanResult, options?: ValidateOptions): ValidationResult;
  /** The JSON Schema of a whole config for a version (for editors). */
  schema(keaVersion?: string): JsonSchema | undefined;
  readonly registry: LibraryRegistry;
}

const MAX_DIAGNOSTICS = 1000;
const DAEMONS: Record<string, KeaDaemon> = {
  Dhcp4: 'dhcp4',
  Dhcp6: 'dhcp6',
  'Control-agent': 'ctrl-agent',
  DhcpDdns: 'd2',
};

/**
 * Creates a validator with its own Ajv instance, compiled schemas and library registry
 * (default: Kea's libraries; register more through `registry`). Create one per worker.
 */
export function createConfigValidator(
  registry: LibraryRegistry = createLibraryRegistry(KEA_LIBRARIES),
): ConfigValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schemas = new Map<SchemaProfile, { schema: JsonSchema; validate: ValidateFunction }>();
  const checkParameters = createParameterChecker(ajv);
  const subnetCache = createSubnetCache();

  const compiled = (profile: SchemaProfile) => {
    let entry = schemas.get(profile);
    if (entry === undefined) {
      const schema = buildSchema(profile);
      entry = { schema, validate: ajv.compile(schema) };
      schemas.set(profile, entry);
    }
    return entry;
  };

  const validateScanned = (scan: ScanResult, options: ValidateOptions = {}): ValidationResult => {
    const version = resolveKeaVersion(options.keaVersion);
    const locator = new DiagnosticLocator(scan.index, scan.includedTexts);
    const diagnostics: ConfigDiagnostic[] = [];
    const libraries: LibraryReport[] = [];
    const report = (input: DiagnosticInput): void => {
      if (diagnostics.length >= MAX_DIAGNOSTICS) return;
      if (input.phase === 'load' && options.includeLoadPhase === false) return;
      diagnostics.push(locator.create(input));
    };
    for (const error of scan.errors) {
      diagnostics.push(
        locator.at(
          { code: error.expected.length ? 'syntax' : 'include', message: error.message, path: [] },
          error.offset,
          error.length,
          error.file,
        ),
      );
    }
    const top = scan.value;
    if (version === undefined) {
      report({
        code: 'unsupported-version',
        message: `Kea version '${options.keaVersion}' is not supported; choose one of ${SUPPORTED_KEA_VERSIONS.join(', ')}`,
        path: [],
      });
    } else if (top !== undefined && scan.errors.length === 0) {
      checkValue(top, version, compiled(version.profile).validate, report);
      diagnostics.push(...checkDuplicateKeys(scan.index, locator));
      if (top !== null && typeof top === 'object' && !Array.isArray(top)) {
        for (const [name, element] of Object.entries(top)) {
          const daemon = DAEMONS[name];
          if (
            daemon === undefined ||
            element === null ||
            typeof element !== 'object' ||
            Array.isArray(element)
          )
            continue;
          const path: PathSegment[] = [name];
          const hooks = element['hooks-libraries'];
          if (hooks !== undefined) {
            const multiThreading = multiThreadingEnabled(element['multi-threading'], version);
            libraries.push(
              ...checkHooksLibraries(hooks, {
                elementPath: path,
                daemon,
                version,
                multiThreading,
                registry,
                checkParameters,
                report,
              }),
            );
          }
          // The agent and D2 (process framework) insist on name and severity; the DHCP
          // servers default them (Kea 2.2 accepts a Dhcp4 logger without severity).
          if (daemon === 'ctrl-agent' || daemon === 'd2') {
            checkLoggers(element['loggers'], [name, 'loggers'], report);
          }
          if (daemon === 'dhcp4' || daemon === 'dhcp6') {
            checkSubnets(element, path, daemon === 'dhcp4' ? 4 : 6, report, subnetCache);
          }
        }
      }
    }
    diagnostics.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.offset - b.offset);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    return { ok: errors.length === 0, errors, warnings, version, libraries, scan };
  };

  return {
    registry,
    validateScanned,
    validate(text, options = {}) {
      return validateScanned(scanKeaConfig(text, options), options);
    },
    schema(keaVersion) {
      const version = resolveKeaVersion(keaVersion);
      return version === undefined ? undefined : compiled(version.profile).schema;
    },
  };
}

function checkValue(
  value: JsonValue,
  version: KeaVersionInfo,
  validate: ValidateFunction,
  report: (input: DiagnosticInput) => void,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report({
      code: 'wrong-type',
      message: 'a Kea config is a map such as { "Dhcp4": { … } }',
      path: [],
    });
    return;
  }
  const elements = Object.keys(value);
  for (const name of elements) {
    if (!(name in TOP_LEVEL_ELEMENTS)) {
      report({
        severity: 'warning',
        code: 'unknown-element',
        message: `'${name}' is not a Kea element (${Object.keys(TOP_LEVEL_ELEMENTS).join(', ')}); Kea's servers ignore or reject it`,
        path: [name],
        atKey: true,
      });
    }
  }
  if (validate(value)) return;
  const profile = version.profile;
  for (const error of validate.errors ?? []) {
    const input = schemaErrorToDiagnostic(error, value, [], {
      allowedKeys: (path) => allowedKeysAt(path, profile),
      otherVersionNote: (path, key) => otherVersionNote(path, key, profile),
    });
    // hooks-libraries entries get Kea's HooksLibrariesParser treatment instead.
    const hooksAt = input.path.indexOf('hooks-libraries');
    if (
      hooksAt !== -1 &&
      hooksAt < input.path.length - (error.keyword === 'additionalProperties' ? 1 : 0)
    )
      continue;
    report(input);
  }
}

function multiThreadingEnabled(settings: JsonValue | undefined, version: KeaVersionInfo): boolean {
  if (settings !== null && typeof settings === 'object' && !Array.isArray(settings)) {
    const flag = settings['enable-multi-threading'];
    if (typeof flag === 'boolean') return flag;
  }
  return version.multiThreadingDefault;
}
