import { formatPath, type PathSegment } from './jsonPath';
import { LineIndex } from './lineIndex';
import { locate } from './locate';
import type { ConfigIndex } from './scanKeaConfig';

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
  /** Obvious repairs an editor can offer as quick fixes (may be empty). */
  fixes: QuickFix[];
}

/** A repair: apply `edits` (offsets in the text the diagnostic points into). */
export interface QuickFix {
  title: string;
  edits: { offset: number; length: number; content: string }[];
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
  /** With `atKey`: the key is very likely meant to be this one (offers a rename fix). */
  renameTo?: string;
}

/**
 * Turns JSON paths into text positions for one scan. Line indexes are built lazily per file,
 * so a clean config never pays for them.
 */
export class DiagnosticLocator {
  readonly #texts: Map<string | undefined, string>;
  readonly #indexes = new Map<string | undefined, LineIndex>();

  constructor(
    private readonly index: ConfigIndex,
    includedTexts: ReadonlyMap<string, string>,
  ) {
    this.#texts = new Map<string | undefined, string>(includedTexts);
    this.#texts.set(undefined, index.text);
  }

  create(input: DiagnosticInput): ConfigDiagnostic {
    const found = locate(this.index, input.path);
    const complete = found.depth === input.path.length;
    let offset = found.offset;
    let length = found.length;
    if (input.atKey && complete && found.keyOffset !== undefined) {
      offset = found.keyOffset;
      length = found.keyLength ?? 1;
    } else {
      // A whole map or list is too long to underline: mark its opening bracket.
      const c = this.text(found.file).charCodeAt(offset);
      if (c === 123 || c === 91) length = 1;
    }
    const diagnostic = this.at(input, Math.max(0, offset), Math.max(1, length), found.file);
    if (input.renameTo !== undefined && input.atKey && complete && found.keyOffset !== undefined) {
      diagnostic.fixes.push({
        title: `Rename to '${input.renameTo}'`,
        edits: [{ offset, length, content: JSON.stringify(input.renameTo) }],
      });
    }
    return diagnostic;
  }

  /** A diagnostic at an explicit offset (syntax errors). */
  at(
    input: DiagnosticInput,
    offset: number,
    length: number,
    file: string | undefined,
  ): ConfigDiagnostic {
    const position = this.lines(file).position(offset);
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
      fixes: [],
    };
  }

  /** `file:line:column` as Kea prints positions, for messages that cite another place. */
  describe(offset: number, file: string | undefined): string {
    const position = this.lines(file).position(offset);
    return `${file ?? '<config>'}:${position.line}:${position.column}`;
  }

  private text(file: string | undefined): string {
    return this.#texts.get(file) ?? '';
  }

  private lines(file: string | undefined): LineIndex {
    let lines = this.#indexes.get(file);
    if (lines === undefined) {
      lines = new LineIndex(this.text(file));
      this.#indexes.set(file, lines);
    }
    return lines;
  }
}
