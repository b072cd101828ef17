// Waits for a child process the test started to exit, with everything it printed. One that
// does not exit in time is killed and fails the test, its output in the message.
import type { ChildProcess } from 'node:child_process';

export interface ProcessOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function collectOutput(
  child: ChildProcess,
  opts: {
    /** Named in the timeout message ("pika-tray watch"). */
    name: string;
    timeoutMs?: number;
    /** Called with all stdout so far after each piece of it. */
    onStdout?: (stdout: string) => void;
  },
): Promise<ProcessOutput> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      opts.onStdout?.(stdout);
    });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${opts.name} did not exit in ${timeoutMs / 1000} s\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
