// Real desktop notifications from `pika-tray watch`: the command runs as a child of a capture
// server that owns org.freedesktop.Notifications on a private session bus, so node-notifier
// -> notify-send -> D-Bus is exercised end to end and what arrives is checked.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectOutput } from '../../test/support/collect-output';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika } from '../../test/fake-server';
import type { FakePika } from '../../test/fake-server/types';
import type { CaptureResult } from '../../test/support/capture-notifications';

const ROOT = resolve(import.meta.dirname, '../..');
const hasTools = ['dbus-run-session', 'notify-send'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
);
const FAST = ['--interval', '0.05', '--max-interval', '0.2'];

let fake: FakePika;
beforeAll(async () => {
  fake = await startFakePika();
});
afterAll(async () => {
  await fake.close();
});

async function captureWatch(
  args: string[],
  mode: '' | '--fail' | '--hang' = '',
  env: Record<string, string> = {},
): Promise<CaptureResult> {
  const capture = ['--import', 'tsx', 'test/support/capture-notifications.ts'];
  const cli = [process.execPath, '--import', 'tsx', 'main/cli/index.ts', 'watch', ...args];
  const child = spawn(
    'dbus-run-session',
    ['--', process.execPath, ...capture, ...(mode ? [mode] : []), '--', ...cli],
    {
      cwd: ROOT,
      env: { ...process.env, PIKA_BASE_URL: fake.url, PIKA_TOKEN: fake.token, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const { stdout, stderr } = await collectOutput(child, { name: 'capture', timeoutMs: 18_000 });
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no capture result\n${stdout}\n${stderr}`);
  return JSON.parse(line) as CaptureResult;
}

// CI installs dbus and libnotify-bin: there, missing tools fail the tests instead of skipping.
// One capture at a time: each starts a bus and two tsx processes, CPU-bound on a small
// machine, so running them together only stretches each towards its time limit.
describe.runIf(hasTools || process.env.CI !== undefined)(
  'desktop notifications (real D-Bus)',
  () => {
    it('a finished task shows "Video ready" with the prompt, shell characters intact', async () => {
      const prompt = 'Apple "evaporates" $(touch /tmp/pika-pwned) `id` & stuff';
      const id = fake.addTask({ prompt, queuedMs: 0, runMs: 100 });
      const r = await captureWatch([id, ...FAST]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.notifications).toHaveLength(1);
      const [n] = r.notifications;
      expect(n!.summary).toBe('Video ready');
      // notify-send's body is markup: "&" arrives escaped, and shows as "&".
      expect(n!.body).toBe(`“${prompt.replace('&', '&amp;')}”`);
      expect(n!.appName).toBe('Pika Tray');
      expect(existsSync('/tmp/pika-pwned')).toBe(false);
    });

    it('a prompt with markup arrives escaped: no link or image is rendered', async () => {
      // Short enough to reach the body uncut (prompts are cut to 80 characters).
      const prompt = '<a href="https://x.test">Win</a> <img src="f"> & co';
      const id = fake.addTask({ prompt, queuedMs: 0, runMs: 100 });
      const r = await captureWatch([id, ...FAST]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.notifications).toHaveLength(1);
      expect(r.notifications[0]!.body).toBe(
        '“&lt;a href="https://x.test"&gt;Win&lt;/a&gt; &lt;img src="f"&gt; &amp; co”',
      );
    });

    it('a failed task shows "Generation failed" with the prompt and the reason', async () => {
      const id = fake.addTask({
        prompt: 'A storm over the sea',
        queuedMs: 0,
        runMs: 100,
        outcome: 'error',
        errorMessage: 'Content policy violation',
      });
      const r = await captureWatch([id, ...FAST]);
      expect(r.exitCode).toBe(1);
      expect(r.notifications).toHaveLength(1);
      expect(r.notifications[0]!.summary).toBe('Generation failed');
      expect(r.notifications[0]!.body).toContain('“A storm over the sea”');
      expect(r.notifications[0]!.body).toContain('Content policy violation');
    });

    it('--no-notify sends nothing; a refused notification does not fail the watch', async () => {
      const quiet = fake.addTask({ queuedMs: 0, runMs: 100 });
      const refused = fake.addTask({ queuedMs: 0, runMs: 100 });
      const [a, b] = await Promise.all([
        captureWatch([quiet, '--no-notify', ...FAST]),
        captureWatch([refused, ...FAST], '--fail'),
      ]);
      expect(a.exitCode).toBe(0);
      expect(a.notifications).toEqual([]);
      expect(b.exitCode, b.stderr).toBe(0);
      expect(b.notifications).toHaveLength(1);
      expect(b.stderr).toContain('could not show a notification');
    });

    it('a notification daemon that never answers does not hold the command open', async () => {
      const id = fake.addTask({ queuedMs: 0, runMs: 100 });
      const r = await captureWatch([id, '--json', ...FAST], '--hang', {
        PIKA_TRAY_NOTIFY_TIMEOUT_MS: '300',
      });
      expect(r.exitCode).toBe(0);
      expect(r.notifications).toHaveLength(1);
      expect(r.stdout).toContain('"type":"finished"');
      expect(r.stderr).toContain('did not answer within 300 ms');
      // notify-send alone would wait 25 s for its D-Bus reply.
      expect(r.elapsedMs).toBeLessThan(20_000);
    });
  },
);
