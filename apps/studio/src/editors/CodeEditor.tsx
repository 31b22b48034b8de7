import { lazy, Suspense } from 'react';

export interface CodeEditorProps {
  /** Monaco model URI path, e.g. `/config.json` or `/usr/lib/x.so.ts`: one model per file. */
  path: string;
  language: 'kea-config' | 'typescript' | 'javascript';
  value: string;
  onChange(value: string): void;
  /** Accessible name of the editing surface. */
  label: string;
  /** Config editors: the Kea version the schema and checks follow. */
  keaVersion?: string;
}

const MonacoEditor = lazy(() =>
  import('./MonacoEditor').then((m) => ({ default: m.MonacoEditor })),
);

/**
 * A code editor: Monaco, loaded lazily (it is most of the studio's weight). Until it has loaded,
 * and if it fails to, a plain textarea edits the same text, so typing is never blocked.
 */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<PlainEditor {...props} />}>
      <MonacoEditor {...props} />
    </Suspense>
  );
}

export function PlainEditor({ value, onChange, label }: CodeEditorProps) {
  return (
    <textarea
      className="plain-editor"
      aria-label={label}
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
