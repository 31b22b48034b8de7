import type { TraceDocument } from '@hookscope/trace';
import { useCallback, useId, useRef, useState } from 'react';
import { useActiveWorkspace } from '../state/useStudio';
import {
  createDebuggerStore,
  getBreakpointsText,
  getPlaceText,
  useDebuggerState,
} from './createDebuggerStore';
import { readDebuggerHash, writeDebuggerHash } from './debuggerHash';
import { encodeSharedWorkspace } from './sharedWorkspace';
import { type DebuggerPlace, TraceDebugger } from './TraceDebugger';
import {
  isTraceSourceId,
  TRACE_SOURCES,
  type TraceResult,
  type TraceSourceId,
  useExampleTrace,
  useWorkspaceTrace,
} from './useDebuggerTraces';

type CompareId = '' | TraceSourceId;

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The debugger inside the studio: picks the trace (the workspace's run, an example, an import),
 * optionally a second one to compare, and keeps the place in the URL hash. Loaded lazily: the
 * simulated server it records examples with is not part of the studio's first load.
 */
export function DebuggerPane({ onClose }: { onClose: () => void }) {
  const workspace = useActiveWorkspace();
  const [initial] = useState(() => readDebuggerHash(window.location.hash));
  const [source, setSource] = useState<TraceSourceId>(
    isTraceSourceId(initial.source) && initial.source !== 'import' ? initial.source : 'run',
  );
  const [compareId, setCompareId] = useState<CompareId>('');
  const [imported, setImported] = useState<{ main?: TraceResult; compare?: TraceResult }>({});
  const [shareLink, setShareLink] = useState<string>();
  // The choice before the last import: "Cancel opening" puts it back, so the Trace list names
  // what is shown (the store keeps the shown trace instead of opening it again).
  const beforeImport = useRef<{ source: TraceSourceId; main?: TraceResult }>(undefined);
  const [store] = useState(() =>
    createDebuggerStore(undefined, {
      onCancelLoad() {
        const before = beforeImport.current;
        if (!before) return;
        beforeImport.current = undefined;
        setImported((current) => ({ ...current, main: before.main }));
        setSource(before.source);
      },
    }),
  );
  const shown = useDebuggerState(store, (s) => s.trace !== undefined);
  const ids = {
    source: useId(),
    compare: useId(),
    file: useId(),
    compareFile: useId(),
    share: useId(),
  };

  const workspaceTrace = useWorkspaceTrace(workspace);
  const mainExample = useExampleTrace(source);
  const compareExample = useExampleTrace(compareId === '' ? undefined : compareId);
  const pick = (
    id: CompareId,
    example: TraceDocument | undefined,
    file: TraceResult | undefined,
  ) =>
    id === 'run'
      ? workspaceTrace
      : id === 'import'
        ? file
        : example
          ? { ok: true as const, trace: example }
          : undefined;
  const main = pick(source, mainExample, imported.main);
  const compare = compareId === '' ? undefined : pick(compareId, compareExample, imported.compare);

  const onPlaceChange = useCallback(
    (place: DebuggerPlace) => {
      const hash = writeDebuggerHash(window.location.hash, {
        open: true,
        source,
        step: place.step,
        breakpoints: place.breakpoints,
      });
      window.history.replaceState(
        null,
        '',
        `${window.location.pathname}${window.location.search}${hash}`,
      );
    },
    [source],
  );
  // The file is read, checked and indexed by the debugger's worker, with progress.
  const readFile = (file: File | undefined, slot: 'main' | 'compare') => {
    if (!file) return;
    // Marks read by the trace-view benchmark (performance.measure), free otherwise.
    performance.mark('hookscope:trace-import');
    const result: TraceResult = { ok: true, trace: { file } };
    if (slot === 'main') beforeImport.current = { source, main: imported.main };
    setImported((current) => ({ ...current, [slot]: result }));
    if (slot === 'main') setSource('import');
    else setCompareId('import');
  };
  const share = () => {
    // The debugger's own place: the URL follows it only once the cursor rests.
    const state = store.getState();
    const hash = writeDebuggerHash('', {
      open: true,
      source: 'run',
      step: getPlaceText(state),
      breakpoints: getBreakpointsText(state),
      workspace: encodeSharedWorkspace(workspace),
    });
    const link = `${window.location.origin}${window.location.pathname}${hash}`;
    setShareLink(link);
    void navigator.clipboard?.writeText(link).catch(() => undefined);
  };

  return (
    <section className="debugger-pane" aria-label="Trace debugger view">
      <div className="pane-title debugger-sources">
        <h2>Trace debugger</h2>
        <div className="field">
          <label htmlFor={ids.source}>Trace</label>
          <select
            id={ids.source}
            value={source}
            onChange={(e) => setSource(e.target.value as TraceSourceId)}
          >
            {TRACE_SOURCES.map((s) => (
              <option key={s.id} value={s.id} disabled={s.id === 'import' && !imported.main}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.file}>Import a trace</label>
          <input
            id={ids.file}
            type="file"
            accept=".json,application/json"
            onChange={(e) => readFile(e.target.files?.[0], 'main')}
          />
        </div>
        <button
          type="button"
          disabled={!shown}
          onClick={async () => {
            const blob = await store.getState().actions.exportTrace();
            if (blob) download('hookscope-trace.json', blob);
          }}
        >
          Export trace
        </button>
        <div className="field">
          <label htmlFor={ids.compare}>Compare with</label>
          <select
            id={ids.compare}
            value={compareId}
            onChange={(e) => setCompareId(e.target.value as CompareId)}
          >
            <option value="">nothing</option>
            {TRACE_SOURCES.map((s) => (
              <option key={s.id} value={s.id} disabled={s.id === 'import' && !imported.compare}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.compareFile}>Import a trace to compare</label>
          <input
            id={ids.compareFile}
            type="file"
            accept=".json,application/json"
            onChange={(e) => readFile(e.target.files?.[0], 'compare')}
          />
        </div>
        <button type="button" onClick={share}>
          Share workspace link
        </button>
        <button type="button" onClick={onClose}>
          Close debugger
        </button>
      </div>
      {shareLink && (
        <div className="share-link">
          <label htmlFor={ids.share}>Share link (the whole workspace, compressed)</label>
          <input id={ids.share} readOnly value={shareLink} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {main && !main.ok && (
        <p role="alert" className="error">
          {main.error}
        </p>
      )}
      {compare && !compare.ok && (
        <p role="alert" className="error">
          {compare.error}
        </p>
      )}
      {main?.ok && main.note && <p className="hint">{main.note}</p>}
      <TraceDebugger
        trace={main?.ok ? main.trace : undefined}
        compareWith={compare?.ok ? compare.trace : undefined}
        initialPlace={{ step: initial.step, breakpoints: initial.breakpoints }}
        onPlaceChange={onPlaceChange}
        store={store}
      />
    </section>
  );
}
