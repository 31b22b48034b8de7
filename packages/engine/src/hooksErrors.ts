/**
 * The engine's exceptions, one class per Kea exception type. Every one extends `HooksError`, so a
 * caller can catch the whole family; `name` is set so a trace or a log names the Kea type.
 */
export class HooksError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `getArgument` on a name the handle does not hold. */
export class NoSuchArgument extends HooksError {}

/** `getContext` / `getContextNames` when the current library has no such item (or no slot). */
export class NoSuchCalloutContext extends HooksError {}

/** A stored argument or context item read back as another type (Kea: `boost::bad_any_cast`). */
export class ArgumentTypeMismatch extends HooksError {}

/** A hook name or index the registry does not know. */
export class NoSuchHook extends HooksError {}

/** Kept for Kea parity: Kea declares it but never throws it (registering a name twice is fine). */
export class DuplicateHook extends HooksError {}

/** A library index outside 0, 1..N, INT_MAX and -1 (rule R35). */
export class NoSuchLibrary extends HooksError {}

/** A `hooks-libraries` list that cannot be used as given. */
export class InvalidHooksLibraries extends HooksError {}

/** Libraries cannot be replaced while callout handles created under them are still alive (R28). */
export class LibrariesStillOpened extends HooksError {}

/** An operation that is not allowed in the current state, e.g. parking the same object twice. */
export class InvalidOperation extends HooksError {}
