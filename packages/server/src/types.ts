import type {
  CalloutHandle,
  HookLibraryInfo,
  HooksLogger,
  HooksObserver,
  LibraryResolver,
} from '@hookscope/engine';

/** Where a packet came from, as the server's socket would report it. All optional. */
export interface PacketMeta {
  remoteAddress?: string;
  remotePort?: number;
  localAddress?: string;
  localPort?: number;
  iface?: string;
  ifindex?: number;
  remoteHWAddr?: string;
  localHWAddr?: string;
}

/** A datagram the server sent: its UDP payload and where it went. */
export interface SentPacket {
  bytes: Uint8Array;
  remoteAddress: string;
  remotePort: number;
  localAddress: string;
  localPort: number;
  iface: string;
}

/** Kea's control-channel answer. `result`: 0 success, 1 error, 2 unsupported, 3 empty. */
export interface CommandAnswer {
  result: number;
  text?: string;
  arguments?: unknown;
}

export interface ControlCommand {
  command: string;
  arguments?: unknown;
  service?: string[];
}

/** A lease as `leases()` shows it (Kea's lease4-get / lease6-get names). */
export interface LeaseView {
  type: 'V4' | 'IA_NA' | 'IA_TA' | 'IA_PD';
  address: string;
  prefixLength?: number;
  subnetId: number;
  hwaddr?: string;
  clientId?: string;
  duid?: string;
  iaid?: number;
  validLifetime: number;
  preferredLifetime?: number;
  cltt: number;
  state: number;
  stateName: string;
  hostname: string;
}

/** What kind of work a callout handle belongs to (trace-format.md `requests[].kind`). */
export type RequestKind = 'packet' | 'command' | 'timer' | 'config';

/**
 * The engine's observer, plus what only the server knows: when a request (a packet, a command,
 * a timer run, a configuration) starts and ends, hook points reached without callouts (Kea's
 * `calloutsPresent` guard skips them), parking, commands, responses and file writes. The
 * signatures are those of `@hookscope/trace`'s TraceRecorder, so a recorder can be passed as is;
 * every method is optional.
 */
export interface ServerObserver extends HooksObserver {
  bindServerHooks?(serverHooks: { getName(index: number): string }): void;
  setLibraries?(libraries: readonly HookLibraryInfo[]): void;
  beginRequest?(kind: RequestKind, summary: string): number;
  endRequest?(): void;
  hookWithoutCallouts?(hook: string, handle?: CalloutHandle): void;
  park?(hook: string, handle?: CalloutHandle): void;
  unpark?(hook: string, handle?: CalloutHandle): void;
  command?(command: string, commandArguments?: unknown): void;
  response?(response: unknown): void;
  fileWrite?(path: string, mode: 'append' | 'write', data: string): void;
  /** A query the server dropped by itself (parse failure, message checks, DROP class). */
  drop?(reason: string): void;
}

export interface CreateServerOptions {
  /** Maps each hooks-libraries path to a module; unresolved paths fail like a missing .so. */
  resolveLibrary: LibraryResolver;
  observer?: ServerObserver;
  logger?: HooksLogger;
  /** Behave as this Kea release (default: the newest the reference describes). */
  keaVersion?: string;
  /** Clock in milliseconds (default Date.now). Lease times are its seconds. */
  now?: () => number;
  /** Responses released later by an unparked callout are passed here as they go out. */
  onUnparkedResponse?: (sent: SentPacket) => void;
  /** The server's own address on the link (DHCPv4 server identifier); default the subnet's first host. */
  serverAddress?: string;
}

export interface SimServer {
  readonly family: 'dhcp4' | 'dhcp6';
  readonly keaVersion: string;
  /** As config-set: parses, validates, commits, loads libraries, fires dhcpX_srv_configured. */
  configure(config: unknown): CommandAnswer;
  /** Processes one query datagram; returns the bytes sent back (none when dropped or parked). */
  receive(packet: Uint8Array, meta?: PacketMeta): Uint8Array[];
  /** As receive, with the destination of each datagram. */
  receiveDetailed(packet: Uint8Array, meta?: PacketMeta): SentPacket[];
  command(cmd: ControlCommand): CommandAnswer;
  leases(): LeaseView[];
  /** Hook name of an index (for observers, which get indexes). */
  hookName(index: number): string;
  /**
   * The clock moved on by `seconds` (the server's own clock moves only when no `now` option was
   * given): runs the timers that came due (lease reclamation, reclaimed-lease flush).
   */
  advance(seconds: number): void;
  /** Runs the timers due at the current clock, without moving it. */
  runTimers(): void;
  /** Responses sent since the last call by queries that were parked and later unparked. */
  drainUnparked(): SentPacket[];
  /** Statistics, by Kea's names. */
  statistic(name: string): number;
  /** Files written through config-write, by path. */
  files(): { path: string; text: string }[];
  /** Unloads the libraries (as Kea on SIGTERM); the server answers nothing afterwards. */
  shutdown(): void;
}
