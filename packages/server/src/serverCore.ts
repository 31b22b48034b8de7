import { type CalloutHandle, type HookLibraryInfo, ServerHooks } from '@hookscope/engine';
import { ConfigError } from './config/configHelpers';
import type { ServerConfig } from './config/configModel';
import { parseServerConfig } from './config/parseConfig';
import { builtinCommandNames } from './control/builtinCommands';
import { processCommand } from './control/processCommand';
import { CPP, subnet4Tag, subnet6Tag } from './cppTypes';
import { type CommonHooks, commonHooks } from './family';
import { hookNamesFor } from './hookNames';
import { HooksDriver } from './hooksDriver';
import { type KeaFeatures, keaFeatures, NEWEST_KEA_VERSION } from './keaVersion';
import { type MessageCatalogue, makeCatalogue } from './messages';
import { ServerLogger } from './serverLogger';
import { Stats, statisticsFor } from './stats';
import type {
  CommandAnswer,
  ControlCommand,
  CreateServerOptions,
  RequestKind,
  SentPacket,
} from './types';

/** The DHCP service state the dhcp-disable / dhcp-enable commands change (Kea's NetworkState). */
export class NetworkState {
  enabled = true;
  /** simulated-clock seconds when a `max-period` disable ends */
  reenableAt: number | undefined = undefined;
  toJSON(): Record<string, unknown> {
    return { 'dhcp-enabled': this.enabled };
  }
}

/**
 * What both simulated servers share: options, Kea release, clock, the hooks driver, logging,
 * statistics, the configuration and how it is applied. The family servers add packet
 * processing, leases and reclamation on top (`Dhcp4Server`, `Dhcp6Server`).
 */
export abstract class ServerCore {
  readonly features: KeaFeatures;
  readonly driver: HooksDriver;
  /** The hook points both families have, resolved once. */
  readonly common: CommonHooks;
  /** The C++ tag of subnet arguments under this release (Subnet4Ptr, ConstSubnet6Ptr, …). */
  readonly subnetTag: string;
  readonly log: ServerLogger;
  readonly messages: MessageCatalogue;
  readonly stats: Stats;
  readonly networkState = new NetworkState();
  /** The applied configuration; undefined until a configure succeeds. */
  config: ServerConfig | undefined;
  /** The last configuration given to configure(): config-reload applies it again. */
  configSource: unknown;
  readonly unparked: SentPacket[] = [];
  /** Handles of parked queries: released when their processing ends, not when receive returns. */
  readonly parkedHandles = new Set<CalloutHandle>();
  readonly writtenFiles = new Map<string, string>();
  protected isShutdown = false;
  private manualClock = 0;
  readonly startedAt: number;
  reloadCount = 0;

  constructor(
    readonly family: 'dhcp4' | 'dhcp6',
    readonly options: CreateServerOptions,
  ) {
    this.features = keaFeatures(options.keaVersion ?? NEWEST_KEA_VERSION);
    this.log = new ServerLogger(
      family === 'dhcp4' ? 'kea-dhcp4' : 'kea-dhcp6',
      options.logger,
      () => this.nowMs(),
    );
    this.messages = makeCatalogue(family);
    this.stats = new Stats(() => this.nowMs());
    for (const name of statisticsFor(family, this.features)) this.stats.set(name, 0);
    this.driver = new HooksDriver(hookNamesFor(family, this.features), options.observer, {
      resolveLibrary: options.resolveLibrary,
      logger: this.log,
      keaVersion: this.features.version,
    });
    this.common = commonHooks(this.driver, family === 'dhcp4' ? '4' : '6');
    this.subnetTag = family === 'dhcp4' ? subnet4Tag(this.features) : subnet6Tag(this.features);
    this.startedAt = this.nowMs();
  }

  /** The handle of the query being processed, released if processing throws. */
  protected openHandle: CalloutHandle | undefined;

  /** The query's handle, created (context_create) on first use. */
  handleOf(ex: { handle: CalloutHandle | undefined }): CalloutHandle {
    if (!ex.handle) {
      ex.handle = this.newHandle();
      this.openHandle = ex.handle;
    }
    return ex.handle;
  }

  get keaVersion(): string {
    return this.features.version;
  }

  nowMs(): number {
    return this.options.now ? this.options.now() : Date.now() + this.manualClock;
  }

  /** The clock in whole seconds, as lease times are kept. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  protected moveClock(seconds: number): void {
    if (!this.options.now) this.manualClock += seconds * 1000;
  }

  private readonly wanted = new Map<string, boolean>();

  /** Whether message `key` would be logged: hot paths ask first, so no text is built for nothing. */
  wants(key: string): boolean {
    let on = this.wanted.get(key);
    if (on === undefined) {
      const def = this.messages[key];
      on =
        def !== undefined &&
        this.log.enabled(`${this.log.root}.${def.logger}`, def.severity, def.level);
      this.wanted.set(key, on);
    }
    return on;
  }

  /** Logs a catalogue message (see messages.ts). */
  say(key: string, ...args: unknown[]): void {
    const def = this.messages[key];
    if (!def) throw new Error(`no message ${key}`);
    this.log.message(def.logger, def.severity, def.id, def.text, args, def.level);
  }

  beginRequest(kind: RequestKind, summary: string): void {
    this.options.observer?.beginRequest?.(kind, summary);
  }

  endRequest(): void {
    this.options.observer?.endRequest?.();
  }

  /** A handle for work outside packet processing (config, commands, timers). */
  newHandle(): CalloutHandle {
    return this.driver.manager.createCalloutHandle();
  }

  /** Family parts of configure: apply the parsed config (subnets, leases, timers). */
  protected abstract applyConfig(config: ServerConfig): void;

  /**
   * config-set / configure, in Kea's order: parse and check (a failure keeps the old
   * configuration), check the libraries (open, version, close), commit, load the libraries
   * (a failure leaves none loaded), then dhcpX_srv_configured on its own handle.
   */
  configureFrom(input: unknown, remember = true): CommandAnswer {
    if (this.isShutdown) return { result: 1, text: 'server is shutting down' };
    let parsed: ServerConfig;
    try {
      parsed = parseServerConfig(this.family, input, this.features);
    } catch (error) {
      const text = error instanceof ConfigError ? error.message : String(error);
      this.say('DHCPX_CONFIG_LOAD_FAIL', text);
      return { result: 1, text };
    }
    const failing = this.driver.manager.validateLibraries(
      parsed.hooksLibraries,
      parsed.multiThreading,
    );
    if (failing.length > 0) {
      const text = `hooks libraries failed to validate - library or libraries in error are: ${failing.join(', ')}`;
      this.say('DHCPX_CONFIG_LOAD_FAIL', text);
      return { result: 1, text };
    }
    const previous = { config: this.config, source: this.configSource };
    if (remember) this.configSource = input;
    this.commitConfig(parsed);
    for (const cls of parsed.clientClasses) {
      if (cls.test !== undefined) this.say('DHCPX_CLASS_UNEVALUATED', cls.name, cls.test);
    }
    this.options.observer?.setLibraries?.(parsed.hooksLibraries);
    if (!this.driver.manager.loadLibraries(parsed.hooksLibraries, parsed.multiThreading)) {
      const text = 'One or more hook libraries failed to load';
      // the libraries are gone either way (R24); before 3.0 the failure happens inside the
      // commit, which rolls the rest of the configuration back, later it is fatal after it
      if (!this.features.hooksFailureIsFatal && previous.config) {
        this.configSource = previous.source;
        this.commitConfig(previous.config);
      }
      this.say('DHCPX_CONFIG_LOAD_FAIL', text);
      return { result: 1, text };
    }
    let error: string | undefined;
    try {
      error = this.runSrvConfigured(parsed);
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : 'unknown exception';
    }
    if (error !== undefined) {
      const text = `Error initializing hooks: ${error}`;
      this.say('DHCPX_CONFIG_LOAD_FAIL', text);
      return { result: 1, text };
    }
    const summary = this.configSummary(parsed);
    this.say('DHCPX_CONFIG_COMPLETE', summary);
    return { result: 0, text: 'Configuration successful.' };
  }

  /** The DHCPX_CONFIG_COMPLETE summary, as Kea words it. */
  private configSummary(config: ServerConfig): string {
    const ip = this.family === 'dhcp4' ? 'IPv4' : 'IPv6';
    return `added ${ip} subnets: ${config.subnets.length}; DDNS: ${config.ddnsEnabled ? 'enabled' : 'disabled'}`;
  }

  private commitConfig(config: ServerConfig): void {
    this.config = config;
    this.log.configure(config.loggers);
    this.wanted.clear();
    this.applyConfig(config);
  }

  /** dhcpX_srv_configured; returns the callouts' error when one set DROP. */
  private runSrvConfigured(config: ServerConfig): string | undefined {
    const index = this.driver.index(
      this.family === 'dhcp4' ? 'dhcp4_srv_configured' : 'dhcp6_srv_configured',
    );
    if (!this.driver.present(index)) {
      if (this.driver.observer) {
        this.beginRequest(
          'config',
          `${this.family === 'dhcp4' ? 'dhcp4' : 'dhcp6'}_srv_configured`,
        );
        this.driver.reached(index);
        this.endRequest();
      }
      return undefined;
    }
    this.beginRequest('config', `${this.family}_srv_configured`);
    const handle = this.newHandle();
    try {
      handle.setArgument('io_context', { kind: 'io-service' }, CPP.ioService);
      handle.setArgument('network_state', this.networkState, CPP.networkState);
      handle.setArgument('json_config', this.configSource, CPP.element);
      handle.setArgument('server_config', config, CPP.srvConfig);
      this.driver.call(index, handle);
      if (handle.getStatus() === 2) {
        try {
          return String(handle.getArgument('error'));
        } catch {
          return 'unknown error';
        }
      }
      return undefined;
    } finally {
      // arguments stay: context_destroy sees what the hook left (as in Kea)
      handle.release();
      this.endRequest();
    }
  }

  /** config-test: parses and checks libraries, applies nothing. */
  testConfig(input: unknown): CommandAnswer {
    try {
      const parsed = parseServerConfig(this.family, input, this.features);
      const failing = this.driver.manager.validateLibraries(
        parsed.hooksLibraries,
        parsed.multiThreading,
      );
      if (failing.length > 0) {
        return {
          result: 1,
          text: `hooks libraries failed to validate - library or libraries in error are: ${failing.join(', ')}`,
        };
      }
    } catch (error) {
      return { result: 1, text: error instanceof ConfigError ? error.message : String(error) };
    }
    return {
      result: 0,
      text: 'Configuration seems sane. Control-socket, hook-libraries, and D2 configuration were sanity checked, but not applied.',
    };
  }

  /** list-commands: built-in commands and the commands libraries registered, sorted. */
  commandNames(): string[] {
    const names = new Set(builtinCommandNames(this.features.libreload));
    for (const hook of this.driver.manager.serverHooks.getHookNames()) {
      if (
        hook.startsWith('$') &&
        this.driver.manager.commandHandlersPresent(ServerHooks.hookToCommandName(hook))
      ) {
        names.add(ServerHooks.hookToCommandName(hook));
      }
    }
    return [...names].sort();
  }

  command(cmd: ControlCommand): CommandAnswer {
    if (this.isShutdown) return { result: 1, text: 'server is shutting down' };
    const answer = processCommand(this, cmd);
    if (this.shutdownRequested) this.shutdown();
    return answer;
  }

  private shutdownRequested = false;

  requestShutdown(): void {
    this.shutdownRequested = true;
  }

  /** Unloads the libraries, last first (as Kea on SIGTERM). Idempotent. */
  shutdown(): void {
    if (this.isShutdown) return;
    this.isShutdown = true;
    this.driver.manager.prepareUnloadLibraries();
    this.driver.manager.unloadLibraries();
    this.say('DHCPX_SHUTDOWN');
  }

  /** The interface a packet arrived on when the caller does not say: the configured one. */
  get defaultIface(): string {
    // asked for every packet: worked out once per configuration
    if (this.ifaceOf !== this.config || this.iface === undefined) {
      const first = this.config?.interfaces.find((name) => name !== '*');
      this.iface = first?.split('/')[0] ?? 'eth0';
      this.ifaceOf = this.config;
    }
    return this.iface;
  }
  private iface: string | undefined = undefined;
  private ifaceOf: ServerConfig | undefined = undefined;

  libraryInfo(): HookLibraryInfo[] {
    return this.driver.manager.getLibraryInfo();
  }

  private nextReclaim = 0;
  private nextFlush = 0;

  /** Starts the lease timers of a new configuration (as Kea's timer manager does). */
  protected scheduleTimers(config: ServerConfig): void {
    const now = this.nowSeconds();
    this.nextReclaim = now + config.expired.reclaimTimerWaitTime;
    this.nextFlush = now + config.expired.flushReclaimedTimerWaitTime;
  }

  /** Runs the timers due at the current clock: reclamation, then the flush of reclaimed leases. */
  runTimers(): void {
    const c = this.config;
    if (!c || this.isShutdown) return;
    const now = this.nowSeconds();
    const expired = c.expired;
    if (expired.reclaimTimerWaitTime > 0 && now >= this.nextReclaim) {
      this.nextReclaim = now + expired.reclaimTimerWaitTime;
      this.reclaimExpired(expired.flushReclaimedTimerWaitTime === 0, false);
    }
    if (expired.flushReclaimedTimerWaitTime > 0 && now >= this.nextFlush) {
      this.nextFlush = now + expired.flushReclaimedTimerWaitTime;
      this.flushReclaimed();
    }
  }

  /**
   * The clock moved on by `seconds`. With an injected clock the caller moved it already and the
   * due timers run once; with the server's own clock it moves one second at a time, running
   * the timers as they come due (as the real timers would fire).
   */
  advance(seconds: number): void {
    if (this.options.now) {
      this.runTimers();
      return;
    }
    for (let i = 0; i < seconds; i++) {
      this.moveClock(1);
      this.runTimers();
    }
  }

  /** Kea's reclamation of expired leases; `remove` forces removal of reclaimed leases. */
  abstract reclaimExpired(remove: boolean, viaCommand: boolean): void;
  /** Removes leases reclaimed longer than hold-reclaimed-time ago. */
  abstract flushReclaimed(): void;
}
