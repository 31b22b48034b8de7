import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { registerConfigIntelligence } from './configIntelligence';
import { ENGINE_DECLARATIONS, ENGINE_MODULE } from './engineDeclarations';
import { registerKeaConfigLanguage } from './keaConfigLanguage';

/**
 * Monaco, set up once per page: bundled workers (nothing from a CDN), the Kea config language,
 * and the engine's declarations for IntelliSense in library editors. This module is only
 * reached through a dynamic import, so none of it is in the studio's first load.
 */
let done = false;
export function setUpMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      return label === 'typescript' || label === 'javascript'
        ? new TypeScriptWorker()
        : new EditorWorker();
    },
  };
  registerKeaConfigLanguage(monaco);
  registerConfigIntelligence(monaco);
  const ts = monaco.typescript;
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions({
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      strict: true,
      allowNonTsExtensions: true,
      noEmit: true,
    });
    defaults.addExtraLib(ENGINE_DECLARATIONS, `file:///node_modules/${ENGINE_MODULE}/index.d.ts`);
    // Library files are separate modules: their top-level names must not clash.
    defaults.setEagerModelSync(true);
  }
  return monaco;
}
