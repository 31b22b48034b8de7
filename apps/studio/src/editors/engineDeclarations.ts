/**
 * The library-facing API of `@hookscope/engine`, as TypeScript declarations for Monaco's
 * IntelliSense. Hand-maintained: `engineDeclarations.test.ts` checks every runtime name here
 * exists in the engine, so a rename there fails the build here.
 */
export const ENGINE_MODULE = '@hookscope/engine';

/** Names of runtime exports (classes, enums, constants, functions) the declarations promise. */
export const ENGINE_RUNTIME_NAMES = [
  'NextStep',
  'CalloutHandle',
  'LibraryHandle',
  'HooksError',
  'NoSuchArgument',
  'NoSuchCalloutContext',
  'ArgumentTypeMismatch',
  'NoSuchHook',
  'DuplicateHook',
  'InvalidHooksLibraries',
  'LibrariesStillOpened',
  'InvalidOperation',
  'NoSuchLibrary',
  'KEA_HOOKS_VERSION',
  'Logger',
] as const;

export const ENGINE_DECLARATIONS = `declare module '${ENGINE_MODULE}' {
  /** What the server does after the callouts of a hook: the callout's say via setStatus. */
  export enum NextStep { CONTINUE = 0, SKIP = 1, DROP = 2, PARK = 3 }
  /** The newest Kea release followed, as a number (30301 for 3.3.1): return it from version(). */
  export const KEA_HOOKS_VERSION: number;

  export class HooksError extends Error {}
  /** getArgument of a name the hook does not pass. */
  export class NoSuchArgument extends HooksError {}
  /** getContext of a name this library never set. */
  export class NoSuchCalloutContext extends HooksError {}
  /** An argument or context read as another type than it was stored as (Kea: bad_any_cast). */
  export class ArgumentTypeMismatch extends HooksError {}
  export class NoSuchHook extends HooksError {}
  export class DuplicateHook extends HooksError {}
  export class InvalidHooksLibraries extends HooksError {}
  export class LibrariesStillOpened extends HooksError {}
  export class InvalidOperation extends HooksError {}
  export class NoSuchLibrary extends HooksError {}

  export interface ParkingLotHandle {
    reference(parked: unknown): void;
    dereference(parked: unknown): number;
    unpark(parked: unknown): boolean;
    drop(parked: unknown): boolean;
  }

  /** What a callout gets: the hook's arguments, this library's context, the next step. */
  export class CalloutHandle {
    static readonly NEXT_STEP_CONTINUE: NextStep.CONTINUE;
    static readonly NEXT_STEP_SKIP: NextStep.SKIP;
    static readonly NEXT_STEP_DROP: NextStep.DROP;
    static readonly NEXT_STEP_PARK: NextStep.PARK;
    /** Stores an argument; the tag is derived from the value unless given. */
    setArgument(name: string, value: unknown, tag?: string): void;
    /** Reads an argument. With \`expected\` (tag or constructor), a different stored type throws ArgumentTypeMismatch. @throws NoSuchArgument */
    getArgument<T = unknown>(name: string, expected?: string | Function): T;
    getArgumentNames(): string[];
    deleteArgument(name: string): void;
    deleteAllArguments(): void;
    /** Stores a value in this library's context for the current request. */
    setContext(name: string, value: unknown, tag?: string): void;
    /** @throws NoSuchCalloutContext, ArgumentTypeMismatch */
    getContext<T = unknown>(name: string, expected?: string | Function): T;
    getContextNames(): string[];
    deleteContext(name: string): void;
    deleteAllContext(): void;
    getStatus(): NextStep;
    setStatus(status: NextStep): void;
    getCurrentLibrary(): number;
    getCurrentHook(): number;
    getLibraryHandle(): LibraryHandle;
    getParkingLotHandle(): ParkingLotHandle;
  }

  export type Callout = (handle: CalloutHandle) => number;

  /** Given to load(): register callouts and read this library's parameters. */
  export class LibraryHandle {
    /** @throws NoSuchHook */
    registerCallout(hook: string, callout: Callout): void;
    deregisterCallout(hook: string, callout: Callout): boolean;
    deregisterAllCallouts(hook: string): boolean;
    /** Makes this library answer a control command (hook "$command_name"). */
    registerCommandCallout(command: string, callout: Callout): void;
    /** A parameter from the config's "parameters" map, or undefined. */
    getParameter(name: string): unknown;
    getParameters(): Record<string, unknown> | undefined;
    getParameterNames(): string[];
  }

  export type Severity = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

  /** Message templates by id, e.g. { MY_FOUND: 'user %1 found in %2' } (a Kea .mes file). */
  export type LogMessages = Readonly<Record<string, string>>;

  /** A named logger, shown as "kea-dhcp4.<name>"; messages have ids and %1… arguments. */
  export class Logger {
    constructor(name: string, messages?: LogMessages);
    readonly name: string;
    isDebugEnabled(level?: number): boolean;
    fatal(id: string, ...args: unknown[]): void;
    error(id: string, ...args: unknown[]): void;
    warn(id: string, ...args: unknown[]): void;
    info(id: string, ...args: unknown[]): void;
    /** debuglevel 0..99, as Kea's. */
    debug(debuglevel: number, id: string, ...args: unknown[]): void;
  }
}

declare module '@hookscope/files' {
  /** The run's virtual file system: what a library writes shows in the studio's Files tab. */
  export const files: {
    append(path: string, data: string): void;
    write(path: string, data: string): void;
    read(path: string): string | undefined;
    exists(path: string): boolean;
    remove(path: string): boolean;
    list(): string[];
  };
}

declare module '@hookscope/dhcp' {
  export class HWAddr {
    readonly bytes: Uint8Array;
    readonly htype: number;
    /** "hwtype=1 00:0c:01:02:03:04", or without the type. */
    toText(includeType?: boolean): string;
  }
  export class Option {
    getType(): number;
    getData(): Uint8Array;
    toText(indent?: number): string;
  }
  export abstract class Pkt {
    getOption(code: number): Option | undefined;
    getOptions(code?: number): Option[];
    addOption(option: Option): void;
    delOption(code: number): boolean;
    getName(): string;
    getTransid(): number;
    getIface(): string;
    getRemoteAddr(): string;
    toText(): string;
  }
  export class Pkt4 extends Pkt {
    getType(): number;
    setType(type: number): void;
    getHWAddr(): HWAddr;
    getCiaddr(): string;
    getYiaddr(): string;
    setYiaddr(address: string): void;
    getSiaddr(): string;
    getGiaddr(): string;
    getLabel(): string;
  }
  export class Pkt6 extends Pkt {
    getType(): number;
  }
}
`;
