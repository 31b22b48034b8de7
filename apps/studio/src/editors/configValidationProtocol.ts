/** Messages between the config editor and its validation worker. */
export type ConfigRequest =
  | { type: 'validate'; id: number; text: string; keaVersion: string }
  | { type: 'schema'; id: number; keaVersion: string };

export interface EditorDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  offset: number;
  length: number;
  path: string;
}

export type ConfigResponse =
  | { type: 'validated'; id: number; diagnostics: EditorDiagnostic[] }
  | { type: 'schema'; id: number; schema: unknown };
