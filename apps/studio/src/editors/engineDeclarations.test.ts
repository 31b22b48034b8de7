import * as dhcp from '@hookscope/dhcp';
import * as engine from '@hookscope/engine';
import { describe, expect, it } from 'vitest';
import { ENGINE_DECLARATIONS, ENGINE_RUNTIME_NAMES } from './engineDeclarations';

/** Method names declared inside `class Name … { … }` of one declared module. */
function declaredMethods(moduleName: string, className: string): string[] {
  const module = ENGINE_DECLARATIONS.split(`declare module '${moduleName}'`)[1] ?? '';
  const body =
    new RegExp(`class ${className}\\b[^{]*\\{([\\s\\S]*?)\\n  \\}`).exec(module)?.[1] ?? '';
  return [...body.matchAll(/^\s{4}(\w+)(?:<[^>]*>)?\(/gm)].map((m) => m[1] ?? '');
}

describe('the engine declarations fed to Monaco', () => {
  it('name only things the engine exports', () => {
    const missing = ENGINE_RUNTIME_NAMES.filter((name) => !(name in engine));
    expect(missing).toEqual([]);
  });

  it('declare every runtime name they list, and list every class they declare', () => {
    const module = ENGINE_DECLARATIONS.split("declare module '@hookscope/files'")[0] ?? '';
    const declared = [...module.matchAll(/export (?:class|enum|const) (\w+)/g)].map((m) => m[1]);
    expect([...declared].sort()).toEqual([...ENGINE_RUNTIME_NAMES].sort());
  });

  it.each([
    ['@hookscope/engine', 'CalloutHandle', engine.CalloutHandle.prototype],
    ['@hookscope/engine', 'LibraryHandle', engine.LibraryHandle.prototype],
    ['@hookscope/engine', 'Logger', engine.Logger.prototype],
    ['@hookscope/dhcp', 'Pkt4', dhcp.Pkt4.prototype],
    ['@hookscope/dhcp', 'HWAddr', dhcp.HWAddr.prototype],
  ])('%s %s: every declared method exists', (module, className, prototype) => {
    const methods = declaredMethods(module, className);
    expect(methods.length).toBeGreaterThan(0);
    const missing = methods.filter(
      (m) => typeof (prototype as unknown as Record<string, unknown>)[m] !== 'function',
    );
    expect(missing).toEqual([]);
  });

  it('match the engine NextStep values', () => {
    expect([
      engine.NextStep.CONTINUE,
      engine.NextStep.SKIP,
      engine.NextStep.DROP,
      engine.NextStep.PARK,
    ]).toEqual([0, 1, 2, 3]);
    expect(ENGINE_DECLARATIONS).toContain(
      'export enum NextStep { CONTINUE = 0, SKIP = 1, DROP = 2, PARK = 3 }',
    );
  });
});
