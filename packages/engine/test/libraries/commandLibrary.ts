// Test library "commands".
// Registers in load(): handler for command "diagnostics-dump": appends "lib<index>" to the
//   `text` of the `response` argument (creating {result: 0, text} when there is none), sets
//   status DROP (ignored for commands) and returns 0 — so two copies answer one command together.
//   Handler for "foo_bar", which shares the hook "$foo_bar" with "foo-bar" (R9).
// Framework: version() = build.hooksVersion.
import type { CalloutHandle } from '../../src/calloutHandle';
import type { LibraryHandle } from '../../src/libraryHandle';
import { NextStep } from '../../src/nextStep';
import { build } from './testBuild';

interface Answer {
  result: number;
  text: string;
}

export function version(): number {
  return build.hooksVersion;
}

function dump(handle: CalloutHandle): number {
  const previous = handle.getArgument<Answer | undefined>('response');
  const mine = `lib${handle.getCurrentLibrary()}`;
  handle.setArgument('response', {
    result: 0,
    text: previous ? `${previous.text} ${mine}` : mine,
  });
  handle.setStatus(NextStep.DROP);
  return 0;
}

function fooBar(handle: CalloutHandle): number {
  handle.setArgument('response', { result: 0, text: 'foo' });
  return 0;
}

export function load(handle: LibraryHandle): number {
  handle.registerCommandCallout('diagnostics-dump', dump);
  handle.registerCommandCallout('foo_bar', fooBar);
  return 0;
}
