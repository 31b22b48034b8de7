import type { ConfigValidator, ValidateOptions, ValidationResult } from './createConfigValidator';
import type { PathSegment } from './jsonPath';
import { rescanAround } from './rescanAround';
import { scanKeaConfig } from './scanKeaConfig';

/** One change to the text, as an editor reports it (Monaco: rangeOffset, rangeLength, text). */
export interface TextChange {
  offset: number;
  /** Characters removed at `offset`. */
  length: number;
  /** Text inserted in their place. */
  text: string;
}

/**
 * A config being edited: keeps the last scan and re-scans only the smallest map or list
 * around each change, then re-validates (the schema only on that subtree). Falls back to a
 * full scan whenever it cannot localise the change: the outermost brackets, an include, or a
 * syntax error before or after it. Never throws.
 */
export interface ConfigDocument {
  readonly text: string;
  readonly result: ValidationResult;
  /** How the last update was done: for tests and the benchmark. */
  readonly lastUpdate: 'full' | 'incremental';
  /**
   * Applies changes in order, each against the text the previous one left. Monaco lists the
   * changes of one edit last-first, so its `event.changes` can be passed as they are.
   */
  update(changes: TextChange | readonly TextChange[]): ValidationResult;
  /** Replaces the whole text (file open, paste over everything). */
  setText(text: string): ValidationResult;
  /** Changes the options (e.g. the target Kea version) and re-validates. */
  setOptions(options: ValidateOptions): ValidationResult;
}

export function createConfigDocument(
  validator: ConfigValidator,
  initialText: string,
  initialOptions: ValidateOptions = {},
): ConfigDocument {
  let text = initialText;
  let options = initialOptions;
  let scan = scanKeaConfig(text, options);
  let result = validator.validateScanned(scan, options);
  let lastUpdate: 'full' | 'incremental' = 'full';

  /** Applies one change; returns the path of the re-scanned container, or undefined (full). */
  const apply = (change: TextChange): PathSegment[] | undefined => {
    const next =
      text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);
    const path = rescanAround(scan, next, change, options);
    text = next;
    if (path === undefined) scan = scanKeaConfig(text, options);
    return path;
  };

  const full = (): ValidationResult => {
    scan = scanKeaConfig(text, options);
    lastUpdate = 'full';
    result = validator.validateScanned(scan, options);
    return result;
  };

  return {
    get text() {
      return text;
    },
    get result() {
      return result;
    },
    get lastUpdate() {
      return lastUpdate;
    },
    update(changes) {
      const list: readonly TextChange[] = Array.isArray(changes)
        ? changes
        : [changes as TextChange];
      let changed: PathSegment[] | undefined;
      let incremental = true;
      for (const change of list) {
        const path = apply(change);
        if (path === undefined) incremental = false;
        else changed = changed === undefined ? path : commonPrefix(changed, path);
      }
      lastUpdate = incremental ? 'incremental' : 'full';
      const revalidation =
        incremental && changed ? { previous: result, changedPath: changed } : undefined;
      result = validator.validateScanned(scan, options, revalidation);
      return result;
    },
    setText(newText) {
      text = newText;
      return full();
    },
    setOptions(newOptions) {
      options = newOptions;
      return full();
    },
  };
}

function commonPrefix(a: readonly PathSegment[], b: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) out.push(a[i] as PathSegment);
  return out;
}
