import { hooksVersionOf, KEA_HOOKS_VERSION, type LibraryModule } from '@hookscope/engine';
import { createVirtualFiles, type VirtualFiles } from './createVirtualFiles';

/**
 * What the host (server, sandbox, test) gives a built-in library when it makes an instance of
 * it. A real `.so` would reach for the disk and for Kea's headers; ours get these instead, so
 * one page can run many servers without them sharing anything.
 */
export interface LibraryEnvironment {
  /** Where file writes go (the tutorial's log file). */
  files: VirtualFiles;
  /** The `KEA_HOOKS_VERSION` the library was "built against": what `version()` returns. */
  hooksVersion: number;
}

export interface LibraryEnvironmentOptions {
  files?: VirtualFiles;
  /** Build the libraries for this Kea release (e.g. "2.2.0"). Default: the engine's newest. */
  keaVersion?: string;
}

export function createLibraryEnvironment(
  options: LibraryEnvironmentOptions = {},
): LibraryEnvironment {
  return {
    files: options.files ?? createVirtualFiles(),
    hooksVersion: options.keaVersion ? hooksVersionOf(options.keaVersion) : KEA_HOOKS_VERSION,
  };
}

/** A built-in library: a factory for instances, with what the studio shows about it. */
export interface BuiltinLibrary {
  /** Stable id, e.g. "tutorial". */
  id: string;
  /** The `hooks-libraries` path it answers to. */
  path: string;
  title: string;
  /** A few sentences, in our words, on what it does and which rule it shows. */
  explanation: string;
  /** JSON Schema of its `parameters` map. */
  parametersSchema: Record<string, unknown>;
  /** The servers it is written for; empty for the data-scope libraries (their own server). */
  daemons: readonly ('dhcp4' | 'dhcp6')[];
  create(env: LibraryEnvironment): LibraryModule;
}
