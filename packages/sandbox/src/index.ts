export { compileLibrary, LibraryCompileError, type ModuleMap } from './compileLibrary';
export { createDefaultRuntime } from './createDefaultRuntime';
export { createSandboxSrcdoc, frameHostMain, SANDBOX_CSP } from './frameHost';
export { parseConfigText } from './parseConfigText';
export {
  assertUnreachable,
  type CommandAnswerView,
  DEFAULT_LIMITS,
  type FrameToPage,
  type FrameToWorker,
  type HookEvent,
  isFrameToPage,
  type LogLine,
  type PageToFrame,
  type RunBatch,
  type RunFailure,
  type RunLimits,
  type RunRequest,
  type RunStep,
  type RunSummary,
  type ServerFamily,
  type SourceLibrary,
  type StepOutcome,
  type VirtualFile,
  type WorkerToFrame,
} from './protocol';
export { type CollectedRun, runCollected } from './runCollected';
export { bytesToHex, hexToBytes, type RunWorkspaceOptions, runWorkspace } from './runWorkspace';
export type {
  RuntimeLogRecord,
  RuntimeObserver,
  RuntimeServer,
  RuntimeServerOptions,
  SandboxRuntime,
} from './sandboxRuntime';
export { startSandboxWorker, type WorkerScope } from './startSandboxWorker';
