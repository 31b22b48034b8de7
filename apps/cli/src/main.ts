#!/usr/bin/env -S npx tsx
import { runCli } from './cli';

// INIT_CWD is where the user typed `pnpm hookscope`; pnpm runs scripts from the root.
const cwd = process.env.INIT_CWD ?? process.cwd();
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd,
});
process.exitCode = code;
