// Entry of the `pika-tray` command (built to dist/main/cli.js). The exit code is set rather
// than forced, so output reaches a pipe in full before the process ends.
import { runCli } from './main';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`pika-tray: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
