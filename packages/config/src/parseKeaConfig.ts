import type {
  ArrayNode,
  ConfigNode,
  IncludeNode,
  JsonValue,
  ObjectNode,
  PropertyNode,
} from './configNode';

/** A syntax error: where, what was found, what Kea's grammar would have taken there. */
export interface SyntaxProblem {
  message: string;
  offset: number;
  length: number;
  expected: readonly string[];
  /** Set when the error is inside an included file. */
  file: string | undefined;
}

export interface ParseOptions {
  /**
   * Text of an included file, by the path written in `<?include "path"?>`; undefined when the
   * workspace has no such file (reported as an error at the directive). Default: no files.
   */
  readInclude?: (path: string) => string | undefined;
  /** Nesting limit for includes, against include loops. Default 8. */
  maxIncludeDepth?: number;
}

export interface ParseResult {
  /** Undefined only when the text has a syntax error before any value. */
  root: ConfigNode | undefined;
  /** The first syntax error (Kea stops there too), or none. */
  errors: SyntaxProblem[];
  /** Every include directive met, resolved or not. */
  includes: IncludeNode[];
  /** Texts of the included files, by path, for positions inside them. */
  includedTexts: Map<string, string>;
}

class StopParsing extends Error {}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const STAR = 42;

/**
 * Parses Kea config text: JSON plus `#`, `//` and `/* *\/` comments, trailing commas in maps
 * and lists, numbers such as `.5`, and `<?include "file"?>` in value position. A hand-written
 * scanner (no regular expressions on the hot path) that builds nodes and plain values together.
 * Never throws; stops at the first syntax error like Kea does.
 */
export function parseKeaConfig(text: string, options: ParseOptions = {}): ParseResult {
  const result: ParseResult = {
    root: undefined,
    errors: [],
    includes: [],
    includedTexts: new Map(),
  };
  const parser = new Parser(text, undefined, options, result, 0);
  result.root = parser.parseDocument();
  return result;
}

/**
 * Parses one value that starts at `offset` of `text` and must end exactly at `end`
 * (the incremental path re-parses a single subtree). Returns undefined when the slice is not
 * one complete value, so the caller falls back to a full parse.
 */
export function parseValueAt(
  text: string,
  offset: number,
  end: number,
  options: ParseOptions,
  result: ParseResult,
): ConfigNode | undefined {
  const parser = new Parser(text, undefined, options, result, 0, offset);
  return parser.parseSlice(end);
}

class Parser {
  #pos: number;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
    private readonly options: ParseOptions,
    private readonly result: ParseResult,
    private readonly depth: number,
    start = 0,
  ) {
    this.#pos = start;
  }

  parseDocument(): ConfigNode | undefined {
    try {
      this.skipTrivia();
      const root = this.parseValue();
      this.skipTrivia();
      if (this.#pos < this.text.length) this.fail(['end of input']);
      return root;
    } catch (error) {
      if (error instanceof StopParsing) return undefined;
      throw error;
    }
  }

  parseSlice(end: number): ConfigNode | undefined {
    const errorsBefore = this.result.errors.length;
    try {
      const node = this.parseValue();
      if (this.#pos !== end) return undefined;
      return node;
    } catch (error) {
      if (error instanceof StopParsing) {
        this.result.errors.length = errorsBefore;
        return undefined;
      }
      throw error;
    }
  }

  private parseValue(): ConfigNode {
    const text = this.text;
    const start = this.#pos;
    const c = text.charCodeAt(start);
    if (c === LBRACE) return this.parseObject();
    if (c === LBRACKET) return this.parseArray();
    if (c === QUOTE) {
      const value = this.scanString();
      return { kind: 'string', offset: start, length: this.#pos - start, value };
    }
    if (c === MINUS || c === DOT || (c >= 48 && c <= 57)) return this.parseNumber();
    if (text.startsWith('true', start)) return this.keyword(start, 4, true);
    if (text.startsWith('false', start)) return this.keyword(start, 5, false);
    if (text.startsWith('null', start)) {
      this.#pos += 4;
      return { kind: 'null', offset: start, length: 4, value: null };
    }
    if (c === LT && text.startsWith('<?include', start)) return this.parseInclude();
    return this.fail(['a value']);
  }

  private keyword(start: number, length: number, value: boolean): ConfigNode {
    this.#pos += length;
    return { kind: 'boolean', offset: start, length, value };
  }

  private parseObject(): ObjectNode {
    const text = this.text;
    const start = this.#pos;
    this.#pos++;
    const properties: PropertyNode[] = [];
    const value: { [key: string]: JsonValue } = {};
    this.skipTrivia();
    if (text.charCodeAt(this.#pos) === RBRACE) {
      this.#pos++;
      return { kind: 'object', offset: start, length: this.#pos - start, properties, value };
    }
    for (;;) {
      if (text.charCodeAt(this.#pos) !== QUOTE) this.fail(['a quoted key']);
      const keyOffset = this.#pos;
      const key = this.scanString();
      const keyLength = this.#pos - keyOffset;
      this.skipTrivia();
      if (text.charCodeAt(this.#pos) !== COLON) this.fail(["':'"]);
      this.#pos++;
      this.skipTrivia();
      const child = this.parseValue();
      properties.push({ key, keyOffset, keyLength, value: child });
      if (key === '__proto__') {
        Object.defineProperty(value, key, { value: child.value, enumerable: true, writable: true });
      } else {
        value[key] = child.value;
      }
      this.skipTrivia();
      const next = text.charCodeAt(this.#pos);
      if (next === COMMA) {
        this.#pos++;
        this.skipTrivia();
        if (text.charCodeAt(this.#pos) === RBRACE) break; // trailing comma: Kea accepts it
        continue;
      }
      if (next === RBRACE) break;
      this.fail(["','", "'}'"]);
    }
    this.#pos++;
    return { kind: 'object', offset: start, length: this.#pos - start, properties, value };
  }

  private parseArray(): ArrayNode {
    const text = this.text;
    const start = this.#pos;
    this.#pos++;
    const items: ConfigNode[] = [];
    const value: JsonValue[] = [];
    this.skipTrivia();
    if (text.charCodeAt(this.#pos) === RBRACKET) {
      this.#pos++;
      return { kind: 'array', offset: start, length: this.#pos - start, items, value };
    }
    for (;;) {
      const child = this.parseValue();
      items.push(child);
      value.push(child.value);
      this.skipTrivia();
      const next = text.charCodeAt(this.#pos);
      if (next === COMMA) {
        this.#pos++;
        this.skipTrivia();
        if (text.charCodeAt(this.#pos) === RBRACKET) break;
        continue;
      }
      if (next === RBRACKET) break;
      this.fail(["','", "']'"]);
    }
    this.#pos++;
    return { kind: 'array', offset: start, length: this.#pos - start, items, value };
  }

  private parseNumber(): ConfigNode {
    const text = this.text;
    const start = this.#pos;
    let i = start;
    let integer = true;
    if (text.charCodeAt(i) === MINUS) i++;
    const digitsStart = i;
    while (isDigit(text.charCodeAt(i))) i++;
    let digits = i - digitsStart;
    if (text.charCodeAt(i) === DOT) {
      integer = false;
      i++;
      const fractionStart = i;
      while (isDigit(text.charCodeAt(i))) i++;
      digits += i - fractionStart;
    }
    if (digits === 0) {
      this.#pos = start;
      this.fail(['a number']);
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      integer = false;
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) {
        this.#pos = i;
        this.fail(['exponent digits']);
      }
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.#pos = i;
    const value = Number(text.slice(start, i));
    return { kind: 'number', offset: start, length: i - start, value, integer };
  }

  private scanString(): string {
    const text = this.text;
    const start = this.#pos + 1;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.#pos = i + 1;
        return text.slice(start, i);
      }
      if (c === BACKSLASH) return this.scanEscapedString(start);
      if (c === LF || Number.isNaN(c)) {
        this.#pos = i;
        this.fail(['a closing quote']);
      }
      i++;
    }
  }

  private scanEscapedString(start: number): string {
    const text = this.text;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === LF || Number.isNaN(c)) {
        this.#pos = i;
        this.fail(['a closing quote']);
      }
      i += c === BACKSLASH ? 2 : 1;
    }
    const raw = text.slice(start - 1, i + 1);
    try {
      this.#pos = i + 1;
      return JSON.parse(raw) as string;
    } catch {
      this.#pos = start;
      return this.fail(['a valid escape sequence (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)']);
    }
  }

  private parseInclude(): IncludeNode {
    const text = this.text;
    const start = this.#pos;
    const match = /^<\?include\s*"([^"]*)"\s*\?>/.exec(text.slice(start, start + 4096));
    if (!match || match[1] === undefined) return this.fail(['<?include "file"?>']);
    this.#pos = start + match[0].length;
    const file = match[1];
    const node: IncludeNode = {
      kind: 'include',
      offset: start,
      length: match[0].length,
      file,
      target: undefined,
      value: null,
    };
    this.result.includes.push(node);
    const included = this.options.readInclude?.(file);
    const limit = this.options.maxIncludeDepth ?? 8;
    if (included === undefined || this.depth >= limit) {
      const why =
        included === undefined
          ? `included file '${file}' is not in the workspace`
          : `includes nested deeper than ${limit} (a loop?)`;
      this.result.errors.push({
        message: why,
        offset: start,
        length: match[0].length,
        expected: [],
        file: this.file,
      });
      throw new StopParsing();
    }
    this.result.includedTexts.set(file, included);
    const inner = new Parser(included, file, this.options, this.result, this.depth + 1);
    const target = inner.parseDocument();
    if (target === undefined) throw new StopParsing();
    node.target = target;
    node.value = target.value;
    return node;
  }

  private skipTrivia(): void {
    const text = this.text;
    let i = this.#pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === LF || c === CR || c === TAB) {
        i++;
      } else if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end + 1;
      } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) {
          this.#pos = i;
          this.fail(["'*/' closing the comment"]);
        }
        i = end + 2;
      } else {
        break;
      }
    }
    this.#pos = i;
  }

  private fail(expected: readonly string[]): never {
    const found = describeToken(this.text, this.#pos);
    this.result.errors.push({
      message: `syntax error, unexpected ${found}, expecting ${expected.join(' or ')}`,
      offset: this.#pos,
      length: Math.max(1, Math.min(tokenLength(this.text, this.#pos), 200)),
      expected,
      file: this.file,
    });
    throw new StopParsing();
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function tokenLength(text: string, pos: number): number {
  const match = /^("(?:[^"\\\n]|\\.)*"?|[\w.+-]+|.)/.exec(text.slice(pos, pos + 256));
  return match ? match[0].length : 1;
}

/** Names the token at `pos` the way Kea's bison parser does ("constant string", "integer"). */
function describeToken(text: string, pos: number): string {
  if (pos >= text.length) return 'end of file';
  const c = text.charCodeAt(pos);
  if (c === QUOTE) return 'constant string';
  if (c === MINUS || isDigit(c))
    return /^-?\d+(?![.\deE])/.test(text.slice(pos, pos + 40)) ? 'integer' : 'floating point';
  if (text.startsWith('null', pos)) return 'null';
  if (text.startsWith('true', pos) || text.startsWith('false', pos)) return 'boolean';
  return `'${text[pos]}'`;
}
