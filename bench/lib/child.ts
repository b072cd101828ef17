// Runs a bench worker in its own Node process, so CPU time and peak RSS are measured for one
// side alone, and exchanges JSON messages with it. A worker built by buildBenchWorkers runs as
// plain JS under node (as the app ships); any other runs from source through tsx.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Built worker files by source path ('workers/naive-poller.ts'); set by buildBenchWorkers.
 * Kept here, not in bundle.ts, so workers importing this file never pull in vite. */
const bundles = new Map<string, string>();

export function useBundledWorkers(built: ReadonlyMap<string, string>): void {
  for (const [source, file] of built) bundles.set(source, file);
}

export interface Worker {
  request<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export function startWorker(relativePath: string, args: string[] = []): Worker {
  const bundled = bundles.get(relativePath);
  const file = bundled ?? fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
  const child: ChildProcess = fork(file, args, {
    execArgv: bundled ? ['--expose-gc'] : ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (raw) => {
    const msg = raw as { id: number; ok: boolean; value?: unknown; error?: string };
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new Error(msg.error));
  });
  child.on('exit', (code) => {
    for (const p of pending.values())
      p.reject(new Error(`bench worker ${relativePath} exited (${code})`));
    pending.clear();
  });
  return {
    request<T>(message: Record<string, unknown>): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...message, id });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Worker side: answers each message with the handler's result. */
export function serveRequests(
  handler: (message: Record<string, unknown>) => Promise<unknown>,
): void {
  process.on('message', (raw) => {
    const { id, ...message } = raw as { id: number } & Record<string, unknown>;
    // 'ping' answers once the worker has loaded, so loading is never part of a measurement.
    const answer = message.type === 'ping' ? Promise.resolve('pong') : handler(message);
    answer.then(
      (value) => process.send?.({ id, ok: true, value }),
      (error: unknown) =>
        process.send?.({
          id,
          ok: false,
          error: String(error instanceof Error ? error.stack : error),
        }),
    );
  });
}

/**
 * This process's peak RSS so far, MB: the kernel's high-water mark of its own memory (Linux
 * VmHWM). Not getrusage's maxRSS where VmHWM exists: Linux carries maxRSS over from the parent across
 * fork and exec, so every worker forked from the ~190 MB bench process reported ~190 MB,
 * whatever it used itself. Elsewhere maxRSS is all there is.
 */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

export function cpuSeconds(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}
