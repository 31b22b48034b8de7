import type { SandboxRuntime } from './sandboxRuntime';

/**
 * The runtime over the real packages. Placeholder until @hookscope/engine, server and
 * libraries export their entry points: every run reports that the server is not available.
 */
export function createDefaultRuntime(): SandboxRuntime {
  return {
    modules: {},
    resolveBuiltin: () => undefined,
    createServer() {
      throw new Error('the simulated server is not available in this build yet');
    },
  };
}
