import type { Ajv, ValidateFunction } from 'ajv';
import type { DiagnosticInput } from './diagnostic';
import type { JsonValue, PathSegment } from './jsonPath';
import type { LibraryDefinition } from './libraryRegistry';
import { schemaErrorToDiagnostic } from './schemaErrors';

/** Checks one library's `parameters` against its registered schema, reporting as it goes. */
export type ParameterChecker = (
  definition: LibraryDefinition,
  parameters: JsonValue,
  path: PathSegment[],
  absent: boolean,
  report: (input: DiagnosticInput) => void,
) => void;

/**
 * Compiles each definition's schema once (cached per definition object). Every finding is a
 * `load`-phase diagnostic: Kea sees parameters only when the library's load() runs. Unknown
 * parameter names are warnings, since libraries differ in whether they reject them.
 */
export function createParameterChecker(ajv: Ajv): ParameterChecker {
  const compiled = new WeakMap<LibraryDefinition, ValidateFunction>();
  return (definition, parameters, path, absent, report) => {
    let validate = compiled.get(definition);
    if (validate === undefined) {
      validate = ajv.compile(definition.parametersSchema);
      compiled.set(definition, validate);
    }
    if (validate(parameters)) return;
    const properties = definition.parametersSchema['properties'];
    const known =
      properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
    const allowedKeys = (at: readonly PathSegment[]) =>
      at.length === path.length ? known : undefined;
    for (const error of validate.errors ?? []) {
      const input = schemaErrorToDiagnostic(error, parameters, path, { allowedKeys });
      input.phase = 'load';
      input.code = 'library-parameters';
      if (error.keyword === 'additionalProperties') {
        input.severity = 'warning';
        input.message = `${input.message.replace(/^unknown keyword/, 'unknown parameter')}: ${definition.fileName} does not document it`;
        input.keaMessage = undefined;
      }
      if (error.keyword === 'required') {
        const missing = String((error.params as { missingProperty: string }).missingProperty);
        input.message = `${definition.fileName} needs the '${missing}' parameter${absent ? ' (this entry has no parameters at all)' : ''}; Kea fails to load the library without it`;
        input.keaMessage = definition.missingParameterMessages?.[missing];
        if (absent && path.length > 0) input.path = path.slice(0, -1);
      }
      report(input);
    }
  };
}
