import type { HookEvent, LogLine } from '@hookscope/sandbox';
import { useMemo } from 'react';
import { TraceDebugger } from '../../../studio/src/debugger/TraceDebugger';
import { traceFromRunView } from '../../../studio/src/debugger/traceFromRunView';
import type { ExampleFamily } from '../example/example';

/**
 * The studio's trace debugger (requests, timeline, inspector, stepping, breakpoints) over one
 * run of an example. Loaded lazily: most readers never open it.
 */
export function ExampleDebugger({
  hooks,
  log,
  family,
  keaVersion,
  libraryPaths,
  stepLabels,
}: {
  hooks: readonly HookEvent[];
  log: readonly LogLine[];
  family: ExampleFamily;
  keaVersion: string;
  libraryPaths: readonly string[];
  stepLabels: ReadonlyMap<string, string>;
}) {
  const trace = useMemo(
    () =>
      traceFromRunView(
        { hooks, log },
        { family, keaVersion, libraryPaths, stepLabel: (step) => stepLabels.get(step) ?? step },
      ),
    [hooks, log, family, keaVersion, libraryPaths, stepLabels],
  );
  return <TraceDebugger trace={trace} />;
}
