// Builds the timeline model for a synthetic 10,000-request, 4-library trace: the index (one
// pass, typed arrays), every request's grid, stepping through every callout, a run to a
// breakpoint across the whole trace, and opening the file: its size, writing and reading it
// (JSON.parse + readTrace) in format version 1 (every snapshot in place) and version 2
// (snapshot table), and the index built on what version 2 reads.
import { buildTraceIndex } from '../src/buildTraceIndex';
import { createSyntheticTrace } from '../src/createSyntheticTrace';
import { getRequestTimeline } from '../src/getRequestTimeline';
import { readTrace } from '../src/readTrace';
import { nextCallout, runToBreakpoint } from '../src/stepping';
import { writeTrace } from '../src/writeTrace';

const REQUESTS = 10_000;
const LIBRARIES = 4;

function time<T>(body: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = body();
  return { ms: performance.now() - started, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const trace = createSyntheticTrace({ requests: REQUESTS, libraries: LIBRARIES });
const writeV1 = time(() => writeTrace(trace, { version: 1 }));
const writeV2 = time(() => writeTrace(trace));
const textV1 = writeV1.value;
const text = writeV2.value;
const parseV1 = time(() => readTrace(textV1));
if (!parseV1.value.ok) throw new Error(parseV1.value.error);
const parse = time(() => readTrace(text));
if (!parse.value.ok) throw new Error(parse.value.error);
const parsed = parse.value.trace;
const openV1 = time(() => buildTraceIndex(parseV1.value.ok ? parseV1.value.trace : parsed));

// Warm up once, then take the median of five builds.
buildTraceIndex(parsed);
const builds = Array.from({ length: 5 }, () => time(() => buildTraceIndex(parsed)));
const index = builds[builds.length - 1]!.value;

const grids = time(() => {
  let cells = 0;
  for (let r = 0; r < index.requests.length; r++)
    cells += getRequestTimeline(index, r).cells.length;
  return cells;
});
const stepping = time(() => {
  let steps = 0;
  for (let c: number | undefined = 0; c !== undefined; c = nextCallout(index, c)) steps += 1;
  return steps;
});
const breakpoint = time(() =>
  runToBreakpoint(index, 0, [{ kind: 'callout', callout: 'no-such-callout' }]),
);

const figures = {
  bench: 'trace-timeline',
  requests: REQUESTS,
  libraries: LIBRARIES,
  events: parsed.events.length,
  callouts: index.calloutCount,
  fileMB: Number((text.length / 1e6).toFixed(1)),
  fileV1MB: Number((textV1.length / 1e6).toFixed(1)),
  writeMs: Number(writeV2.ms.toFixed(1)),
  writeV1Ms: Number(writeV1.ms.toFixed(1)),
  parseMs: Number(parse.ms.toFixed(1)),
  parseV1Ms: Number(parseV1.ms.toFixed(1)),
  openMs: Number((parse.ms + median(builds.map((b) => b.ms))).toFixed(1)),
  openV1Ms: Number((parseV1.ms + openV1.ms).toFixed(1)),
  buildIndexMs: Number(median(builds.map((b) => b.ms)).toFixed(1)),
  allTimelinesMs: Number(grids.ms.toFixed(1)),
  timelineMeanUs: Number(((grids.ms * 1000) / REQUESTS).toFixed(1)),
  stepAllCalloutsMs: Number(stepping.ms.toFixed(1)),
  runToBreakpointFullScanMs: Number(breakpoint.ms.toFixed(1)),
};
console.log(JSON.stringify(figures));
console.log(
  `trace timeline: ${REQUESTS} requests × ${LIBRARIES} libraries (${figures.callouts} callouts, ` +
    `${figures.fileMB} MB, version 1 ${figures.fileV1MB} MB): read ${figures.parseMs} ms ` +
    `(version 1 ${figures.parseV1Ms} ms), index ${figures.buildIndexMs} ms, ` +
    `one request's grid ${figures.timelineMeanUs} µs, step through all ${figures.stepAllCalloutsMs} ms, ` +
    `breakpoint scan ${figures.runToBreakpointFullScanMs} ms`,
);
