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
import { type MapKind, TOP_LEVEL_ELEMENTS } from './schema/keyTable';
import { allowedKeysAt, kindAt, otherVersionNote, renamedKeyword } from './schema/kindAt';
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
  /**
   * Internal, for the incremental path: the schema findings by JSON path, before positions
   * were attached, so an edit re-validates only the subtree it touched.
   */
  schemaFindings: readonly DiagnosticInput[];
}

/** What the incremental path tells the validator (createConfigDocument passes it). */
export interface Revalidation {
  previous: ValidationResult;
  /** JSON path of the only map or list whose content changed since `previous`. */
  changedPath: readonly PathSegment[];
}

export interface ConfigValidator {
  /** Parses and validates config text. Pure apart from caches; never throws on bad input. */
  validate(text: string, options?: ValidateOptions): ValidationResult;
  /**
   * Validates an existing scan (the incremental path re-uses scans). With `revalidation`, the
   * schema is only applied to the changed subtree; everything else is checked again in full.
   */
  validateScanned(
    scan: ScanResult,
    options?: ValidateOptions,
    revalidation?: Revalidation,
  ): ValidationResult;
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
  const subtreeValidators = new Map<string, ValidateFunction | undefined>();
  const subtreeValidator = (
    profile: SchemaProfile,
    kind: MapKind,
  ): ValidateFunction | undefined => {
    const key = `${profile}/${kind}`;
    if (!subtreeValidators.has(key)) {
      const id = compiled(profile).schema['$id'] as string;
      subtreeValidators.set(key, ajv.getSchema(`${id}#/definitions/${kind}`));
    }
    return subtreeValidators.get(key);
  };

  const schemaFindingsFor = (
    top: JsonValue,
    version: KeaVersionInfo,
    revalidation: Revalidation | undefined,
  ): DiagnosticInput[] => {
    const previous = revalidation?.previous;
    if (revalidation !== undefined && previous?.version?.profile === version.profile) {
      // The deepest map on the changed path whose kind the grammar knows.
      for (let depth = revalidation.changedPath.length; depth >= 1; depth--) {
        const base = revalidation.changedPath.slice(0, depth);
        const kind = kindAt(base);
        const validate = kind === undefined ? undefined : subtreeValidator(version.profile, kind);
        if (validate === undefined) continue;
        const kept = previous.schemaFindings.filter((f) => !startsWith(f.path, base));
        const value = valueAt(top, base);
        if (value === undefined) break;
        return [...kept, ...schemaFindings(value, base, version, validate)];
      }
    }
    return [
      ...topLevelFindings(top),
      ...schemaFindings(top, [], version, compiled(version.profile).validate),
    ];
  };

  const validateScanned = (
    scan: ScanResult,
    options: ValidateOptions = {},
    revalidation?: Revalidation,
  ): ValidationResult => {
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
    let findings: DiagnosticInput[] = [];
    if (version === undefined) {
      report({
        code: 'unsupported-version',
        message: `Kea version '${options.keaVersion}' is not supported; choose one of ${SUPPORTED_KEA_VERSIONS.join(', ')}`,
        path: [],
      });
    } else if (top !== undefined && scan.errors.length === 0) {
      findings = schemaFindingsFor(top, version, revalidation);
      for (const finding of findings) report(finding);
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
    return {
      ok: errors.length === 0,
      errors,
      warnings,
      version,
      libraries,
      scan,
      schemaFindings: findings,
    };
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

/** The file must be a map of known elements (unknown ones are warnings). */
function topLevelFindings(value: JsonValue): DiagnosticInput[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      { code: 'wrong-type', message: 'a Kea config is a map such as { "Dhcp4": { … } }', path: [] },
    ];
  }
  return Object.keys(value)
    .filter((name) => !(name in TOP_LEVEL_ELEMENTS))
    .map((name) => ({
      severity: 'warning',
      code: 'unknown-element',
      message: `'${name}' is not a Kea element (${Object.keys(TOP_LEVEL_ELEMENTS).join(', ')}); Kea's servers ignore or reject it`,
      path: [name],
      atKey: true,
    }));
}

/** Ajv's findings for `value` (at `base` in the config), in our words and Kea's. */
function schemaFindings(
  value: JsonValue,
  base: readonly PathSegment[],
  version: KeaVersionInfo,
  validate: ValidateFunction,
): DiagnosticInput[] {
  if (base.length === 0 && (value === null || typeof value !== 'object' || Array.isArray(value)))
    return [];
  if (validate(value)) return [];
  const profile = version.profile;
  const found: DiagnosticInput[] = [];
  for (const error of validate.errors ?? []) {
    const input = schemaErrorToDiagnostic(error, value, base, {
      allowedKeys: (path) => allowedKeysAt(path, profile),
      otherVersionNote: (path, key) => otherVersionNote(path, key, profile),
      renamedKeyword: (path, key) => renamedKeyword(path, key, profile),
    });
    // hooks-libraries entries get Kea's HooksLibrariesParser treatment instead.
    const hooksAt = input.path.indexOf('hooks-libraries');
    const last = input.path.length - (error.keyword === 'additionalProperties' ? 1 : 0);
    if (hooksAt !== -1 && hooksAt < last) continue;
    found.push(input);
  }
  return found;
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

function valueAt(root: JsonValue, path: readonly PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[segment as number] : value[segment as string];
  }
  return value;
}

function multiThreadingEnabled(settings: JsonValue | undefined, version: KeaVersionInfo): boolean {
  if (settings !== null && typeof settings === 'object' && !Array.isArray(settings)) {
    const flag = settings['enable-multi-threading'];
    if (typeof flag === 'boolean') return flag;
  }
  return version.multiThreadingDefault;
}
