// Issue 14 through `pika-tray watch --download-dir` as a user runs it: a child process through
// the real entry point, against the fake Pika server's hostile media faults, checking the exit
// code, what it printed, and the bytes in the folder.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika } from '../../../test/fake-server';
import type { FakePika } from '../../../test/fake-server/types';
import { collectOutput } from '../../../test/support/collect-output';
import { folderFiles } from '../../../test/support/download-folder';
import { finishedVideo } from '../../../test/support/finished-video';
import { downloadVideo } from '../../core/download/download-video';

const ROOT = resolve(import.meta.dirname, '../../..');
const FAST = ['--interval', '0.05', '--max-interval', '0.2', '--no-notify', '--json'];

const servers: FakePika[] = [];
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pika-watch14-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function setup() {
  const server = await startFakePika();
  servers.push(server);
  return { server, dir: await mkdtemp(join(root, 'dl-')) };
}

/** Runs `watch`; a run that outlives `timeoutMs` is killed and fails the test. */
async function watch(server: FakePika, args: string[], timeoutMs = 15_000) {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/index.ts', 'watch', ...args, ...FAST],
    {
      cwd: ROOT,
      env: { ...env, PIKA_BASE_URL: server.url, PIKA_TOKEN: server.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = await collectOutput(child, { name: 'pika-tray watch', timeoutMs });
  const events = output.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...output, events };
}

const videoFiles = async (dir: string) =>
  (await folderFiles(dir)).filter((n) => n.endsWith('.mp4'));

describe.concurrent('pika-tray watch --download-dir against hostile media answers', () => {
  it('a 206 of another file after a cut is refused: the saved video is wholly one file, exit 0', async () => {
    const { server, dir } = await setup();
    const id = server.addTask({ queuedMs: 0, runMs: 50, mediaBytes: 600_000 });
    const before = await (async () => {
      // The content is fixed per video id: read it before the fault replaces it.
      return Buffer.from(server.mediaBytes(id));
    })();
    server.fault({ kind: 'media-swap', afterBytes: 200_000 });
    const r = await watch(server, [id, '--download-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const downloaded = r.events.find((e) => e.type === 'downloaded')!;
    const saved = await readFile(downloaded.path as string);
    const after = server.mediaBytes(id);
    expect(saved.equals(after)).toBe(true);
    expect(saved.subarray(0, 200_000).equals(before.subarray(0, 200_000))).toBe(false);
    expect(await videoFiles(dir)).toHaveLength(1);
  });

  it('an unrequested gzip answer fails the download clearly and saves nothing (exit 1)', async () => {
    const { server, dir } = await setup();
    const id = server.addTask({ queuedMs: 0, runMs: 50, mediaBytes: 100_000 });
    server.fault({ kind: 'media-encoded' });
    const r = await watch(server, [id, '--download-dir', dir]);
    expect(r.code).toBe(1);
    const failed = r.events.find((e) => e.type === 'failed' && e.stage === 'download')!;
    expect(failed.error).toMatch(/compressed \(gzip\)/);
    expect(await folderFiles(dir)).toEqual([]);
  });

  it('200 with Content-Length: 0 fails at once (exit 1), and the process does not linger', async () => {
    const { server, dir } = await setup();
    const id = server.addTask({ queuedMs: 0, runMs: 50, mediaBytes: 100_000 });
    server.fault({ kind: 'media-empty' });
    const started = Date.now();
    // The old downloader left a 30 s idle timer behind an empty body: killed at 12 s here.
    const r = await watch(server, [id, '--download-dir', dir], 12_000);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(12_000);
    const failed = r.events.find((e) => e.type === 'failed' && e.stage === 'download')!;
    expect(failed.error).toMatch(/empty file/);
    expect(await folderFiles(dir)).toEqual([]);
  });

  it('two videos whose names share short id, prompt and seed are both saved, each its own bytes', async () => {
    const { server, dir } = await setup();
    const a = server.addTask({
      id: 'c8091b7b-0000-4000-8000-00000000000a',
      prompt: 'Twin',
      queuedMs: 0,
      runMs: 50,
      mediaBytes: 80_000,
    });
    const b = server.addTask({
      id: 'c8091b7b-0000-4000-8000-00000000000b',
      prompt: 'Twin',
      queuedMs: 0,
      runMs: 50,
      mediaBytes: 80_000,
    });
    // The same seed in the feed for both: the same file name.
    server.fault({ kind: 'patch-answer', video: { seed: 42 } });
    const r = await watch(server, [a, b, '--download-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const downloaded = r.events.filter((e) => e.type === 'downloaded');
    expect(downloaded).toHaveLength(2);
    expect(downloaded.every((e) => e.reused === false)).toBe(true);
    for (const event of downloaded) {
      const saved = await readFile(event.path as string);
      expect(saved.equals(server.mediaBytes(event.videoId as string))).toBe(true);
    }
    expect(new Set(downloaded.map((e) => e.path)).size).toBe(2);
    expect((await videoFiles(dir)).sort()).toEqual([
      'twin_seed42_c8091b7b (2).mp4',
      'twin_seed42_c8091b7b.mp4',
    ]);

    // A second run recognises both from the folder's index: nothing fetched again.
    const mediaBefore = server.requests.filter((q) => q.path.startsWith('/cdn/')).length;
    const again = await watch(server, [a, b, '--download-dir', dir]);
    expect(again.code, again.stderr).toBe(0);
    const reused = again.events.filter((e) => e.type === 'downloaded');
    expect(reused.map((e) => e.reused)).toEqual([true, true]);
    expect(server.requests.filter((q) => q.path.startsWith('/cdn/')).length).toBe(mediaBefore);
  });

  it('the app and the CLI saving one video into one folder at once: one file, right bytes, one fetch', async () => {
    const { server, dir } = await setup();
    server.fault({ kind: 'media-slow', bytesPerSecond: 300_000 });
    const video = await finishedVideo(server, { mediaBytes: 1_500_000 });
    // The app's downloader (this process) starts first and holds the file for ~5 s.
    let appDoneAt = 0;
    const app = downloadVideo(video, { dir, lockRetryMs: 50 }).finally(
      () => (appDoneAt = Date.now()),
    );
    const logged = server.requests.length;
    const cli = await watch(server, [video.taskId, '--download-dir', dir]);
    const result = await app;
    // The CLI saw the task finished (and went to download it) while the app was still saving.
    const cliFeed = server.requests.slice(logged).find((q) => q.path.startsWith('/pika/feed/'))!;
    expect(cliFeed.at).toBeLessThan(appDoneAt);
    expect(cli.code, cli.stderr).toBe(0);
    const downloaded = cli.events.find((e) => e.type === 'downloaded')!;
    expect(downloaded.path).toBe(result.path);
    expect(downloaded.reused).toBe(true);
    expect((await readFile(result.path)).equals(server.mediaBytes(video.videoId))).toBe(true);
    expect(await folderFiles(dir)).toEqual([result.path.slice(dir.length + 1)]);
    const path = new URL(video.url).pathname;
    expect(server.requests.filter((q) => q.path === path && q.method === 'GET')).toHaveLength(1);
  });
});
