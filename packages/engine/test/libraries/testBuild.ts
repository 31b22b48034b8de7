// Shared state of the test libraries, the way Kea's test libraries write marker files:
// `journal` records framework-function calls in order, and `build.hooksVersion` is the
// KEA_HOOKS_VERSION the libraries were "compiled" against (tests of Kea 2.2.0 set 20200).
import { KEA_HOOKS_VERSION } from '../../src/keaVersion';

export const journal: string[] = [];
export const build = { hooksVersion: KEA_HOOKS_VERSION };

export function resetTestBuild(hooksVersion: number = KEA_HOOKS_VERSION): void {
  journal.length = 0;
  build.hooksVersion = hooksVersion;
}

/** Appends `text` to the string argument `result` (created empty when missing). */
export function appendResult(
  handle: {
    getArgumentNames(): string[];
    getArgument<T>(name: string): T;
    setArgument(name: string, value: unknown): void;
  },
  text: string,
): void {
  const before = handle.getArgumentNames().includes('result')
    ? handle.getArgument<string>('result')
    : '';
  handle.setArgument('result', before + text);
}
