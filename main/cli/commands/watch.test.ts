// `pika-tray watch` in-process: the real command, client, tracker and downloader against the
// fake Pika server, with output and notifications captured. (watch.cli.test.ts runs it as a
// child process; this file covers the many cases that would make that slow.)
import { readFile, readdir } from 'node:fs/promises';
import { folderFiles } from '../../../test/support/download-folder';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakePikaAndTempDir } from '../../../test/support/fake-pika-env';
import type { FakePika } from '../../../test/fake-server/types';
import type { DesktopNotification, Notifier } from '../notifier';
import { clientFrom, SHARED_OPTIONS } from '../options';
import { cliText } from '../i18n';
import { runWatch, type WatchDeps } from './watch';

const ESC = String.fromCharCode(27);
const FAST = ['--interval', '0.05', '--max-interval', '0.2'];

let fake: FakePika;
let dir: string;

useFakePikaAndTempDir('pika-watch-', (env) => ({ fake, dir } = env));

interface Run {
  code: number;
  out: string[];
  err: string[];
  events: Record<string, unknown>[];
  notifications: DesktopNotification[];
  ms: number;
}

async function run(
  argv: string[],
  extra: Partial<WatchDeps> & { token?: string } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const notifications: DesktopNotification[] = [];
  const notifier: Notifier = {
    notify: async (n) => {
      notifications.push(n);
      return true;
    },
  };
  const env = { PIKA_BASE_URL: fake.url, PIKA_TOKEN: extra.token ?? fake.token };
  const started = performance.now();
  const code = await runWatch(
    argv,
    {
      client: (shared) => clientFrom(shared, env),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      notifier,
      ...extra,
    },
    SHARED_OPTIONS,
  );
  const events = out
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out, err, events, notifications, ms: performance.now() - started };
}

describe('pika-tray watch', () => {
  it('reports queued and running updates with progress, then finished (JSON)', async () => {
    const id = fake.addTask({ prompt: 'Apple evaporates', queuedMs: 200, runMs: 600 });
    const r = await run([id, '--json', ...FAST]);
    expect(r.code).toBe(0);
    const updates = r.events.filter((e) => e.type === 'update');
    expect(updates[0]).toMatchObject({ taskId: id, state: 'queued' });
    const running = updates.filter((e) => e.state === 'running');
    expect(running.length).toBeGreaterThan(1);
    const progress = running.map((e) => e.progress as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(r.events.at(-1)).toMatchObject({
      type: 'finished',
      taskId: id,
      prompt: 'Apple evaporates',
    });
  });

  it('notifies once per ending: title says which, body has the prompt', async () => {
    const good = fake.addTask({ prompt: 'A quiet lake at dawn', queuedMs: 0, runMs: 50 });
    const ok = await run([good, ...FAST]);
    expect(ok.notifications).toEqual([
      { title: 'Video ready', body: '“A quiet lake at dawn”', taskId: good, kind: 'finished' },
    ]);
    const bad = fake.addTask({
      prompt: 'A storm',
      queuedMs: 0,
      runMs: 50,
      outcome: 'error',
      errorMessage: 'Content policy violation',
    });
    const failed = await run([bad, ...FAST]);
    expect(failed.code).toBe(1);
    expect(failed.notifications).toHaveLength(1);
    expect(failed.notifications[0]!.title).toBe('Generation failed');
    expect(failed.notifications[0]!.body).toContain('“A storm”');
    expect(failed.notifications[0]!.body).toContain('Content policy violation');
  });

  it('notifies and prints in 简体中文 when the terminal speaks it; the server words marked', async () => {
    const bad = fake.addTask({
      prompt: '暴风雨',
      queuedMs: 0,
      runMs: 50,
      outcome: 'error',
      errorMessage: '内容违规',
    });
    const failed = await run([bad, ...FAST], { text: cliText('zh-Hans') });
    expect(failed.code).toBe(1);
    expect(failed.notifications).toEqual([
      { title: '生成失败', body: '“暴风雨”\n服务器返回：“内容违规”', taskId: bad, kind: 'failed' },
    ]);
    expect(failed.out.at(-1)).toBe(`${bad}  失败：服务器返回：“内容违规”`);
  });

  it('--no-notify sends nothing', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    const r = await run([id, '--no-notify', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.notifications).toEqual([]);
  });

  it('a notifier that never answers delays the end by its bound only', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    const r = await run([id, ...FAST], {
      notifier: { notify: () => new Promise<boolean>(() => undefined) },
      notifyTimeoutMs: 200,
    });
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(3_000);
  });

  it('downloads every video, and a second run reuses them without duplicates', async () => {
    const id = fake.addTask({ prompt: 'two cats', queuedMs: 0, runMs: 50, videos: 2 });
    const first = await run([id, '--json', '--download-dir', dir, ...FAST]);
    expect(first.code).toBe(0);
    const saved = first.events.filter((e) => e.type === 'downloaded');
    expect(saved).toHaveLength(2);
    for (const e of saved) {
      const bytes = await readFile(e.path as string);
      expect(bytes.equals(fake.mediaBytes(e.videoId as string))).toBe(true);
    }
    const second = await run([id, '--json', '--download-dir', dir, ...FAST]);
    expect(second.code).toBe(0);
    expect(second.events.filter((e) => e.type === 'downloaded').map((e) => e.reused)).toEqual([
      true,
      true,
    ]);
    expect((await folderFiles(dir)).sort()).toEqual(
      saved.map((e) => (e.path as string).slice(dir.length + 1)).sort(),
    );
  });

  it('a download that fails makes the watch exit 1 with the reason', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    fake.fault({ kind: 'media-expired', status: 410 });
    const r = await run([id, '--json', '--download-dir', dir, ...FAST]);
    expect(r.code).toBe(1);
    const failed = r.events.find((e) => e.type === 'failed')!;
    expect(failed).toMatchObject({ taskId: id, stage: 'download' });
    expect(failed.error).toMatch(/expired \(HTTP 410\)/);
  });

  it('an expired link is refreshed through the feed once, then saved', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    fake.fault({ kind: 'media-expired', status: 403, count: 1 });
    const r = await run([id, '--json', '--download-dir', dir, ...FAST]);
    expect(r.code).toBe(0);
    const saved = r.events.find((e) => e.type === 'downloaded')!;
    expect(
      (await readFile(saved.path as string)).equals(fake.mediaBytes(saved.videoId as string)),
    ).toBe(true);
  });

  it('--timeout ends the watch with exit 1 and a timeout line', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    const r = await run([id, '--json', '--timeout', '0.4', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.events.at(-1)).toMatchObject({ type: 'timeout', taskId: id, state: 'running' });
    expect(r.ms).toBeGreaterThanOrEqual(390);
    expect(r.ms).toBeLessThan(3_000);
  });

  it('a task running past --stalled-after is reported stalled: exit 1', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    const r = await run([id, '--json', '--stalled-after', '0.3', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.events.at(-1)).toMatchObject({ type: 'stalled', taskId: id });
  });

  it('an unknown task id fails after the server denies it several times', async () => {
    const r = await run(['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.events.at(-1)).toMatchObject({ type: 'failed' });
    expect(String(r.events.at(-1)!.error)).toMatch(/Unknown task id/);
  });

  it('a rejected token ends the watch with exit 3, the token never shown', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    const r = await run([id, '--json', ...FAST], { token: 'sk-not-the-right-one-42' });
    expect(r.code).toBe(3);
    expect([...r.out, ...r.err].join('\n')).not.toContain('sk-not-the-right-one-42');
    expect(r.events).toEqual([expect.objectContaining({ type: 'failed', taskId: id })]);
  });

  it('an account the API refuses (402/403) ends the watch with exit 3 and the reason', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50 });
    fake.fault({ kind: 'http-status', status: 402, body: '{"detail":"Insufficient credits"}' });
    const r = await run([id, '--json', ...FAST]);
    expect(r.code).toBe(3);
    expect(r.err.join('\n')).toMatch(/pika-tray watch: .*HTTP 402/);
    expect(r.events).toEqual([
      expect.objectContaining({ type: 'failed', taskId: id, error: expect.stringMatching(/402/) }),
    ]);
  });

  it('in 简体中文, a retry and a refusal are said in Chinese with the status and the server words', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 300 });
    fake.fault({ kind: 'server-error', status: 503, count: 1 });
    const zh = cliText('zh-Hans');
    const r = await run([id, ...FAST], { text: zh });
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(
      /(排队中|生成中)( \d+%)? \(重试中：Pika API 处理任务 \S+ 时出错（HTTP 503）。这通常是暂时的/,
    );
    const refused = fake.addTask({ queuedMs: 0, runMs: 50 });
    fake.fault({ kind: 'http-status', status: 402, body: '{"detail":"余额不足"}' });
    const r2 = await run([refused, ...FAST], { text: zh });
    expect(r2.code).toBe(3);
    expect(r2.err.join('\n')).toContain(
      'pika-tray watch：你的 Pika API 账户额度已用完（HTTP 402）。请充值后重试。服务器返回：“余额不足”',
    );
  });

  it('retries through server errors and says so in updates', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 300 });
    fake.fault({ kind: 'server-error', status: 503, count: 2 });
    const r = await run([id, '--json', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.events.some((e) => e.type === 'update' && typeof e.retrying === 'string')).toBe(true);
  });

  it.each([
    ['no task id', [], /at least one task id/],
    ['an invalid task id', ['../etc/passwd'], /etc\/passwd/],
    ['a bad --timeout', ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--timeout', 'soon'], /--timeout/],
    [
      'a zero --interval',
      ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--interval', '0'],
      /--interval/,
    ],
    [
      'a cap below the interval',
      ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--interval', '9', '--max-interval', '3'],
      /--max-interval/,
    ],
    ['an unknown option', ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--frobnicate'], /frobnicate/],
    [
      'a missing download folder',
      ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', '--download-dir', '/nonexistent/pika'],
      /\/nonexistent\/pika does not exist/,
    ],
  ])('exits 2 for %s, before any request', async (_what, argv, message) => {
    const before = fake.requests.length;
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(message as RegExp);
    expect(fake.requests.length).toBe(before);
  });

  it('exits 2 without a token', async () => {
    const r = await run(['0f0e2c1a-aaaa-bbbb-cccc-000000000001'], { token: '' });
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('PIKA_TOKEN');
  });

  it('--help prints the usage with the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('Exit codes:');
  });

  it('draws progress bars in place on a terminal, and lists saved files at the end', async () => {
    const id = fake.addTask({
      prompt: 'Apple evaporates',
      queuedMs: 0,
      runMs: 500,
      mediaBytes: 200_000,
    });
    let screen = '';
    const r = await run([id, '--download-dir', dir, ...FAST], {
      terminal: { write: (text) => (screen += text), columns: () => 100 },
    });
    expect(r.code).toBe(0);
    expect(r.out).toEqual([]);
    expect(screen).toMatch(new RegExp(`${ESC}\\[\\d+A`)); // moved up to redraw
    expect(screen).toContain('▶ running  [');
    expect(screen).toContain('✓ finished [████████████████████]');
    expect(screen).toContain('“Apple evaporates”');
    expect(screen).toMatch(/↓ saved apple-evaporates_seed\d+_\w{8}\.mp4 \(195 kB\)/);
    expect(screen).toMatch(new RegExp(`Saved ${dir}/apple-evaporates_seed\\d+_\\w{8}\\.mp4\\n$`));
    // No drawn line is wider than the terminal.
    for (const line of screen.split('\n')) {
      const visible = line.replaceAll('\r', '').replace(new RegExp(`${ESC}\\[\\d*[A-Z]`, 'g'), '');
      expect(visible.length).toBeLessThanOrEqual(100);
    }
  });

  it('stops on interrupt: exit 130, a download cut short stays a .part', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 50, mediaBytes: 3_000_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 500_000 });
    const interrupt = new AbortController();
    let seenBytes = 0;
    const r = await run([id, '--json', '--download-dir', dir, ...FAST], {
      interrupt: interrupt.signal,
      out: (line) => {
        if (line.includes('"finished"')) {
          const poll = setInterval(() => {
            void readdir(dir).then(async (names) => {
              const part = names.find((n) => n.endsWith('.part'));
              if (!part) return;
              seenBytes = (await readFile(join(dir, part))).length;
              if (seenBytes > 50_000) {
                clearInterval(poll);
                interrupt.abort();
              }
            });
          }, 20);
        }
      },
    });
    expect(r.code).toBe(130);
    expect(r.err.join('\n')).toContain('interrupted');
    const left = await folderFiles(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.part$/);
  });
});
