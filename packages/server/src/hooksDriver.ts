import { type CalloutHandle, HooksManager } from '@hookscope/engine';
import type { ServerObserver } from './types';

/**
 * The server's side of the hooks framework: one HooksManager, the hook indexes resolved once
 * (Kea's `Dhcp4Hooks` struct), and `call`, which runs a hook point's callouts only when there
 * are some. A trace still has to show hook points reached without callouts, so with an observer
 * present `call` tells it of those too (hookStart/hookEnd on the same handle) — without one,
 * a server with no libraries pays one array lookup per hook point.
 */
export class HooksDriver {
  readonly manager: HooksManager;
  private readonly indexes = new Map<string, number>();

  constructor(
    hookNames: readonly string[],
    readonly observer: ServerObserver | undefined,
    options: ConstructorParameters<typeof HooksManager>[0],
  ) {
    this.manager = new HooksManager({ ...options, observer });
    observer?.bindServerHooks?.(this.manager.serverHooks);
    const registry = this.manager.serverHooks;
    for (const name of hookNames) this.indexes.set(name, registry.registerHook(name));
  }

  /** Index of a registered hook. @throws Error for a name the server did not register. */
  index(name: string): number {
    const index = this.indexes.get(name);
    if (index === undefined) throw new Error(`hook point ${name} is not registered by this server`);
    return index;
  }

  /** Index, or -1 when this server (for its Kea release) has no such hook point. */
  find(name: string): number {
    return this.indexes.get(name) ?? -1;
  }

  present(index: number): boolean {
    return index >= 0 && this.manager.calloutsPresent(index);
  }

  /** Runs the callouts of `index` (the caller checked `present`). */
  call(index: number, handle: CalloutHandle): void {
    this.manager.callCallouts(index, handle);
  }

  /** A hook point reached without callouts: only a trace wants to know. */
  reached(index: number, handle?: CalloutHandle): void {
    if (index >= 0) this.observer?.hookWithoutCallouts?.(this.hookName(index), handle);
  }

  hookName(index: number): string {
    return this.manager.serverHooks.getName(index);
  }
}
