import { describe, expect, it } from 'vitest';
import { readDebuggerHash, writeDebuggerHash } from './debuggerHash';

describe('debugger hash', () => {
  it('round-trips the place and keeps keys it does not own', () => {
    const hash = writeDebuggerHash('#theme=dark', {
      open: true,
      source: 'data-scope',
      step: 'r0.c1.l2.0.beta.validate',
      breakpoints: '%5B%7B%22kind%22%3A%22exception%22%7D%5D',
    });
    expect(hash.startsWith('#theme=dark&debug&')).toBe(true);
    expect(readDebuggerHash(hash)).toEqual({
      open: true,
      source: 'data-scope',
      step: 'r0.c1.l2.0.beta.validate',
      breakpoints: '%5B%7B%22kind%22%3A%22exception%22%7D%5D',
    });
  });

  it('leaves out what is empty, and reads an empty hash as closed', () => {
    expect(writeDebuggerHash('#debug&step=x', { open: false, breakpoints: '%5B%5D' })).toBe('');
    expect(readDebuggerHash('')).toEqual({ open: false });
  });
});
