import type * as Monaco from 'monaco-editor';
import { closestName, describeSchemaPath } from './configSchema';
import { type ConfigService, createConfigService } from './configService';
import { findSyntaxProblems, getPathAt } from './configText';
import type { EditorDiagnostic } from './configValidationProtocol';
import { KEA_CONFIG_LANGUAGE } from './keaConfigLanguage';

const DEFAULT_VERSION = '3.3.1';
/** The Kea version each config model is checked against (set by the editor component). */
const versions = new Map<string, string>();
export function setConfigModelVersion(uri: string, keaVersion: string): void {
  versions.set(uri, keaVersion);
}

/**
 * Completion, hover, markers and quick fixes for the Kea config language, from
 * @hookscope/config's schema and validator running in a worker. Markers follow typing
 * (debounced); a syntax error shows at once from a local parse while the worker is asked.
 */
export function registerConfigIntelligence(monaco: typeof Monaco): void {
  const service: ConfigService = createConfigService();
  const versionOf = (model: Monaco.editor.ITextModel) =>
    versions.get(model.uri.toString()) ?? DEFAULT_VERSION;

  monaco.languages.registerCompletionItemProvider(KEA_CONFIG_LANGUAGE, {
    triggerCharacters: ['"'],
    async provideCompletionItems(model, position) {
      const text = model.getValue();
      const { path, isKey } = getPathAt(text, model.getOffsetAt(position));
      const info = describeSchemaPath(
        await service.schema(versionOf(model)),
        isKey ? path.slice(0, -1) : path,
      );
      const word = model.getWordUntilPosition(position);
      const line = model.getLineContent(position.lineNumber);
      // Kea keys hold dashes, which Monaco's words do not: widen the range over them.
      let start = word.startColumn;
      while (start > 1 && /[\w-]/.test(line[start - 2] ?? '')) start--;
      const quoted = line[start - 2] === '"';
      const range = new monaco.Range(
        position.lineNumber,
        start,
        position.lineNumber,
        word.endColumn,
      );
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
    async provideHover(model, position) {
      const { path } = getPathAt(model.getValue(), model.getOffsetAt(position));
      const info = describeSchemaPath(await service.schema(versionOf(model)), path);
      if (!info.description) return undefined;
      return { contents: [{ value: `**${path.join('/')}**` }, { value: info.description }] };
    },
  });

  monaco.languages.registerCodeActionProvider(KEA_CONFIG_LANGUAGE, {
    async provideCodeActions(model, _range, context) {
      const actions: Monaco.languages.CodeAction[] = [];
      const schema = await service.schema(versionOf(model));
      for (const marker of context.markers) {
        if (marker.code !== 'unknown-keyword') continue;
        const range = new monaco.Range(
          marker.startLineNumber,
          marker.startColumn,
          marker.endLineNumber,
          marker.endColumn,
        );
        const key = model.getValueInRange(range).replace(/^"|"$/g, '');
        const { path } = getPathAt(
          model.getValue(),
          model.getOffsetAt(range.getStartPosition()) + 1,
        );
        const siblings = describeSchemaPath(schema, path.slice(0, -1)).properties.map(
          (p) => p.name,
        );
        const fix = closestName(key, siblings);
        if (!fix) continue;
        actions.push({
          title: `Change to "${fix}"`,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: true,
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range, text: `"${fix}"` },
              },
            ],
          },
        });
      }
      return { actions, dispose() {} };
    },
  });

  const toMarker = (
    model: Monaco.editor.ITextModel,
    d: EditorDiagnostic,
  ): Monaco.editor.IMarkerData => {
    const start = model.getPositionAt(d.offset);
    const end = model.getPositionAt(d.offset + Math.max(1, d.length));
    return {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
      message: d.message,
      code: d.code,
      source: d.path,
      severity:
        d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    };
  };
  const validate = async (model: Monaco.editor.ITextModel) => {
    const text = model.getValue();
    const syntax = findSyntaxProblems(text);
    if (syntax.length > 0) {
      monaco.editor.setModelMarkers(
        model,
        'kea-config',
        syntax.map((p) => toMarker(model, { ...p, code: 'syntax', path: '' })),
      );
    }
    const diagnostics = await service.validate(model.uri.toString(), text, versionOf(model));
    if (diagnostics && !model.isDisposed() && model.getValue() === text) {
      monaco.editor.setModelMarkers(
        model,
        'kea-config',
        diagnostics.map((d) => toMarker(model, d)),
      );
    }
  };
  const timers = new WeakMap<Monaco.editor.ITextModel, ReturnType<typeof setTimeout>>();
  const watch = (model: Monaco.editor.ITextModel) => {
    if (model.getLanguageId() !== KEA_CONFIG_LANGUAGE) return;
    void validate(model);
    model.onDidChangeContent(() => {
      clearTimeout(timers.get(model));
      timers.set(
        model,
        setTimeout(() => void validate(model), 200),
      );
    });
  };
  monaco.editor.onDidCreateModel(watch);
  for (const model of monaco.editor.getModels()) watch(model);
}
