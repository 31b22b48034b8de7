/**
 * The recording library: the TypeScript twin of the oracle's `recorder.cc` that produced the
 * real Kea traces in shared/corpora/kea-real-traces. Registers one standard-named callout per
 * hook point of both families (the engine registers those the server knows), records for
 * each call the hook, library index, handle id, status on entry, argument names and their type
 * tags, and returns 0 without touching anything except the status named by its `set_status`
 * parameter (`{"pkt4_send": "skip"}`). It also registers the `recorder-echo` command. `load()`
 * fails without an `output` string parameter, as the original does. Nothing is written to disk:
 * lines are kept in `lines` (and passed to `sink` when given).
 *
 * Shared state: one module object is one "dlopen": listing the same module twice in
 * hooks-libraries shares its lines and its handle counter, as the same .so listed twice does.
 */
import type { CalloutHandle, LibraryHandle, LibraryModule } from '@hookscope/engine';

export type RecorderLine =
  | { seq: number; event: 'load'; tag: string; parameters: Record<string, unknown> | undefined }
  | { seq: number; event: 'unload'; tag: string }
  | {
      seq: number;
      event: 'callout';
      tag: string;
      hook: string;
      library_index: number;
      handle_id: number;
      status: number;
      arguments: string[];
      types: Record<string, string>;
      set_status?: number;
    };

export interface RecorderOptions {
  /** Every line as it is recorded. */
  sink?: (line: RecorderLine) => void;
  /** What `version()` returns: the hooks version it was "built" against (default 20200, Kea 2.2.0). */
  hooksVersion?: number;
  /** Type tags tried, in order, to learn an argument's tag under the exact-type rule. */
  candidateTags?: readonly string[];
}

/** Hook points the recorder has a callout for: Kea 2.2's, both families, plus newer ones. */
export const RECORDED_HOOKS: readonly string[] = [
  'context_create',
  'context_destroy',
  'command_processed',
  'buffer4_receive',
  'pkt4_receive',
  'subnet4_select',
  'host4_identifier',
  'ddns4_update',
  'lease4_select',
  'lease4_renew',
  'lease4_release',
  'lease4_decline',
  'lease4_offer',
  'lease4_server_decline',
  'leases4_committed',
  'pkt4_send',
  'buffer4_send',
  'lease4_expire',
  'lease4_recover',
  'dhcp4_srv_configured',
  'cb4_updated',
  'buffer6_receive',
  'pkt6_receive',
  'subnet6_select',
  'host6_identifier',
  'ddns6_update',
  'lease6_select',
  'lease6_renew',
  'lease6_rebind',
  'lease6_release',
  'lease6_decline',
  'addr6_register',
  'leases6_committed',
  'pkt6_send',
  'buffer6_send',
  'lease6_expire',
  'lease6_recover',
  'dhcp6_srv_configured',
  'cb6_updated',
];

/** The C++ type names the simulated servers tag their arguments with. */
export const RECORDER_CANDIDATE_TAGS: readonly string[] = [
  'isc::dhcp::Pkt4Ptr',
  'isc::dhcp::Pkt6Ptr',
  'isc::dhcp::Subnet4Ptr',
  'isc::dhcp::ConstSubnet4Ptr',
  'isc::dhcp::Subnet6Ptr',
  'isc::dhcp::ConstSubnet6Ptr',
  'const isc::dhcp::Subnet4Collection*',
  'const isc::dhcp::Subnet6Collection*',
  'isc::dhcp::Lease4Ptr',
  'isc::dhcp::Lease6Ptr',
  'isc::dhcp::Lease4CollectionPtr',
  'isc::dhcp::Lease6CollectionPtr',
  'isc::dhcp::ClientIdPtr',
  'isc::dhcp::HWAddrPtr',
  'isc::dhcp::Option6IAPtr',
  'isc::dhcp::DdnsParamsPtr',
  'isc::dhcp::Host::IdentifierType',
  'std::vector<uint8_t>',
  'std::string',
  'bool',
  'uint32_t',
  'isc::data::ConstElementPtr',
  'isc::asiolink::IOServicePtr',
  'isc::dhcp::NetworkStatePtr',
  'isc::dhcp::SrvConfigPtr',
  'isc::dhcp::ConstHostPtr',
  'isc::asiolink::IOAddress',
  'isc::db::AuditEntryCollectionPtr',
];

/** Gives a callout its hook's name, as the C++ recorder's functions are named (logs show it). */
function named<T extends (handle: CalloutHandle) => number>(name: string, fn: T): T {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

const STATUS_BY_NAME: Record<string, number> = { continue: 0, skip: 1, drop: 2, park: 3 };

export interface RecorderLibrary extends LibraryModule {
  readonly lines: RecorderLine[];
}

/** A new recorder module: each call is one separate "shared object". */
export function createRecorderLibrary(options: RecorderOptions = {}): RecorderLibrary {
  const lines: RecorderLine[] = [];
  const candidates = options.candidateTags ?? RECORDER_CANDIDATE_TAGS;
  let seq = 0;
  let tag = '';
  let setStatus: Record<string, number> = {};
  let nextHandleId = 1;

  const push = (line: RecorderLine) => {
    lines.push(line);
    options.sink?.(line);
  };

  const tagOf = (handle: CalloutHandle, name: string): string => {
    // the engine tells the tag directly when it can; otherwise probe as C++ code would
    const direct = (
      handle as { getArgumentTag?: (n: string) => string | undefined }
    ).getArgumentTag?.(name);
    if (direct !== undefined) return direct;
    for (const candidate of candidates) {
      try {
        handle.getArgument(name, candidate);
        return candidate;
      } catch {
        // not this type: try the next one (the recorder in C++ does the same with any_cast)
      }
    }
    return 'unknown';
  };

  const record = (hook: string) =>
    named(hook, (handle: CalloutHandle): number => {
      if (hook === 'context_create') handle.setContext('handle_id', nextHandleId++);
      let handleId = 0;
      try {
        handleId = handle.getContext<number>('handle_id');
      } catch {
        // a handle created before this library was loaded has no id
      }
      const names = handle.getArgumentNames();
      const types: Record<string, string> = {};
      for (const name of names) types[name] = tagOf(handle, name);
      const line: RecorderLine = {
        seq: ++seq,
        event: 'callout',
        tag,
        hook,
        library_index: handle.getCurrentLibrary(),
        handle_id: handleId,
        status: handle.getStatus(),
        arguments: names,
        types,
      };
      const wanted = setStatus[line.hook];
      if (wanted !== undefined) {
        handle.setStatus(wanted);
        line.set_status = wanted;
      }
      push(line);
      return 0;
    });

  const module: RecorderLibrary = {
    lines,
    version: () => options.hooksVersion ?? 20200,
    load(libraryHandle: LibraryHandle): number {
      const output = libraryHandle.getParameter('output');
      if (typeof output !== 'string') return 1;
      const tagParameter = libraryHandle.getParameter('tag');
      tag = typeof tagParameter === 'string' ? tagParameter : 'rec';
      setStatus = {};
      const wanted = libraryHandle.getParameter('set_status');
      if (wanted && typeof wanted === 'object') {
        for (const [hook, name] of Object.entries(wanted as Record<string, unknown>)) {
          const status = STATUS_BY_NAME[String(name)];
          if (status !== undefined) setStatus[hook] = status;
        }
      }
      nextHandleId = 1;
      const echoTag = tag;
      libraryHandle.registerCommandCallout('recorder-echo', (handle: CalloutHandle) => {
        record('$recorder_echo')(handle);
        handle.setArgument(
          'response',
          { result: 0, text: `recorder-echo from ${echoTag}` },
          'isc::data::ConstElementPtr',
        );
        return 0;
      });
      push({ seq: ++seq, event: 'load', tag, parameters: libraryHandle.getParameters() });
      return 0;
    },
    unload(): number {
      push({ seq: ++seq, event: 'unload', tag });
      return 0;
    },
    multi_threading_compatible: () => 1,
  };
  for (const hook of RECORDED_HOOKS) module[hook] = record(hook);
  return module;
}
