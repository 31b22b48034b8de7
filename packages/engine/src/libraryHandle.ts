import type { CalloutManager } from './calloutManager';
import type { Callout } from './libraryModule';
import { compareCodeUnits } from './serverHooks';

/**
 * What a library uses to register callouts and read its configured parameters: the handle passed
 * to `load()`, the server's pre/post handles, or `CalloutHandle.getLibraryHandle()` in a callout.
 * It is bound to one library index, so a library can only add or remove its own callouts (R43).
 */
export class LibraryHandle {
  /** @internal made by the engine. */
  constructor(
    readonly calloutManager: CalloutManager,
    readonly libraryIndex: number,
  ) {}

  /**
   * Registers a callout on a hook, after this library's earlier ones (R38). Registering the same
   * function twice makes it run twice (R39).
   * @throws NoSuchHook when the hook is unknown (R21, R40).
   */
  registerCallout(hook: string, callout: Callout): void {
    this.calloutManager.registerCallout(hook, callout, this.libraryIndex);
  }

  /**
   * Removes every registration of `callout` this library made on the hook (R41).
   * @returns whether something was removed. @throws NoSuchHook when the hook is unknown.
   */
  deregisterCallout(hook: string, callout: Callout): boolean {
    return this.calloutManager.deregisterCallout(hook, callout, this.libraryIndex);
  }

  /**
   * Removes all of this library's callouts on the hook (R42).
   * @returns whether something was removed. @throws NoSuchHook when the hook is unknown.
   */
  deregisterAllCallouts(hook: string): boolean {
    return this.calloutManager.deregisterAllCallouts(hook, this.libraryIndex);
  }

  /**
   * Registers a handler for a control command, creating its `$command` hook if needed (R46,
   * R80). Several libraries may handle one command; they all run, in library order.
   */
  registerCommandCallout(command: string, callout: Callout): void {
    const hook = this.calloutManager.registerCommandHook(command);
    this.calloutManager.registerCallout(hook, callout, this.libraryIndex);
  }

  /**
   * One configured parameter (R32): undefined when the library has no `parameters`, they are
   * not a map, the key is missing, or the handle is not a user library's (0, INT_MAX, -1).
   */
  getParameter(name: string): unknown {
    const parameters = this.#parameterMap();
    return parameters !== undefined && Object.hasOwn(parameters, name)
      ? parameters[name]
      : undefined;
  }

  /** The `parameters` element as configured (any JSON value), undefined when absent. */
  getParameters(): Record<string, unknown> | undefined {
    return this.calloutManager.getLibraryParameters(this.libraryIndex) as
      | Record<string, unknown>
      | undefined;
  }

  /** The parameter names, sorted; empty when there is no parameter map. */
  getParameterNames(): string[] {
    const parameters = this.#parameterMap();
    return parameters === undefined ? [] : Object.keys(parameters).sort(compareCodeUnits);
  }

  #parameterMap(): Record<string, unknown> | undefined {
    const parameters = this.calloutManager.getLibraryParameters(this.libraryIndex);
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      return undefined;
    }
    return parameters as Record<string, unknown>;
  }
}
