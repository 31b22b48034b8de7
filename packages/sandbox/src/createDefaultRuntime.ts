import * as dhcp from '@hookscope/dhcp';
import * as engine from '@hookscope/engine';
import {
  createBuiltinResolver,
  createLibraryEnvironment,
  createVirtualFiles,
} from '@hookscope/libraries';
import { createServer } from '@hookscope/server';
import { createTraceRecorder } from '@hookscope/trace';
import type { RunRequest } from './protocol';
import type { RuntimeServer, SandboxRuntime } from './sandboxRuntime';

/** The module specifiers a user library may import. */
export const USER_LIBRARY_MODULES = [
  '@hookscope/engine',
  '@hookscope/dhcp',
  '@hookscope/files',
] as const;

/**
 * The runtime over the real packages, for one run: the simulated server of @hookscope/server,
 * hookscope's built-in libraries, and the modules a user library may import:
 * - `@hookscope/engine`, with `KEA_HOOKS_VERSION` set to the run's Kea version, so a library
 *   that returns it from version() is "built against" the server it runs in (as a real .so);
 * - `@hookscope/dhcp` (packets, options);
 * - `@hookscope/files`: `files`, the run's virtual file system (shared with built-in libraries).
 */
export function createDefaultRuntime(request: RunRequest): SandboxRuntime {
  const recorder = createTraceRecorder({
    server: request.family,
    source: { kind: 'simulation', keaVersion: request.keaVersion },
  });
  let bytesWritten = 0;
  const files = createVirtualFiles({
    onWrite: (w) => {
      bytesWritten += w.data.length;
      recorder.fileWrite(w.path, w.mode, w.data);
    },
  });
  const env = createLibraryEnvironment({ files, keaVersion: request.keaVersion });
  const resolveBuiltin = createBuiltinResolver(env);
  const engineForLibraries = {
    ...engine,
    KEA_HOOKS_VERSION: engine.hooksVersionOf(request.keaVersion),
  };
  return {
    modules: {
      '@hookscope/engine': engineForLibraries,
      '@hookscope/dhcp': dhcp,
      '@hookscope/files': { files },
    },
    resolveBuiltin: (path) => resolveBuiltin(path),
    createServer(family, options): RuntimeServer {
      const server = createServer(family, {
        keaVersion: options.keaVersion,
        now: options.now,
        logger: options.logger,
        observer: options.observer as Parameters<typeof createServer>[1]['observer'],
        resolveLibrary: (path) => options.resolveLibrary(path) as engine.LibraryModule | undefined,
      });
      return {
        configure: (config) => server.configure(config),
        receive: (packet) => server.receive(packet),
        command: (cmd) => server.command(cmd),
        shutdown: () => server.shutdown(),
        hookName: (index) => server.hookName(index),
        advance: (seconds) => server.advance(seconds),
        files: () => server.files().map((f) => ({ path: f.path, content: f.text })),
      };
    },
    files: () => Object.entries(files.snapshot()).map(([path, content]) => ({ path, content })),
    bytesWritten: () => bytesWritten,
    recorder,
  };
}
