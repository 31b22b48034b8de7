/** A JSON value as Kea's config holds it. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** One segment of a JSON path: a map key or a list index. */
export type PathSegment = string | number;

/** `Dhcp4/subnet4[0]/pools` as our diagnostics print JSON paths. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `/${segment}`;
  }
  return out;
}
