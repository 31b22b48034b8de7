import { ServerHooks } from '@hookscope/engine';
import { CPP } from '../cppTypes';
import type { ServerCore } from '../serverCore';
import type { CommandAnswer, ControlCommand } from '../types';
import { BUILTIN_COMMANDS } from './builtinCommands';

/**
 * One control command, as Kea's hooked command manager runs it: a command some library
 * registered goes to its `$name` hook point on a handle of its own (arguments `command`,
 * `response`); otherwise the built-in handler answers, and an unknown one gets result 2. Then,
 * on a fresh handle, `command_processed` (name, arguments, response) may replace the answer.
 * Handles keep their arguments until released: context_destroy sees them, as in Kea.
 */
export function processCommand(server: ServerCore, cmd: ControlCommand): CommandAnswer {
  try {
    return runCommand(server, cmd);
  } catch (error) {
    // as Kea's command manager: whatever escaped becomes an error answer
    const what = error instanceof Error ? error.message : 'unknown exception';
    return { result: 1, text: `Error during command processing: ${what}` };
  }
}

function runCommand(server: ServerCore, cmd: ControlCommand): CommandAnswer {
  const name = typeof cmd?.command === 'string' ? cmd.command : '';
  const driver = server.driver;
  const manager = driver.manager;
  server.beginRequest('command', name);
  try {
    server.options.observer?.command?.(name, cmd?.arguments);
    server.say('COMMAND_RECEIVED', name);
    let answer: CommandAnswer | undefined;
    let delegated = false;
    // list-commands is always the server's own (R85); any other command with handlers goes to
    // them and the built-in one is not called (R82)
    if (name !== '' && name !== 'list-commands' && manager.commandHandlersPresent(name)) {
      delegated = true;
      const handle = server.newHandle();
      try {
        handle.setArgument('command', cmd, CPP.element);
        handle.setArgument('response', undefined, CPP.element);
        manager.callCommandHandlers(name, handle);
        answer = handle.getArgument<CommandAnswer | undefined>('response');
      } finally {
        handle.release();
      }
    } else if (
      name !== '' &&
      manager.serverHooks.findIndex(ServerHooks.commandToHookName(name)) >= 0 &&
      driver.observer
    ) {
      driver.observer.hookWithoutCallouts?.(ServerHooks.commandToHookName(name));
    }
    if (!delegated) {
      const builtin = BUILTIN_COMMANDS[name];
      if (name === '')
        answer = { result: 1, text: "invalid command: 'command' parameter is missing" };
      else if (builtin && (name !== 'libreload' || server.features.libreload)) {
        answer = builtin(server, cmd.arguments);
      } else answer = { result: 2, text: `'${name}' command not supported.` };
    }
    const index = driver.index('command_processed');
    if (driver.present(index)) {
      const handle = server.newHandle();
      try {
        handle.setArgument('name', name, CPP.string);
        handle.setArgument('arguments', cmd?.arguments, CPP.element);
        handle.setArgument('response', answer, CPP.element);
        driver.call(index, handle);
        answer = handle.getArgument<CommandAnswer | undefined>('response');
      } finally {
        handle.release();
      }
    } else driver.reached(index);
    // handlers that set no response: command_processed saw none, the control channel answers so
    answer ??= { result: 1, text: 'internal server error: no response generated' };
    server.options.observer?.response?.(answer);
    return answer;
  } finally {
    server.endRequest();
  }
}
