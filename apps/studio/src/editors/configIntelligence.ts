import type * as Monaco from 'monaco-editor';
import { describeConfigPath } from './configSchema';
import { findSyntaxProblems, getPathAt } from './configText';
import { KEA_CONFIG_LANGUAGE } from './keaConfigLanguage';

/**
 * Completion, hover and markers for the Kea config language. Markers are refreshed as the
 * text changes (debounced); completion and hover read the schema at the cursor's JSON path.
 */
export function registerConfigIntelligence(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider(KEA_CONFIG_LANGUAGE, {
    triggerCharacters: ['"'],
    provideCompletionItems(model, position) {
      const text = model.getValue();
      const { path, isKey } = getPathAt(text, model.getOffsetAt(position));
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const parent = isKey ? path.slice(0, -1) : path;
      const info = describeConfigPath(parent);
      const quoted =
        model.getValueInRange(
          new monaco.Range(
            position.lineNumber,
            Math.max(1, word.startColumn - 1),
            position.lineNumber,
            word.startColumn,
          ),
        ) === '"';
      return {
        suggestions: info.properties.map((p) => ({
          label: p.name,
          kind: monaco.languages.CompletionItemKind.Property,
          documentation: p.description,
          insertText: quoted ? p.name : `"${p.name}": `,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(KEA_CONFIG_LANGUAGE, {
    provideHover(model, position) {
      const { path } = getPathAt(model.getValue(), model.getOffsetAt(position));
      const info = describeConfigPath(path);
      if (!info.description) return undefined;
      return { contents: [{ value: `**${path.join(' › ')}**` }, { value: info.description }] };
    },
  });
  const timers = new WeakMap<Monaco.editor.ITextModel, ReturnType<typeof setTimeout>>();
  const validate = (model: Monaco.editor.ITextModel) => {
    const problems = findSyntaxProblems(model.getValue());
    monaco.editor.setModelMarkers(
      model,
      'kea-config',
      problems.map((p) => {
        const start = model.getPositionAt(p.offset);
        const end = model.getPositionAt(p.offset + p.length);
        return {
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
          message: p.message,
          severity:
            p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        };
      }),
    );
  };
  const watch = (model: Monaco.editor.ITextModel) => {
    if (model.getLanguageId() !== KEA_CONFIG_LANGUAGE) return;
    validate(model);
    model.onDidChangeContent(() => {
      clearTimeout(timers.get(model));
      timers.set(
        model,
        setTimeout(() => validate(model), 150),
      );
    });
  };
  monaco.editor.onDidCreateModel(watch);
  for (const model of monaco.editor.getModels()) watch(model);
}
