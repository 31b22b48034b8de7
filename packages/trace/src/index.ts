export type { TraceColumns, TraceIndex } from './buildTraceIndex';
export {
  buildTraceIndex,
  CalloutFlag,
  findCalloutBySeq,
  getCalloutEvent,
  getCalloutFlags,
} from './buildTraceIndex';
export type { TraceDifference, TraceDifferenceKind } from './compareTraces';
export { compareTraces } from './compareTraces';
export type {
  SnapshotSerializer,
  SnapshotSerializerOptions,
  TagView,
} from './createSnapshotSerializer';
export { createSnapshotSerializer } from './createSnapshotSerializer';
export type { SyntheticTraceOptions } from './createSyntheticTrace';
export { createSyntheticTrace } from './createSyntheticTrace';
export type { TraceRecorder, TraceRecorderOptions } from './createTraceRecorder';
export { createTraceRecorder } from './createTraceRecorder';
export type { SnapshotChange } from './diffSnapshots';
export { diffSnapshots, diffValues, formatChangePath } from './diffSnapshots';
export type { CalloutDetail } from './getCalloutDetail';
export { getCalloutDetail, getRequestEvents } from './getCalloutDetail';
export type {
  CalloutBadge,
  RequestOverviewEntry,
  RequestTimeline,
  StatusName,
  TimelineCell,
  TimelineColumn,
  TimelineRow,
} from './getRequestTimeline';
export {
  getCalloutBadges,
  getRequestOverview,
  getRequestTimeline,
  STATUS_NAMES,
  statusName,
} from './getRequestTimeline';
export { toHex } from './hex';
export type { ImportKeaRecordingOptions } from './importKeaRecording';
export { importKeaRecording } from './importKeaRecording';
export { jsonEqual, snapshotEqual, snapshotMapEqual } from './jsonEqual';
export { optionsView, packetJsonView } from './packetJsonView';
export type { ReadTraceResult } from './readTrace';
export { readTrace } from './readTrace';
export { guessRequestKind } from './requestTracker';
export type { StepKey } from './stepKey';
export {
  findStep,
  formatBreakpoints,
  formatStepKey,
  getStepKey,
  parseBreakpoints,
  parseStepKey,
} from './stepKey';
export type { Breakpoint } from './stepping';
export {
  firstCalloutOfRequest,
  matchesBreakpoint,
  nextCallout,
  nextHook,
  nextRequest,
  previousCallout,
  previousHook,
  previousRequest,
  runToBreakpoint,
} from './stepping';
export { tagOf } from './tagOf';
export type { CalloutLabel } from './traceColumns';
export { getCalloutLabel, getRequest, getTraceColumns } from './traceColumns';
export type { BeforeAfterRefs, SnapshotRefMap, TraceFileV2 } from './traceFileV2';
export { TRACE_FILE_VERSION_2 } from './traceFileV2';
export type {
  BeforeAfter,
  CalloutEvent,
  CommandEvent,
  DropEvent,
  FileWriteEvent,
  HookEndEvent,
  HookStartEvent,
  JsonObject,
  JsonValue,
  LogEvent,
  LogSeverity,
  OpaqueSnapshot,
  ParkEvent,
  RequestKind,
  ResponseEvent,
  ShownSnapshot,
  Snapshot,
  SnapshotMap,
  StatusNumber,
  ThrownError,
  TraceDocument,
  TraceEvent,
  TraceEventType,
  TraceLibrary,
  TraceRequest,
  TraceSource,
  UnparkEvent,
} from './types';
export {
  assertUnreachable,
  REQUEST_KINDS,
  TRACE_EVENT_TYPES,
  TRACE_FORMAT,
  TRACE_VERSION,
} from './types';
export type { WriteTraceOptions } from './writeTrace';
export { writeTrace } from './writeTrace';
