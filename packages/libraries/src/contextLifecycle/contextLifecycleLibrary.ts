// Registers (standard names) context_create, pkt4_receive, pkt4_send and context_destroy.
// context_create puts a fresh RequestNotes object in this library's context under "notes";
// pkt4_receive and pkt4_send add the hook's name to it; context_destroy, the last moment the
// context is readable, appends the request's story to /data/context-lifecycle.log. The library
// counts handles created and destroyed. Callouts return 0.
import { type CalloutHandle, type LibraryModule, Logger } from '@hookscope/engine';
import type { BuiltinLibrary, LibraryEnvironment } from '../libraryEnvironment';

export const CONTEXT_LIFECYCLE_LOG_PATH = '/data/context-lifecycle.log';

/** The per-request object kept in context (the guide's SecurityInformation). */
export class RequestNotes {
  readonly hooks: string[] = [];
  constructor(readonly serial: number) {}
}

const messages = { CONTEXT_LIFECYCLE_DONE: 'request %1 saw %2' };
const logger = new Logger('context-lifecycle', messages);

export function createContextLifecycleLibrary(env: LibraryEnvironment): LibraryModule {
  let created = 0;
  let destroyed = 0;
  const note = (handle: CalloutHandle): number => {
    handle.getContext<RequestNotes>('notes', RequestNotes).hooks.push(handle.getHookName());
    return 0;
  };
  return {
    messages,
    version: () => env.hooksVersion,
    multi_threading_compatible: () => 1,
    context_create(handle: CalloutHandle) {
      created += 1;
      handle.setContext('notes', new RequestNotes(created));
      return 0;
    },
    pkt4_receive: note,
    pkt4_send: note,
    context_destroy(handle: CalloutHandle) {
      destroyed += 1;
      const notes = handle.getContext<RequestNotes>('notes', RequestNotes);
      const hooks = notes.hooks.length > 0 ? notes.hooks.join(', ') : 'no packet hooks';
      env.files.append(
        CONTEXT_LIFECYCLE_LOG_PATH,
        `request ${notes.serial}: ${hooks}; handles created ${created}, destroyed ${destroyed}\n`,
      );
      logger.debug(50, 'CONTEXT_LIFECYCLE_DONE', notes.serial, hooks);
      return 0;
    },
  };
}

export const contextLifecycleLibrary: BuiltinLibrary = {
  id: 'context-lifecycle',
  path: '/usr/local/lib/hookscope/libcontext-lifecycle.so',
  title: 'context_create and context_destroy',
  explanation:
    'Every callout handle starts with context_create and ends with context_destroy, so a ' +
    'library can set up per-request state once and clean it up once. Here context_create ' +
    'stores an object in the context, the packet hooks add to it, and context_destroy — when ' +
    'the context can still be read — writes what happened to /data/context-lifecycle.log. ' +
    'Commands and configuration get handles too, so they show up as requests with no packet hooks.',
  parametersSchema: { type: 'object', additionalProperties: false, properties: {} },
  daemons: ['dhcp4'],
  create: createContextLifecycleLibrary,
};
