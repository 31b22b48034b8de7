import { ArgumentTypeMismatch } from './hooksErrors';

/**
 * A constructor (or a callable like `BigInt`) standing for the type a caller expects back.
 * Only its `name` is used: JavaScript has no runtime type of its own for a tag like `Pkt4Ptr`.
 */
export type TypeConstructor =
  | (abstract new (
      ...args: never[]
    ) => unknown)
  | ((...args: never[]) => unknown);

/** What `getArgument` / `getContext` may be asked to check: a tag, or a constructor. */
export type TypeExpectation = string | TypeConstructor;

/** A stored argument or context item together with its type tag. */
export interface TaggedValue {
  value: unknown;
  tag: string;
}

/**
 * The tag of a value when the caller gave none: `typeof` for primitives, `"null"`, `"Function"`
 * for functions, otherwise the constructor's name (`"Object"` for a null prototype).
 */
export function typeTagOf(value: unknown): string {
  const kind = typeof value;
  if (kind === 'object') {
    if (value === null) return 'null';
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null) return 'Object';
    const ctor: unknown = (proto as { constructor?: unknown }).constructor;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
  }
  if (kind === 'function') return 'Function';
  return kind;
}

const PRIMITIVE_TAGS: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [Number, 'number'],
  [String, 'string'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
]);

/** The tag an expectation stands for: the string itself, or the constructor's name. */
export function expectedTag(expected: TypeExpectation): string {
  if (typeof expected === 'string') return expected;
  return PRIMITIVE_TAGS.get(expected) ?? expected.name;
}

/**
 * Whether two tags name the same type. Servers tag C++-typed values with their qualified names
 * (`isc::dhcp::Pkt4Ptr`, as hook-points.json and Kea's recorded traces spell them), while a
 * library, like C++ code inside `using namespace isc::dhcp`, may write `Pkt4Ptr`: a name
 * without its namespace matches the qualified one with the same last segment. Nothing else is
 * loosened (`ConstPkt4Ptr` is still not `Pkt4Ptr`, `std::string` is not `string`).
 */
export function sameTypeTag(want: string, stored: string): boolean {
  if (want === stored) return true;
  return keaTypeEndsWith(stored, want) || keaTypeEndsWith(want, stored);
}

// Only Kea's own namespace is opened: `std::string` stays apart from JavaScript's `string`.
function keaTypeEndsWith(qualified: string, short: string): boolean {
  return qualified.startsWith('isc::') && qualified.endsWith(`::${short}`);
}

/**
 * Kea's exact-type rule: hands back the value only when no type is asked for or the asked type
 * is exactly the stored one (a subclass does not match its base class).
 * @throws ArgumentTypeMismatch when the tags differ.
 */
export function checkedValue(
  slot: TaggedValue,
  expected: TypeExpectation | undefined,
  what: string,
): unknown {
  if (expected !== undefined) {
    const want = expectedTag(expected);
    if (!sameTypeTag(want, slot.tag)) {
      throw new ArgumentTypeMismatch(`${what} is stored as '${slot.tag}', not as '${want}'`);
    }
  }
  return slot.value;
}
