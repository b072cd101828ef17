// Runs `pika-tray` as a user runs it: a child process through the real entry point (tsx, the
// project's own sources), with everything it printed. The parent's locale variables are left
// out, so the language is only what `env` sets (LANG, LC_ALL…; none at all: English).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { collectOutput, type ProcessOutput } from './collect-output';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALE_VARIABLES = /^(LANG|LANGUAGE|LC_[A-Z]+)$/;

export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): Promise<ProcessOutput> {
  const parentEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !LOCALE_VARIABLES.test(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    cwd: ROOT,
    env: { ...parentEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child, {
    name: `pika-tray ${args.slice(0, 1).join(' ')}`,
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
}
