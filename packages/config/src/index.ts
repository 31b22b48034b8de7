export { bisonToken, type LibraryReport } from './checkHooksLibraries';
export {
  applyTextEdits,
  insertLibraryEdits,
  type LibraryEntry,
  maskKeaSyntax,
  moveLibraryEdits,
  removeLibraryEdits,
  setLibraryEdits,
  setParameterEdits,
  setValueEdits,
  type TextEdit,
} from './configEdits';
export { type ConfigDocument, createConfigDocument, type TextChange } from './createConfigDocument';
export {
  type ConfigValidator,
  createConfigValidator,
  type ValidateOptions,
  type ValidationResult,
} from './createConfigValidator';
export type { ConfigDiagnostic, DiagnosticCode, QuickFix } from './diagnostic';
export { formatPath, type JsonValue, type PathSegment } from './jsonPath';
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
export { type Location, locate, pathOfContainer } from './locate';
export { type PathAtOffset, pathAt } from './pathAt';
export {
  type ConfigIndex,
  type DuplicateKey,
  type IncludeSite,
  type ParseOptions,
  type ScanResult,
  type SyntaxProblem,
  scanKeaConfig,
} from './scanKeaConfig';
export { buildSchema, type JsonSchema } from './schema/buildSchema';
export { describeKey, type KeyInfo, keysAt } from './schema/describeKey';
export { ELEMENT_DESCRIPTIONS, KEY_DESCRIPTIONS } from './schema/keyDescriptions';
export { type KeySpec, MAPS, type MapKind, TOP_LEVEL_ELEMENTS } from './schema/keyTable';
export { allowedKeysAt, kindAt } from './schema/kindAt';
