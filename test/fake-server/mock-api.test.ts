// `npm run mock-api` exactly as a person runs it: it prints a URL and a token that really
// work against the demo tasks it lists, and Ctrl-C (SIGINT) stops it and frees the port.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { until } from './until';

let child: ChildProcess | undefined;
afterEach(() => {
  // Only if the test failed before stopping it: end the group this test started.
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  child = undefined;
});

it('npm run mock-api prints a working URL and token, lists demo tasks, and stops on Ctrl-C', async () => {
  const started = spawn('npm', ['run', 'mock-api', '--', '--port', '0', '--token', 'demo-tok'], {
    cwd: process.cwd(),
    // Its own process group, so Ctrl-C reaches npm, the shell and node like in a terminal.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let stdout = '';
  let stderr = '';
  started.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  started.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => started.once('close', () => resolve()));

  await until(() => /Ctrl-C stops the server/.test(stdout) || /mock-api:/.test(stderr), {
    timeoutMs: 15_000,
    everyMs: 50,
    what: 'mock-api to print its banner',
  });
  expect(stderr).not.toMatch(/mock-api:/);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
  const token = /^Token: +(\S+)$/m.exec(stdout)?.[1];
  const ids = [...stdout.matchAll(/^ {2}([0-9a-f-]{36})$/gm)].map((m) => m[1]!);
  expect(url).toBeDefined();
  expect(token).toBe('demo-tok');
  expect(ids).toHaveLength(3);

  const answer = await fetch(`${url}/pika/feed/${ids[0]}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toMatchObject({ id: ids[0], promptText: expect.any(String) });
  const refused = await fetch(`${url}/pika/feed/${ids[0]}`, {
    headers: { Authorization: 'Bearer wrong' },
  });
  expect(refused.status).toBe(401);

  process.kill(-started.pid!, 'SIGINT');
  await Promise.race([
    exited,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('mock-api did not stop on SIGINT')), 10_000).unref(),
    ),
  ]);
  // The port is free again: nothing is left listening.
  await expect(fetch(`${url}/pika/feed/${ids[0]}`)).rejects.toThrow();
}, 30_000);
