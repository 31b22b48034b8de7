#!/usr/bin/env -S npx tsx
import { runCli } from './cli';

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a
// failure of ours, so leave quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// INIT_CWD is where the user typed `pnpm hookscope`; pnpm runs scripts from the root.
const cwd = process.env.INIT_CWD ?? process.cwd();
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd,
});
process.exitCode = code;
