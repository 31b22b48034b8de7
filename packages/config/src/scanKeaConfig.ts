import type { JsonValue } from './jsonPath';
import { skipTrivia } from './locate';

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

/**
 * A flat, allocation-light index of one Kea config text: the bracket pairs of every map and
 * list (typed arrays in text order), duplicate keys, includes and the first syntax error.
 * Values come from `JSON.parse` over a cleaned copy of the text (comments and trailing
 * commas dropped, `.5` written `0.5`, includes spliced in), which is an order of magnitude
 * faster than building a node per value. Positions of any value are found on demand by
 * `locate` (locate.ts), which jumps over whole maps and lists through the index.
 */
export interface ConfigIndex {
  text: string;
  /** Included file this index belongs to; undefined for the main text. */
  file: string | undefined;
  /** Number of maps and lists. Entry i is the i-th opening bracket in the text. */
  count: number;
  open: Int32Array;
  close: Int32Array;
  /** Index of the enclosing container, -1 for the outermost. */
  parent: Int32Array;
  /**
   * Where the container sits in its parent: the item index when the parent is a list, the
   * offset of its key when the parent is a map (-1 for the outermost).
   */
  slot: Int32Array;
  /** Offset of the root value (after leading comments), -1 when there is none. */
  rootOffset: number;
  duplicates: DuplicateKey[];
  includes: IncludeSite[];
}

export interface DuplicateKey {
  keyOffset: number;
  keyLength: number;
  previousOffset: number;
  key: string;
  /** Offset of the map holding both. */
  mapOffset: number;
}

export interface IncludeSite {
  offset: number;
  length: number;
  path: string;
  /** Index of the included text; undefined when the file is missing (an error says so). */
  index: ConfigIndex | undefined;
}

export interface ScanResult {
  index: ConfigIndex;
  /** The config value; undefined when there is a syntax error. */
  value: JsonValue | undefined;
  errors: SyntaxProblem[];
  includedTexts: Map<string, string>;
}

/** Scans and parses a config text. Never throws; stops at the first syntax error like Kea. */
export function scanKeaConfig(text: string, options: ParseOptions = {}): ScanResult {
  const errors: SyntaxProblem[] = [];
  const includedTexts = new Map<string, string>();
  const scanner = new Scanner(text, undefined, options, errors, includedTexts, 0);
  const index = scanner.scanDocument();
  let value: JsonValue | undefined;
  if (errors.length === 0) value = JSON.parse(scanner.cleaned()) as JsonValue;
  return { index, value, errors, includedTexts };
}

/**
 * Scans `text` from `start` to `end` as one value (the incremental path). Returns the
 * container entries of the slice and its value, or undefined when it is not one valid value.
 */
export function scanSlice(
  text: string,
  start: number,
  end: number,
  options: ParseOptions,
): { index: ConfigIndex; value: JsonValue } | undefined {
  const errors: SyntaxProblem[] = [];
  const scanner = new Scanner(text, undefined, options, errors, new Map(), 0, start, end);
  const index = scanner.scanDocument();
  if (errors.length > 0 || index.includes.length > 0) return undefined;
  return { index, value: JSON.parse(scanner.cleaned()) as JsonValue };
}

class Stop extends Error {}

class Scanner {
  pos: number;
  private readonly end: number;
  private chunks: string[] = [];
  private copied: number;
  private count = 0;
  private open: Int32Array;
  private close: Int32Array;
  private parent: Int32Array;
  private slot: Int32Array;
  private readonly duplicates: DuplicateKey[] = [];
  private readonly includes: IncludeSite[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
    private readonly options: ParseOptions,
    private readonly errors: SyntaxProblem[],
    private readonly includedTexts: Map<string, string>,
    private readonly depth: number,
    start = 0,
    end = text.length,
  ) {
    this.pos = start;
    this.copied = start;
    this.end = end;
    const capacity = Math.max(16, ((end - start) / 64) | 0);
    this.open = new Int32Array(capacity);
    this.close = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.slot = new Int32Array(capacity);
  }

  scanDocument(): ConfigIndex {
    let rootOffset = -1;
    try {
      this.skipTrivia();
      rootOffset = this.pos;
      this.value(-1, -1);
      this.skipTrivia();
      if (this.pos < this.end) this.fail(['end of input']);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    return {
      text: this.text,
      file: this.file,
      count: this.count,
      open: this.open.subarray(0, this.count),
      close: this.close.subarray(0, this.count),
      parent: this.parent.subarray(0, this.count),
      slot: this.slot.subarray(0, this.count),
      rootOffset,
      duplicates: this.duplicates,
      includes: this.includes,
    };
  }

  cleaned(): string {
    this.chunks.push(this.text.slice(this.copied, this.end));
    this.copied = this.end;
    const result = this.chunks.join('');
    this.chunks = [];
    return result;
  }

  /** Drops text[from, to) from the cleaned copy. */
  private drop(from: number, to: number, replacement = ''): void {
    this.chunks.push(this.text.slice(this.copied, from));
    if (replacement) this.chunks.push(replacement);
    this.copied = to;
  }

  private value(parent: number, slot: number): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) this.container(parent, slot, false);
    else if (c === 91) this.container(parent, slot, true);
    else if (c === 34) this.string();
    else if (c === 45 || c === 46 || (c >= 48 && c <= 57)) this.number();
    else if (this.text.startsWith('true', this.pos)) this.pos += 4;
    else if (this.text.startsWith('false', this.pos)) this.pos += 5;
    else if (this.text.startsWith('null', this.pos)) this.pos += 4;
    else if (c === 60 && this.text.startsWith('<?include', this.pos)) this.include();
    else this.fail(['a value']);
  }

  private container(parent: number, slot: number, isArray: boolean): void {
    const text = this.text;
    const self = this.count++;
    if (self >= this.open.length) this.grow();
    this.open[self] = this.pos;
    this.parent[self] = parent;
    this.slot[self] = slot;
    const closing = isArray ? 93 : 125;
    this.pos++;
    this.skipTrivia();
    if (text.charCodeAt(this.pos) === closing) {
      this.close[self] = this.pos++;
      return;
    }
    const keys: number[] = [];
    let item = 0;
    for (;;) {
      let childSlot = item++;
      if (!isArray) {
        if (text.charCodeAt(this.pos) !== 34) this.fail(['a quoted key']);
        const keyOffset = this.pos;
        childSlot = keyOffset;
        this.string();
        this.checkDuplicate(keys, keyOffset, this.pos - keyOffset, this.open[self] ?? 0);
        this.skipTrivia();
        if (text.charCodeAt(this.pos) !== 58) this.fail(["':'"]);
        this.pos++;
        this.skipTrivia();
      }
      this.value(self, childSlot);
      this.skipTrivia();
      const next = text.charCodeAt(this.pos);
      if (next === 44) {
        const comma = this.pos++;
        // A trailing comma (Kea accepts it, JSON.parse does not) is dropped before the
        // comments after it are, so the cleaned copy stays in order.
        const trailing = text.charCodeAt(skipTrivia(text, this.pos)) === closing;
        if (trailing) this.drop(comma, comma + 1);
        this.skipTrivia();
        if (trailing) break;
        continue;
      }
      if (next === closing) break;
      this.fail(isArray ? ["','", "']'"] : ["','", "'}'"]);
    }
    this.close[self] = this.pos++;
  }

  private checkDuplicate(keys: number[], offset: number, length: number, mapOffset: number): void {
    const text = this.text;
    for (let k = 0; k < keys.length; k += 2) {
      const other = keys[k] ?? 0;
      if (keys[k + 1] !== length) continue;
      let same = true;
      for (let i = 1; i < length - 1; i++) {
        if (text.charCodeAt(other + i) !== text.charCodeAt(offset + i)) {
          same = false;
          break;
        }
      }
      if (same) {
        const key = JSON.parse(text.slice(offset, offset + length)) as string;
        this.duplicates.push({
          keyOffset: offset,
          keyLength: length,
          previousOffset: other,
          key,
          mapOffset,
        });
        return;
      }
    }
    keys.push(offset, length);
  }

  private string(): void {
    const text = this.text;
    let i = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        const e = text.charCodeAt(i + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            this.failAt(i, ['4 hex digits after \\u']);
          i += 6;
        } else if (
          e === 34 ||
          e === 92 ||
          e === 47 ||
          e === 98 ||
          e === 102 ||
          e === 110 ||
          e === 114 ||
          e === 116
        ) {
          i += 2;
        } else {
          this.failAt(i, ['a valid escape sequence']);
        }
        continue;
      }
      if (c < 32 || Number.isNaN(c)) this.failAt(i, ['a closing quote']);
      i++;
    }
    this.pos = i + 1;
  }

  private number(): void {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (isDigit(text.charCodeAt(i))) i++;
    const intDigits = i - intStart;
    let fractionDigits = 0;
    let dot = false;
    if (text.charCodeAt(i) === 46) {
      dot = true;
      i++;
      const fractionStart = i;
      while (isDigit(text.charCodeAt(i))) i++;
      fractionDigits = i - fractionStart;
    }
    if (intDigits + fractionDigits === 0) this.failAt(start, ['a number']);
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(text.charCodeAt(i))) this.failAt(i, ['exponent digits']);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.pos = i;
    // JSON.parse wants 0.5 not .5, 1.0 not 1., 7 not 07.
    const leadingZero = intDigits > 1 && text.charCodeAt(intStart) === 48;
    if (intDigits === 0 || (dot && fractionDigits === 0) || leadingZero) {
      this.drop(
        start,
        i,
        String(
          Number(
            text
              .slice(start, i)
              .replace(/^(-?)\./, '$10.')
              .replace(/\.(?!\d)/, ''),
          ),
        ),
      );
    }
  }

  private include(): void {
    const text = this.text;
    const start = this.pos;
    const match = /^<\?include\s*"([^"]*)"\s*\?>/.exec(text.slice(start, start + 4096));
    if (!match || match[1] === undefined) this.fail(['<?include "file"?>']);
    const path = match[1];
    const length = match[0].length;
    this.pos = start + length;
    const site: IncludeSite = { offset: start, length, path, index: undefined };
    this.includes.push(site);
    const included = this.options.readInclude?.(path);
    const limit = this.options.maxIncludeDepth ?? 8;
    if (included === undefined || this.depth >= limit) {
      this.errors.push({
        message:
          included === undefined
            ? `included file '${path}' is not in the workspace`
            : `includes nested deeper than ${limit} (a loop?)`,
        offset: start,
        length,
        expected: [],
        file: this.file,
      });
      throw new Stop();
    }
    this.includedTexts.set(path, included);
    const inner = new Scanner(
      included,
      path,
      this.options,
      this.errors,
      this.includedTexts,
      this.depth + 1,
    );
    site.index = inner.scanDocument();
    if (this.errors.length > 0) throw new Stop();
    this.drop(start, start + length, inner.cleaned());
  }

  private skipTrivia(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
      } else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
        const end = text.indexOf('\n', i);
        const stop = end === -1 || end > this.end ? this.end : end;
        this.drop(i, stop);
        i = stop;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf('*/', i + 2);
        if (end === -1 || end + 2 > this.end) this.failAt(i, ["'*/' closing the comment"]);
        this.drop(i, end + 2, ' ');
        i = end + 2;
      } else {
        break;
      }
    }
    this.pos = Math.min(i, this.end);
  }

  private grow(): void {
    const size = this.open.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.open = grow(this.open);
    this.close = grow(this.close);
    this.parent = grow(this.parent);
    this.slot = grow(this.slot);
  }

  private fail(expected: readonly string[]): never {
    return this.failAt(this.pos, expected);
  }

  private failAt(offset: number, expected: readonly string[]): never {
    this.errors.push({
      message: `syntax error, unexpected ${describeToken(this.text, offset, this.end)}, expecting ${expected.join(' or ')}`,
      offset,
      length: 1,
      expected,
      file: this.file,
    });
    throw new Stop();
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Names the token at `pos` the way Kea's bison parser does ("constant string", "integer"). */
export function describeToken(text: string, pos: number, end = text.length): string {
  if (pos >= end) return 'end of file';
  const c = text.charCodeAt(pos);
  if (c === 34) return 'constant string';
  if (c === 45 || isDigit(c)) {
    return /^-?\d+(?![.\deE])/.test(text.slice(pos, pos + 40)) ? 'integer' : 'floating point';
  }
  if (text.startsWith('null', pos)) return 'null';
  if (text.startsWith('true', pos) || text.startsWith('false', pos)) return 'boolean';
  return `'${text[pos]}'`;
}
