import type { RunSummary } from '@hookscope/sandbox';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { Example } from '../example/example';
import { getExampleTimeline, matchesExpectation } from '../example/getExampleTimeline';
import { getLibraryPaths } from '../example/getLibraryPaths';
import { ExampleInspector, LogList } from './ExampleInspector';
import { ExampleTimeline, type SelectedCell } from './ExampleTimeline';
import { getEmbedSnippet } from './getEmbedSnippet';
import { openInStudio } from './openInStudio';
import { useExampleRun } from './useExampleRun';

export interface LiveExampleProps {
  example: Example;
  /** Run now (the page starts an example once it scrolls into view). */
  active: boolean;
  workerUrl: string;
  /** The studio's address, relative to the page. */
  studioUrl: string;
  /** The docs' embed page, absolute (for the copy-paste snippet). */
  embedUrl: string;
}

const ExampleDebugger = lazy(() =>
  import('./ExampleDebugger').then((m) => ({ default: m.ExampleDebugger })),
);

/** The run's failure, or the server's refusal of the configuration, as one line (or ''). */
function describeRunProblem(summary: RunSummary): string {
  if (summary.failure) return ` — ${summary.failure.kind}: ${summary.failure.message}`;
  const answer = summary.configure;
  if (answer && answer.result !== 0) return ` — configuration refused: ${answer.text ?? ''}`;
  return '';
}

type Tab = { kind: 'config' } | { kind: 'library'; index: number } | { kind: 'packets' };

/**
 * A live example: config, libraries and packets in editable tabs, a Run button, and the run's
 * timeline and inspector below. Each instance has its own state and sandbox.
 */
export function LiveExample({
  example: initial,
  active,
  workerUrl,
  studioUrl,
  embedUrl,
}: LiveExampleProps) {
  const [example, setExample] = useState(initial);
  const [tab, setTab] = useState<Tab>({ kind: 'config' });
  const [selected, setSelected] = useState<SelectedCell | undefined>(undefined);
  const [showLog, setShowLog] = useState(false);
  const [snippet, setSnippet] = useState<string | undefined>(undefined);
  const [linkError, setLinkError] = useState<string | undefined>(undefined);
  const [debuggerOpen, setDebuggerOpen] = useState(false);
  const { state, run } = useExampleRun(example, active, workerUrl);
  const baseId = useId();
  const libraryPaths = useMemo(() => getLibraryPaths(example.config), [example.config]);
  const timeline = useMemo(
    () => (state.phase === 'done' ? getExampleTimeline(state.hooks, libraryPaths) : undefined),
    [state, libraryPaths],
  );
  const stepLabels = useMemo(() => {
    const labels = new Map<string, string>();
    example.packets.split('\n').forEach((line, i) => {
      labels.set(`line-${i + 1}`, line.trim().split(/\s+/)[0] ?? '');
    });
    return labels;
  }, [example.packets]);
  const fullStepLabels = useMemo(() => {
    const labels = new Map<string, string>();
    example.packets.split('\n').forEach((line, i) => {
      labels.set(`line-${i + 1}`, line.trim());
    });
    return labels;
  }, [example.packets]);
  const edited = example !== initial;
  const matches = timeline ? matchesExpectation(timeline.observed, example.expect) : undefined;

  const text =
    tab.kind === 'config'
      ? example.config
      : tab.kind === 'packets'
        ? example.packets
        : (example.libraries[tab.index]?.source ?? '');
  const edit = (value: string) => {
    setSelected(undefined);
    setExample((e) => {
      if (tab.kind === 'config') return { ...e, config: value };
      if (tab.kind === 'packets') return { ...e, packets: value };
      return {
        ...e,
        libraries: e.libraries.map((l, i) => (i === tab.index ? { ...l, source: value } : l)),
      };
    });
  };
  const tabs: { tab: Tab; label: string }[] = [
    { tab: { kind: 'config' }, label: 'Config' },
    ...example.libraries.map((l, index) => ({
      tab: { kind: 'library', index } as Tab,
      label: l.path.slice(l.path.lastIndexOf('/') + 1),
    })),
    { tab: { kind: 'packets' }, label: 'Packets' },
  ];
  const isTab = (t: Tab) =>
    t.kind === tab.kind &&
    (t.kind !== 'library' || tab.kind !== 'library' || t.index === tab.index);

  return (
    <div
      className="live"
      data-testid="live-example"
      data-example-id={example.id}
      data-phase={state.phase}
    >
      <div className="tabs">
        {/* The tab list holds only tabs; Run, Open in studio and Embed sit beside it. */}
        <div className="tab-list" role="tablist" aria-label={`${example.title}: sources`}>
          {tabs.map((t, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: tabs are positional
              key={i}
              type="button"
              role="tab"
              id={`${baseId}-tab-${i}`}
              aria-selected={isTab(t.tab)}
              aria-controls={`${baseId}-panel`}
              tabIndex={isTab(t.tab) ? 0 : -1}
              onClick={() => setTab(t.tab)}
              onKeyDown={(e) => {
                // Arrow keys move between the tabs, as in any tab list.
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                e.preventDefault();
                const next = (i + step + tabs.length) % tabs.length;
                const target = tabs[next];
                if (!target) return;
                setTab(target.tab);
                document.getElementById(`${baseId}-tab-${next}`)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" className="run" onClick={run}>
          Run
        </button>
        <button
          type="button"
          onClick={() => {
            try {
              openInStudio(example, studioUrl);
            } catch (error) {
              setLinkError(String(error));
            }
          }}
        >
          Open in studio
        </button>
        <button
          type="button"
          onClick={() => setSnippet(snippet ? undefined : getEmbedSnippet(example, embedUrl))}
        >
          Embed
        </button>
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} className="tabpanel">
        <textarea
          aria-label={`${tabs.find((t) => isTab(t.tab))?.label ?? ''} of ${example.title}`}
          spellCheck={false}
          value={text}
          rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
          onChange={(e) => edit(e.target.value)}
        />
      </div>
      {snippet && (
        <div className="snippet">
          <label>
            Paste this into another site to show this example there:
            <textarea readOnly value={snippet} rows={3} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      )}
      {linkError && (
        <p role="alert" className="error">
          {linkError}
        </p>
      )}
      <div className="run-status" data-testid="example-status" aria-live="polite">
        {state.phase === 'idle' && 'Runs when it scrolls into view.'}
        {state.phase === 'running' && 'Running…'}
        {state.phase === 'error' && <span className="error">{state.message}</span>}
        {state.phase === 'done' && (
          <>
            <span>
              Run {state.generation} in {Math.round(state.summary.durationMs)} ms
              {describeRunProblem(state.summary)}
            </span>
            {example.expect && (
              <span
                className={`verdict ${matches ? 'ok' : 'differs'}`}
                data-testid="verdict"
                data-matches={String(matches)}
              >
                {matches
                  ? 'matches the expected timeline'
                  : edited
                    ? 'differs from the original example'
                    : 'differs from the expected timeline'}
              </span>
            )}
          </>
        )}
      </div>
      {timeline && (
        <div
          className="result"
          data-observed-hooks={timeline.observed.hooks.join(',')}
          data-observed-libraries={timeline.observed.libraries.join(',')}
          data-expected-hooks={example.expect?.hooks.join(',')}
          data-expected-libraries={example.expect?.libraries.join(',')}
        >
          <ExampleTimeline
            timeline={timeline}
            libraryPaths={libraryPaths}
            stepLabels={stepLabels}
            selected={selected}
            onSelect={setSelected}
          />
          <ExampleInspector
            selected={selected}
            column={selected ? timeline.columns[selected.column] : undefined}
            libraryPaths={libraryPaths}
            log={state.phase === 'done' ? state.log : []}
            steps={state.phase === 'done' ? state.steps : []}
          />
          <button
            type="button"
            className="log-toggle"
            aria-expanded={showLog}
            onClick={() => setShowLog(!showLog)}
          >
            {showLog ? 'Hide' : 'Show'} the whole log (
            {state.phase === 'done' ? state.log.length : 0} lines)
            {state.phase === 'done' && state.summary.files.length > 0 ? ' and files' : ''}
          </button>
          <button
            type="button"
            className="log-toggle"
            aria-expanded={debuggerOpen}
            onClick={() => setDebuggerOpen(!debuggerOpen)}
          >
            {debuggerOpen ? 'Close' : 'Step through this run in'} the trace debugger
          </button>
          {debuggerOpen && state.phase === 'done' && (
            <Suspense fallback={<p className="hint">Loading the trace debugger…</p>}>
              <ExampleDebugger
                hooks={state.hooks}
                log={state.log}
                family={example.family}
                keaVersion={example.keaVersion}
                libraryPaths={libraryPaths}
                stepLabels={fullStepLabels}
              />
            </Suspense>
          )}
          {showLog && state.phase === 'done' && (
            <div className="full-log">
              <LogList lines={state.log} />
              {state.summary.files.map((f) => (
                <div key={f.path} className="file">
                  <h4>{f.path}</h4>
                  <pre>{f.content}</pre>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
