import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() },
    out,
    err,
  };
}

describe('hookscope CLI shell', () => {
  it('prints its version', async () => {
    const { io, out } = capture();
    expect(await runCli(['version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^hookscope \d+\.\d+\.\d+\n$/);
  });

  it('lists the commands in its help', async () => {
    const { io, out } = capture();
    expect(await runCli(['help'], io)).toBe(0);
    expect(out.join('')).toContain('version');
  });

  it('rejects an unknown command with exit 2 and says which', async () => {
    const { io, err } = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('')).toContain("unknown command 'frobnicate'");
  });

  it('rejects extra arguments with exit 2 and the usage', async () => {
    const { io, err } = capture();
    expect(await runCli(['version', 'extra'], io)).toBe(2);
    expect(err.join('')).toContain('Usage: hookscope version');
  });

  it('exits 2 with the help when no command is given', async () => {
    const { io, out } = capture();
    expect(await runCli([], io)).toBe(2);
    expect(out.join('')).toContain('Usage: hookscope <command>');
  });
});
