export {
  BUILTIN_LIBRARIES,
  type BuiltinResolverOptions,
  createBuiltinResolver,
  getBuiltinLibrary,
  getBuiltinLibraryDefinitions,
} from './builtinLibraries';
export { createDiagnosticsLibrary, diagnosticsLibrary } from './commands/diagnosticsLibrary';
export {
  createSameKeyLibrary,
  SAME_KEY_LOG_PATH,
  sameKeyLibrary,
} from './contextKey/sameKeyLibrary';
export {
  CONTEXT_LIFECYCLE_LOG_PATH,
  contextLifecycleLibrary,
  createContextLifecycleLibrary,
  RequestNotes,
} from './contextLifecycle/contextLifecycleLibrary';
export {
  createVirtualFiles,
  normalizePath,
  type VirtualFiles,
  type VirtualFilesOptions,
  type VirtualFileWrite,
} from './createVirtualFiles';
export {
  createDataScopeServer,
  DATA_SCOPE_HOOKS,
  type DataScopeOutcome,
  type DataScopeServer,
  type DataScopeServerOptions,
} from './dataScope/createDataScopeServer';
export {
  createDataScopeLibrary1,
  createDataScopeLibrary2,
  dataScopeLibrary1,
  dataScopeLibrary2,
} from './dataScope/dataScopeLibraries';
export {
  createExactTypeLibrary,
  EXACT_TYPE_LOG_PATH,
  exactTypeLibrary,
} from './exactType/exactTypeLibrary';
export {
  createLoadTestWorkspace,
  type LoadTestOptions,
  loadTestHardwareAddress,
} from './examples/createLoadTestWorkspace';
export { type Dhcp4ConfigTextOptions, dhcp4ConfigText } from './examples/dhcp4ConfigText';
export {
  commandStep,
  discoverStep,
  type ExampleStep,
  requestStep,
} from './examples/examplePackets';
export {
  EXAMPLE_WORKSPACES,
  type ExampleWorkspace,
  getExampleWorkspace,
} from './examples/exampleWorkspaces';
export { parseConfigText } from './examples/parseConfigText';
export {
  type BuiltinLibrary,
  createLibraryEnvironment,
  type LibraryEnvironment,
  type LibraryEnvironmentOptions,
} from './libraryEnvironment';
export {
  createNotThreadSafeLibrary,
  notThreadSafeLibrary,
} from './multiThreading/notThreadSafeLibrary';
export { createDenyListLibrary, denyListLibrary } from './nextStep/denyListLibrary';
export { createFixedAddressLibrary, fixedAddressLibrary } from './nextStep/fixedAddressLibrary';
export {
  createNonStandardNamesLibrary,
  nonStandardNamesLibrary,
} from './nonStandard/nonStandardNamesLibrary';
export {
  createParametersLibrary,
  PARAMETERS_SUMMARY_PATH,
  parametersLibrary,
} from './parameters/parametersLibrary';
export {
  createRecorderLibrary,
  RECORDED_HOOKS,
  RECORDER_CANDIDATE_TAGS,
  type RecorderLibrary,
  type RecorderLine,
  type RecorderOptions,
} from './recorder/recorderLibrary';
export {
  createTutorialLibrary,
  hardwareAddressSum,
  TUTORIAL_LOG_PATH,
  tutorialLibrary,
} from './tutorial/tutorialLibrary';
