import { describe, expect, it } from 'vitest';
import { NoSuchHook } from '../src/hooksErrors';
import { ServerHooks } from '../src/serverHooks';

describe('A. hook registry', () => {
  it('R1 R2: a new registry holds context_create (0) and context_destroy (1); indexes are dense', () => {
    const hooks = new ServerHooks();
    expect(hooks.getCount()).toBe(2);
    expect(hooks.getIndex('context_create')).toBe(ServerHooks.CONTEXT_CREATE);
    expect(hooks.getIndex('context_destroy')).toBe(ServerHooks.CONTEXT_DESTROY);
    expect(ServerHooks.CONTEXT_CREATE).toBe(0);
    expect(ServerHooks.CONTEXT_DESTROY).toBe(1);
    expect(hooks.registerHook('pkt4_receive')).toBe(2);
    expect(hooks.registerHook('pkt4_send')).toBe(3);
    expect(hooks.getName(3)).toBe('pkt4_send');
  });

  it('R3 R4: any string is a hook name; registering a name again returns its index', () => {
    const hooks = new ServerHooks();
    expect(hooks.registerHook('')).toBe(2);
    expect(hooks.registerHook('Alpha beta')).toBe(3);
    expect(hooks.registerHook('alpha beta')).toBe(4);
    expect(hooks.registerHook('Alpha beta')).toBe(3);
    expect(hooks.registerHook('context_create')).toBe(0);
    expect(hooks.getCount()).toBe(5);
  });

  it('R5: strict lookups throw NoSuchHook, findIndex gives -1', () => {
    const hooks = new ServerHooks();
    expect(() => hooks.getIndex('nope')).toThrow(NoSuchHook);
    expect(hooks.findIndex('nope')).toBe(-1);
    expect(() => hooks.getName(2)).toThrow(NoSuchHook);
    expect(() => hooks.getName(-1)).toThrow(NoSuchHook);
    expect(() => hooks.getName(0.5)).toThrow(NoSuchHook);
  });

  it('R6: names come back sorted byte-wise, count includes the framework hooks', () => {
    const hooks = new ServerHooks();
    for (const name of ['pkt4_send', 'Zeta', 'buffer4_receive', '$foo']) hooks.registerHook(name);
    expect(hooks.getHookNames()).toEqual([
      '$foo',
      'Zeta',
      'buffer4_receive',
      'context_create',
      'context_destroy',
      'pkt4_send',
    ]);
    expect(hooks.getCount()).toBe(6);
  });

  it('R9 R10 R11: command names map to $ hooks and back', () => {
    expect(ServerHooks.commandToHookName('foo-bar')).toBe('$foo_bar');
    expect(ServerHooks.commandToHookName('foo_bar')).toBe('$foo_bar');
    expect(ServerHooks.commandToHookName('')).toBe('$');
    expect(ServerHooks.hookToCommandName('$foo_bar')).toBe('foo-bar');
    expect(ServerHooks.hookToCommandName('$')).toBe('');
    expect(ServerHooks.hookToCommandName('foo_bar')).toBe('');
  });
});
