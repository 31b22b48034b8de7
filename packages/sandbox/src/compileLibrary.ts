import { transform } from 'sucrase';
import type { SourceLibrary } from './protocol';

/** The modules a user library may import, by specifier (e.g. `@hookscope/engine`). */
export type ModuleMap = Readonly<Record<string, unknown>>;

export class LibraryCompileError extends Error {
  override name = 'LibraryCompileError';
  constructor(
    readonly library: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Compiles a user library (TypeScript or JavaScript, ES module syntax) to CommonJS with
 * sucrase, then evaluates it with a `require` that knows only `modules`. Evaluation runs the
 * module's top level, so it must happen inside the worker's time budget.
 * @returns the module's exports: the LibraryModule the engine loads.
 * @throws LibraryCompileError on a syntax error, an unknown import, or a throw at top level.
 */
export function compileLibrary(
  library: SourceLibrary,
  modules: ModuleMap,
): Record<string, unknown> {
  let code: string;
  try {
    code = transform(library.source, {
      transforms: library.language === 'ts' ? ['typescript', 'imports'] : ['imports'],
      filePath: library.path,
      production: true,
    }).code;
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number } };
    throw new LibraryCompileError(library.path, e.message ?? String(error), e.loc?.line);
  }
  const require = (specifier: string): unknown => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    throw new LibraryCompileError(
      library.path,
      `cannot import "${specifier}": a library may import ${Object.keys(modules).join(', ')}`,
    );
  };
  const module = { exports: {} as Record<string, unknown> };
  // new Function, not eval: the code sees only these three names and the worker's globals.
  const run = new Function(
    'exports',
    'require',
    'module',
    `${code}\n//# sourceURL=${library.path}`,
  );
  try {
    run(module.exports, require, module);
  } catch (error) {
    if (error instanceof LibraryCompileError) throw error;
    const e = error instanceof Error ? error : new Error(String(error));
    throw new LibraryCompileError(library.path, `top-level code threw: ${e.message}`);
  }
  return module.exports;
}
