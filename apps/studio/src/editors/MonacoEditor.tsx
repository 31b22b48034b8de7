import type * as Monaco from 'monaco-editor';
import { useEffect, useRef } from 'react';
import type { CodeEditorProps } from './CodeEditor';
import { setConfigModelVersion } from './configIntelligence';
import { KEA_CONFIG_LANGUAGE } from './keaConfigLanguage';
import { setUpMonaco } from './monacoSetup';

function modelUri(monaco: typeof Monaco, path: string, language: CodeEditorProps['language']) {
  const suffix = language === 'typescript' ? '.ts' : language === 'javascript' ? '.js' : '';
  return monaco.Uri.from({ scheme: 'file', path: `${path}${suffix}` });
}

/**
 * One Monaco editor bound to a model per `path`. Text set from outside (the form view, an
 * example, a reload) is applied as an edit, so undo still works and the cursor stays.
 */
export function MonacoEditor({
  path,
  language,
  value,
  onChange,
  label,
  keaVersion,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` seeds a new model only; later values arrive through the effect below, as edits
  useEffect(() => {
    const monaco = setUpMonaco();
    const element = host.current;
    if (!element) return;
    const uri = modelUri(monaco, path, language);
    if (keaVersion) setConfigModelVersion(uri.toString(), keaVersion);
    const model =
      monaco.editor.getModel(uri) ??
      monaco.editor.createModel(
        value,
        language === 'kea-config' ? KEA_CONFIG_LANGUAGE : language,
        uri,
      );
    if (model.getValue() !== value) model.setValue(value);
    const e = monaco.editor.create(element, {
      model,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      // Tab indents inside Monaco; Ctrl+M toggles Tab to move focus (said under the editor).
      accessibilitySupport: 'auto',
    });
    editor.current = e;
    const sub = model.onDidChangeContent(() => onChangeRef.current(model.getValue()));
    return () => {
      sub.dispose();
      e.dispose();
      editor.current = undefined;
    };
  }, [path, language, label, keaVersion]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || model.getValue() === value) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  return (
    <>
      <div className="monaco-host" ref={host} data-testid={`editor:${path}`} />
      <p className="editor-hint">
        Tab indents. <kbd>Ctrl</kbd>+<kbd>M</kbd>, then <kbd>Tab</kbd>, moves on to the next
        control.
      </p>
    </>
  );
}
