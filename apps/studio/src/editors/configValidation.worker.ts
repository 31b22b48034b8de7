// Validates Kea config text off the main thread (a 5 MB config must not stall typing) and
// hands out the JSON Schema that drives completion and hover.
import {
  type ConfigValidator,
  createConfigValidator,
  createLibraryRegistry,
  KEA_LIBRARIES,
} from '@hookscope/config';
import { getBuiltinLibraryDefinitions } from '@hookscope/libraries';
import type { ConfigRequest, ConfigResponse } from './configValidationProtocol';

let validator: ConfigValidator | undefined;
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ConfigRequest>) => void) | null;
  postMessage(m: ConfigResponse): void;
};

scope.onmessage = (event) => {
  if (!validator) {
    // Kea's libraries, then hookscope's built-in ones: both get their parameters checked.
    const registry = createLibraryRegistry(KEA_LIBRARIES);
    for (const definition of getBuiltinLibraryDefinitions()) registry.register(definition);
    validator = createConfigValidator(registry);
  }
  const m = event.data;
  if (m.type === 'validate') {
    const result = validator.validate(m.text, { keaVersion: m.keaVersion });
    const diagnostics = [...result.errors, ...result.warnings]
      .filter((d) => d.file === undefined)
      .map((d) => ({
        severity: d.severity,
        code: d.code,
        message: d.keaMessage ? `${d.message}\nKea: ${d.keaMessage}` : d.message,
        offset: d.offset,
        length: d.length,
        path: d.pathText,
      }));
    scope.postMessage({ type: 'validated', id: m.id, diagnostics });
  } else {
    scope.postMessage({ type: 'schema', id: m.id, schema: validator.schema(m.keaVersion) });
  }
};
