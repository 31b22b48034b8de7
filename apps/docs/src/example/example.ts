/**
 * A live example: what a docs page author writes in a fenced `example` block, and what the
 * embed edits and runs. Serialisable (it travels in data attributes and URLs).
 */
export type ExampleFamily = 'dhcp4' | 'dhcp6';

export interface ExampleLibrary {
  /** The `library` path of the hooks-libraries entry this source stands for. */
  path: string;
  source: string;
}

export interface ExampleExpectation {
  /**
   * The hooks whose callouts ran, in order, consecutive repeats of one hook folded into one
   * (several libraries on one hook are one entry).
   */
  hooks: string[];
  /** The library paths whose callouts ran, in the order of their first call. */
  libraries: string[];
  /** `refused`: the configuration is expected to fail (a library refused). Default: accepted. */
  configure?: 'refused';
}

export interface Example {
  id: string;
  title: string;
  family: ExampleFamily;
  keaVersion: string;
  config: string;
  libraries: ExampleLibrary[];
  /** Packets and commands in the docs' short form (see packetsToSteps). */
  packets: string;
  expect: ExampleExpectation | undefined;
}

/** The Kea release examples run as unless they say otherwise. */
export const DEFAULT_EXAMPLE_KEA_VERSION = '3.3.1';
