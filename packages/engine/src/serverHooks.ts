import { NoSuchHook } from './hooksErrors';

/**
 * The hook registry: names to dense indexes and back (rules R1–R10). It starts with the two
 * framework hooks, `context_create` (0) and `context_destroy` (1); a server registers its hook
 * points next. Hooks are never removed (R7), so an index stays valid for the registry's life.
 * One instance per simulated server: Kea's is process-wide, ours must not be, as a page may run
 * several servers.
 */
export class ServerHooks {
  static readonly CONTEXT_CREATE = 0;
  static readonly CONTEXT_DESTROY = 1;

  readonly #indexes = new Map<string, number>();
  readonly #names: string[] = [];

  constructor() {
    this.registerHook('context_create');
    this.registerHook('context_destroy');
  }

  /**
   * Adds a hook and returns its index. Any string is accepted (R3); a name that exists already
   * returns its index and adds nothing (R4).
   */
  registerHook(name: string): number {
    const known = this.#indexes.get(name);
    if (known !== undefined) return known;
    const index = this.#names.length;
    this.#names.push(name);
    this.#indexes.set(name, index);
    return index;
  }

  /** @throws NoSuchHook when the name is unknown. */
  getIndex(name: string): number {
    const index = this.#indexes.get(name);
    if (index === undefined) throw new NoSuchHook(`hook name '${name}' is not recognised`);
    return index;
  }

  /** The index of a hook, or -1 when the name is unknown. */
  findIndex(name: string): number {
    return this.#indexes.get(name) ?? -1;
  }

  /** @throws NoSuchHook when no hook has that index (negative ones included). */
  getName(index: number): string {
    const name = this.#names[index];
    if (name === undefined || !Number.isInteger(index)) {
      throw new NoSuchHook(`hook index ${index} is not recognised`);
    }
    return name;
  }

  /** Number of hooks, the two framework hooks included. */
  getCount(): number {
    return this.#names.length;
  }

  /** Every hook name, sorted (R6), not in registration order. */
  getHookNames(): string[] {
    return [...this.#names].sort(compareCodeUnits);
  }

  /** Control command to hook name: `$` plus the command with `-` turned into `_` (R9). */
  static commandToHookName(command: string): string {
    return `$${command.replaceAll('-', '_')}`;
  }

  /**
   * Hook name to control command (R10): drops the leading `$` and turns `_` into `-`; names
   * that are not command hooks, and `$` alone, give the empty string.
   */
  static hookToCommandName(hook: string): string {
    if (hook.length < 2 || !hook.startsWith('$')) return '';
    return hook.slice(1).replaceAll('_', '-');
  }
}

/**
 * Kea sorts `std::string`s byte-wise. Hook, argument and context names are ASCII in practice,
 * where UTF-16 code-unit order is the same; `localeCompare` would not be.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
