import { beforeEach, describe, expect, it } from 'vitest';
import { NoSuchHook } from '../src/hooksErrors';
import { resetTestBuild } from './libraries/testBuild';
import { createTestManager, libs } from './testManager';

beforeEach(() => resetTestBuild());

describe('G. command handlers', () => {
  it('R46 R80: registerCommandCallout creates the $ hook; two libraries answer one command in order', () => {
    const t = createTestManager();
    expect(t.serverHooks.findIndex('$diagnostics_dump')).toBe(-1);
    t.manager.loadLibraries(libs('/lib/commands.so', '/lib/commands.so'));
    expect(t.serverHooks.findIndex('$diagnostics_dump')).toBeGreaterThan(1);
    expect(t.manager.commandHandlersPresent('diagnostics-dump')).toBe(true);
    const handle = t.manager.createCalloutHandle();
    handle.setArgument('command', { command: 'diagnostics-dump' });
    handle.setArgument('response', undefined);
    t.manager.callCommandHandlers('diagnostics-dump', handle);
    expect(handle.getArgument('response')).toEqual({ result: 0, text: 'lib1 lib2' });
    handle.release();
  });

  it('R9: commands foo-bar and foo_bar share the hook $foo_bar', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/commands.so'));
    expect(t.manager.commandHandlersPresent('foo-bar')).toBe(true);
    const handle = t.manager.createCalloutHandle();
    t.manager.callCommandHandlers('foo-bar', handle);
    expect(handle.getArgument('response')).toEqual({ result: 0, text: 'foo' });
  });

  it('R57 R81: the hook outlives its library, but then has no handlers; unknown commands throw', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/commands.so'));
    t.manager.unloadLibraries();
    expect(t.serverHooks.findIndex('$diagnostics_dump')).toBeGreaterThan(1);
    expect(t.manager.commandHandlersPresent('diagnostics-dump')).toBe(false);
    expect(t.manager.commandHandlersPresent('never-registered')).toBe(false);
    const handle = t.manager.createCalloutHandle();
    expect(() => t.manager.callCommandHandlers('never-registered', handle)).toThrow(NoSuchHook);
    t.manager.callCommandHandlers('diagnostics-dump', handle);
    expect(handle.getArgumentNames()).toEqual([]);
  });

  it('R11 R46: a handler registered by the server itself (pre-callout index) runs first', () => {
    const t = createTestManager();
    t.manager.loadLibraries(libs('/lib/commands.so'));
    t.manager.preCalloutsLibraryHandle().registerCommandCallout('diagnostics-dump', (h) => {
      h.setArgument('response', { result: 0, text: 'server' });
      return 0;
    });
    const handle = t.manager.createCalloutHandle();
    t.manager.callCommandHandlers('diagnostics-dump', handle);
    expect(handle.getArgument('response')).toEqual({ result: 0, text: 'server lib1' });
  });
});
