/**
 * A small in-memory file system that libraries write to instead of the disk: the tutorial's
 * `/data/clients/interesting.log` lives here, and the studio shows its content after a run.
 * Engine-neutral: the server or sandbox creates one per run and hands it to the built-in
 * libraries (see `createBuiltinResolver`); a recorder can listen to every write.
 */
export interface VirtualFiles {
  /** Appends text, creating the file if needed (C++'s `std::fstream::app`). */
  append(path: string, data: string): void;
  /** Replaces the file's content, creating it if needed. */
  write(path: string, data: string): void;
  /** The file's content, or undefined when it does not exist. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
  /** Removes the file; false when it did not exist. */
  remove(path: string): boolean;
  /** Every path, sorted. */
  list(): string[];
  /** A plain copy of every file, by path (sorted), for display or export. */
  snapshot(): Record<string, string>;
}

export interface VirtualFileWrite {
  path: string;
  mode: 'append' | 'write';
  data: string;
}

export interface VirtualFilesOptions {
  /** Files present from the start (path → content). Default: none. */
  initial?: Readonly<Record<string, string>>;
  /** Called after every append or write, e.g. to put a `file-write` event in a trace. */
  onWrite?: (write: VirtualFileWrite) => void;
}

/** Paths are absolute, with `/` separators; `.` and `..` are resolved, repeated `/` collapsed. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function createVirtualFiles(options: VirtualFilesOptions = {}): VirtualFiles {
  const files = new Map<string, string>();
  for (const [path, content] of Object.entries(options.initial ?? {})) {
    files.set(normalizePath(path), content);
  }
  const store = (path: string, data: string, mode: 'append' | 'write'): void => {
    const key = normalizePath(path);
    files.set(key, mode === 'append' ? (files.get(key) ?? '') + data : data);
    options.onWrite?.({ path: key, mode, data });
  };
  return {
    append: (path, data) => store(path, data, 'append'),
    write: (path, data) => store(path, data, 'write'),
    read: (path) => files.get(normalizePath(path)),
    exists: (path) => files.has(normalizePath(path)),
    remove: (path) => files.delete(normalizePath(path)),
    list: () => [...files.keys()].sort(),
    snapshot: () => Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
