// The public API of @hookscope/engine (contract: shared/design/engine-api.md).

export { CalloutHandle } from './calloutHandle';
export type { CalloutEntry } from './calloutManager';
export {
  ArgumentTypeMismatch,
  DuplicateHook,
  HooksError,
  InvalidHooksLibraries,
  InvalidOperation,
  LibrariesStillOpened,
  NoSuchArgument,
  NoSuchCalloutContext,
  NoSuchHook,
  NoSuchLibrary,
} from './hooksErrors';
export type { HooksLogger, HooksLogRecord } from './hooksLog';
export { fillTemplate } from './hooksLog';
export type { HooksManagerOptions } from './hooksManager';
export { HooksManager } from './hooksManager';
export type { HooksMessage, HooksMessageId, HooksSeverity } from './hooksMessages';
export {
  HOOKS_DBG_CALLS,
  HOOKS_DBG_EXTENDED_CALLS,
  HOOKS_DBG_TRACE,
  HOOKS_MESSAGES,
} from './hooksMessages';
export type { CalloutOutcome, HooksObserver } from './hooksObserver';
export type { HooksBehaviour, KeaRelease } from './keaVersion';
export {
  compareKeaVersions,
  getHooksBehaviour,
  hooksVersionOf,
  INT_MAX,
  KEA_HOOKS_VERSION,
  NEWEST_KEA_VERSION,
  parseKeaVersion,
} from './keaVersion';
export { LibraryHandle } from './libraryHandle';
export type { Callout, HookLibraryInfo, LibraryModule, LibraryResolver } from './libraryModule';
export type { LogMessages } from './logger';
export { Logger } from './logger';
export { NextStep } from './nextStep';
export { ParkingLot, ParkingLotHandle, ParkingLots } from './parkingLots';
export { ServerHooks } from './serverHooks';
export type { TaggedValue, TypeConstructor, TypeExpectation } from './typeTag';
export { expectedTag, typeTagOf } from './typeTag';
