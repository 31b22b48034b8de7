import {
  type ConfigNode,
  formatPath,
  lastProperty,
  type PathSegment,
  type PropertyNode,
} from './configNode';
import { LineIndex } from './lineIndex';

export type DiagnosticCode =
  | 'syntax'
  | 'include'
  | 'unknown-element'
  | 'unknown-keyword'
  | 'wrong-type'
  | 'duplicate-keyword'
  | 'missing-keyword'
  | 'hooks-library'
  | 'library-path'
  | 'library-parameters'
  | 'duplicate-library'
  | 'multi-threading'
  | 'duplicate-subnet-id'
  | 'duplicate-subnet'
  | 'bad-address'
  | 'pool-outside-subnet'
  | 'unsupported-version';

/**
 * One finding, with where it is. `message` is ours; `keaMessage` is what Kea itself says in
 * that case (its words, message id included), when it says something.
 */
export interface ConfigDiagnostic {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
  keaMessage: string | undefined;
  /** JSON path of the value (or of the map holding an unknown key). */
  path: PathSegment[];
  /** The path as text: `Dhcp4/subnet4[0]/pools`. */
  pathText: string;
  /** Included file the position refers to; undefined for the main text. */
  file: string | undefined;
  line: number;
  column: number;
  offset: number;
  length: number;
  /**
   * `config`: Kea finds it while parsing the configuration (so `kea-dhcp4 -t` does too).
   * `load`: found only when the libraries' `load()` run, i.e. on a real start, never by `-t`.
   */
  phase: 'config' | 'load';
}

export interface DiagnosticInput {
  severity?: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
  keaMessage?: string;
  path: readonly PathSegment[];
  /** Point at the key of the last path segment instead of its value. */
  atKey?: boolean;
  phase?: 'config' | 'load';
}

/**
 * Turns JSON paths into text positions for one parse. Line indexes are built lazily per file,
 * so a clean config never pays for them.
 */
export class DiagnosticLocator {
  readonly #texts: Map<string | undefined, string>;
  readonly #indexes = new Map<string | undefined, LineIndex>();

  constructor(
    private readonly root: ConfigNode | undefined,
    mainText: string,
    includedTexts: ReadonlyMap<string, string>,
  ) {
    this.#texts = new Map<string | undefined, string>(includedTexts);
    this.#texts.set(undefined, mainText);
  }

  create(input: DiagnosticInput): ConfigDiagnostic {
    const { node, property, file } = this.resolve(input.path);
    let offset = 0;
    let length = 1;
    if (input.atKey && property) {
      offset = property.keyOffset;
      length = property.keyLength;
    } else if (node) {
      offset = node.offset;
      // A whole subnet is too long to underline: mark its first line at most.
      length = node.kind === 'object' || node.kind === 'array' ? 1 : node.length;
    }
    return this.at(input, offset, length, file);
  }

  /** A diagnostic at an explicit offset (syntax errors). */
  at(
    input: DiagnosticInput,
    offset: number,
    length: number,
    file: string | undefined,
  ): ConfigDiagnostic {
    const position = this.index(file).position(offset);
    return {
      severity: input.severity ?? 'error',
      code: input.code,
      message: input.message,
      keaMessage: input.keaMessage,
      path: [...input.path],
      pathText: formatPath(input.path),
      file,
      line: position.line,
      column: position.column,
      offset,
      length,
      phase: input.phase ?? 'config',
    };
  }

  /** `file:line:column` as Kea prints positions, for messages that cite another place. */
  describe(offset: number, file: string | undefined): string {
    const position = this.index(file).position(offset);
    return `${file ?? '<config>'}:${position.line}:${position.column}`;
  }

  resolve(path: readonly PathSegment[]): {
    node: ConfigNode | undefined;
    property: PropertyNode | undefined;
    file: string | undefined;
  } {
    let node = this.root;
    let property: PropertyNode | undefined;
    let file: string | undefined;
    for (const segment of path) {
      while (node?.kind === 'include') {
        file = node.file;
        node = node.target;
      }
      if (node === undefined) break;
      if (node.kind === 'object' && typeof segment === 'string') {
        property = lastProperty(node, segment);
        if (property === undefined) break;
        node = property.value;
      } else if (node.kind === 'array' && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        property = undefined;
      } else {
        break;
      }
    }
    return { node, property, file };
  }

  private index(file: string | undefined): LineIndex {
    let index = this.#indexes.get(file);
    if (index === undefined) {
      index = new LineIndex(this.#texts.get(file) ?? '');
      this.#indexes.set(file, index);
    }
    return index;
  }
}
