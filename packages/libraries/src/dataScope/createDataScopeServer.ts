import {
  type HookLibraryInfo,
  type HooksLogger,
  HooksManager,
  type HooksObserver,
  type LibraryResolver,
  ServerHooks,
} from '@hookscope/engine';

/** The hook points of the guide's data-scope pictures, in the order the server calls them. */
export const DATA_SCOPE_HOOKS = ['alpha', 'beta', 'gamma'] as const;

export interface DataScopeServerOptions {
  resolveLibrary: LibraryResolver;
  observer?: HooksObserver;
  logger?: HooksLogger;
  keaVersion?: string;
  /** Told when a request starts and ends, e.g. a trace recorder's `beginRequest`/`endRequest`. */
  requests?: { beginRequest(kind: 'packet', summary: string): number; endRequest(): void };
}

export interface DataScopeOutcome {
  /** The "options" argument as gamma's callouts left it. */
  options: string[];
  /** The status after each hook, by hook name. */
  statuses: Record<string, number>;
}

/**
 * The smallest server that makes the guide's data-scope pictures real: it registers hooks alpha,
 * beta and gamma, and for each request creates one callout handle (so context flows down through
 * the three hooks) and a fresh argument list per hook (so arguments flow only along one hook).
 * alpha and beta get "client" (string); gamma gets "client" and "options" (Array, read back).
 * Unlike Kea's servers it calls every hook even without callouts, so a trace shows all three.
 */
export function createDataScopeServer(options: DataScopeServerOptions) {
  const serverHooks = new ServerHooks();
  for (const hook of DATA_SCOPE_HOOKS) serverHooks.registerHook(hook);
  const managerOptions: ConstructorParameters<typeof HooksManager>[0] = {
    serverHooks,
    resolveLibrary: options.resolveLibrary,
  };
  if (options.observer) managerOptions.observer = options.observer;
  if (options.logger) managerOptions.logger = options.logger;
  if (options.keaVersion) managerOptions.keaVersion = options.keaVersion;
  const manager = new HooksManager(managerOptions);

  return {
    manager,
    serverHooks,
    /** Unloads the current libraries and loads these, in order. False when any fails. */
    configure(libraries: readonly HookLibraryInfo[]): boolean {
      return manager.loadLibraries([...libraries]);
    },
    /** Runs one request through alpha, beta and gamma. */
    process(client: string): DataScopeOutcome {
      options.requests?.beginRequest('packet', `request from ${client}`);
      try {
        const handle = manager.createCalloutHandle();
        const statuses: Record<string, number> = {};
        let optionList: string[] = [];
        for (const hook of DATA_SCOPE_HOOKS) {
          // As Kea's servers do at every hook point: a fresh argument list, status CONTINUE.
          handle.deleteAllArguments();
          handle.setArgument('client', client, 'string');
          if (hook === 'gamma') handle.setArgument('options', optionList, 'Array');
          manager.callCallouts(serverHooks.getIndex(hook), handle);
          statuses[hook] = handle.getStatus();
          if (hook === 'gamma') optionList = handle.getArgument<string[]>('options', 'Array');
        }
        handle.deleteAllArguments();
        handle.release();
        return { options: [...optionList], statuses };
      } finally {
        options.requests?.endRequest();
      }
    },
    shutdown(): void {
      manager.prepareUnloadLibraries();
      manager.unloadLibraries();
    },
  };
}

export type DataScopeServer = ReturnType<typeof createDataScopeServer>;
