export { bisonToken, type LibraryReport } from './checkHooksLibraries';
export {
  type ConfigNode,
  findNode,
  formatPath,
  type JsonValue,
  type PathSegment,
  type PropertyNode,
} from './configNode';
export {
  type ConfigValidator,
  createConfigValidator,
  type ValidateOptions,
  type ValidationResult,
} from './createConfigValidator';
export type { ConfigDiagnostic, DiagnosticCode } from './diagnostic';
export { KEA_LIBRARIES } from './keaLibraries';
export {
  type KeaVersionInfo,
  NEWEST_KEA_VERSION,
  resolveKeaVersion,
  SUPPORTED_KEA_VERSIONS,
} from './keaVersion';
export {
  createLibraryRegistry,
  type KeaDaemon,
  type LibraryDefinition,
  type LibraryRegistry,
  libraryFileName,
} from './libraryRegistry';
export { LineIndex, type TextPosition } from './lineIndex';
export {
  type ParseOptions,
  type ParseResult,
  parseKeaConfig,
  type SyntaxProblem,
} from './parseKeaConfig';
export { buildSchema, type JsonSchema } from './schema/buildSchema';
export { ELEMENT_DESCRIPTIONS, KEY_DESCRIPTIONS } from './schema/keyDescriptions';
export { type KeySpec, MAPS, type MapKind, TOP_LEVEL_ELEMENTS } from './schema/keyTable';
export { kindAt } from './schema/kindAt';
