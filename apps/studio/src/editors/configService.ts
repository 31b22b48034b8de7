import ConfigValidationWorker from './configValidation.worker?worker';
import type { ConfigRequest, ConfigResponse, EditorDiagnostic } from './configValidationProtocol';

export interface ConfigService {
  /** Diagnostics of `text`; a newer call for the same `key` makes older ones resolve undefined. */
  validate(key: string, text: string, keaVersion: string): Promise<EditorDiagnostic[] | undefined>;
  schema(keaVersion: string): Promise<unknown>;
}

/** The config editor's link to its validation worker (one per page, started on first use). */
export function createConfigService(): ConfigService {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, (m: ConfigResponse) => void>();
  const latest = new Map<string, number>();
  const schemas = new Map<string, Promise<unknown>>();
  const ask = (request: ConfigRequest) =>
    new Promise<ConfigResponse>((resolve) => {
      if (!worker) {
        worker = new ConfigValidationWorker();
        worker.onmessage = (e: MessageEvent<ConfigResponse>) => {
          waiting.get(e.data.id)?.(e.data);
          waiting.delete(e.data.id);
        };
      }
      waiting.set(request.id, resolve);
      worker.postMessage(request);
    });
  return {
    async validate(key, text, keaVersion) {
      const id = nextId++;
      latest.set(key, id);
      const answer = await ask({ type: 'validate', id, text, keaVersion });
      if (latest.get(key) !== id || answer.type !== 'validated') return undefined;
      return answer.diagnostics;
    },
    schema(keaVersion) {
      let s = schemas.get(keaVersion);
      if (!s) {
        s = ask({ type: 'schema', id: nextId++, keaVersion }).then((a) =>
          a.type === 'schema' ? a.schema : undefined,
        );
        schemas.set(keaVersion, s);
      }
      return s;
    },
  };
}
