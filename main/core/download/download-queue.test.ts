// The download queue against the real fake server: a concurrency limit, one download per
// video however often it is asked for, cancellation, and one failure not touching the rest.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles } from '../../../test/support/download-folder';
import { useFakePikaAndTempDir } from '../../../test/support/fake-pika-env';
import type { FakePika } from '../../../test/fake-server/types';
import { finishedVideo, finishedVideos } from '../../../test/support/finished-video';
import type { DownloadError } from './download-error';
import type { DownloadResult } from './download-video';
import { nodeFs, type DownloadFs } from './fs-port';
import { createDownloadQueue } from './download-queue';

let fake: FakePika;
let dir: string;

useFakePikaAndTempDir('pika-queue-', (env) => ({ fake, dir } = env));

const FAST = { backoff: { baseMs: 5, maxMs: 20 }, progressIntervalMs: 10 };

describe('createDownloadQueue', () => {
  it('runs at most `concurrency` downloads at once and finishes them all', async () => {
    const videos = await finishedVideos(fake, { videos: 4, mediaBytes: 60_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 600_000 });
    const queue = createDownloadQueue({ ...FAST, concurrency: 2, dir: () => dir });
    let running = 0;
    let most = 0;
    queue.on('started', () => {
      running++;
      most = Math.max(most, running);
    });
    const ended = (): void => {
      running--;
    };
    queue.on('done', ended);
    queue.on('failed', ended);
    const results = await Promise.all(videos.map((v) => queue.enqueue(v)));
    expect(most).toBe(2);
    for (const [i, result] of results.entries()) {
      expect((await readFile(result.path)).equals(fake.mediaBytes(videos[i]!.videoId))).toBe(true);
    }
    expect(await folderFiles(dir)).toHaveLength(4);
    await queue.idle();
    expect(queue.counts()).toEqual({ running: 0, queued: 0 });
  });

  it('asking twice for the same video joins the download under way', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 80_000 });
    const queue = createDownloadQueue({ ...FAST, dir: () => dir });
    const a = queue.enqueue(video);
    const b = queue.enqueue(video);
    expect(b).toBe(a);
    expect(queue.has(video.videoId)).toBe(true);
    await a;
    const path = new URL(video.url).pathname;
    expect(fake.requests.filter((r) => r.path === path)).toHaveLength(1);
  });

  it('cancels a queued download without a request and a running one keeping its .part', async () => {
    const [slow, waiting] = await finishedVideos(fake, { videos: 2, mediaBytes: 400_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 200_000 });
    const queue = createDownloadQueue({ ...FAST, concurrency: 1, dir: () => dir });
    const failed: string[] = [];
    queue.on('failed', (video, error) => failed.push(`${video.videoId}:${error.kind}`));
    let cancelled = false;
    queue.on('progress', (video, progress) => {
      if (!cancelled && video.videoId === slow!.videoId && progress.bytes > 20_000) {
        cancelled = true;
        queue.cancel(slow!.videoId);
      }
    });
    const running = queue.enqueue(slow!);
    const queued = queue.enqueue(waiting!);
    expect(queue.counts()).toEqual({ running: 1, queued: 1 });
    expect(queue.cancel(waiting!.videoId)).toBe(true);
    await expect(queued).rejects.toMatchObject({ kind: 'aborted' });
    await expect(running).rejects.toMatchObject({ kind: 'aborted' });
    expect(failed.sort()).toEqual(
      [`${slow!.videoId}:aborted`, `${waiting!.videoId}:aborted`].sort(),
    );
    const waitingPath = new URL(waiting!.url).pathname;
    expect(fake.requests.filter((r) => r.path === waitingPath)).toEqual([]);
    const left = await folderFiles(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.part$/);
    expect(queue.cancel('no-such-video')).toBe(false);
  });

  it('one failing download leaves the others to finish', async () => {
    const [bad, good] = await finishedVideos(fake, { videos: 2, mediaBytes: 30_000 });
    // Expire only the first video's link for good; no refresh callback is given.
    fake.fault({ kind: 'media-expired', status: 410, count: 1 });
    const queue = createDownloadQueue({ ...FAST, concurrency: 1, dir: () => dir });
    const first = queue.enqueue(bad!);
    const second = queue.enqueue(good!);
    const error = (await first.catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('expired');
    const result = await second;
    expect((await readFile(result.path)).equals(fake.mediaBytes(good!.videoId))).toBe(true);
  });

  it('a full disk fails that download only, clearly; the others finish and report where', async () => {
    const [full, fine] = await finishedVideos(fake, { videos: 2, mediaBytes: 200_000 });
    const fullId = full!.videoId.slice(0, 8);
    // The disk "fills up" for one file only (as a quota on one folder would).
    const fs: DownloadFs = {
      ...nodeFs,
      async openForWrite(path, mode) {
        const file = await nodeFs.openForWrite(path, mode);
        if (!path.includes(fullId)) return file;
        let written = 0;
        return {
          ...file,
          async write(chunk) {
            if (written + chunk.byteLength > 50_000) {
              throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
            }
            written += chunk.byteLength;
            await file.write(chunk);
          },
        };
      },
    };
    const queue = createDownloadQueue({ ...FAST, concurrency: 2, dir: () => dir, fs });
    const done: { videoId: string; path: string; bytes: number }[] = [];
    queue.on('done', (video, result) => done.push({ videoId: video.videoId, ...result }));
    const [a, b] = await Promise.allSettled([queue.enqueue(full!), queue.enqueue(fine!)]);
    expect(a.status).toBe('rejected');
    const error = (a as PromiseRejectedResult).reason as DownloadError;
    expect(error.kind).toBe('disk-full');
    expect(error.message).toMatch(/^The disk is full: .* Free some space, then download again\.$/);
    expect(b.status).toBe('fulfilled');
    const saved = (b as PromiseFulfilledResult<DownloadResult>).value;
    expect(done).toEqual([
      { videoId: fine!.videoId, path: saved.path, bytes: 200_000, reused: false },
    ]);
    expect((await readFile(saved.path)).equals(fake.mediaBytes(fine!.videoId))).toBe(true);
    // What the full disk took is kept as a .part for when there is room again.
    const names = await folderFiles(dir);
    expect(names).toHaveLength(2);
    expect(names).toContain(basename(saved.path));
    expect(names.find((n) => n !== basename(saved.path))).toMatch(
      new RegExp(`_${fullId}\\.mp4\\.part$`),
    );
  });

  it('reads the folder when each download starts, and takes a per-video folder', async () => {
    const [a, b] = await finishedVideos(fake, { videos: 2, mediaBytes: 10_000 });
    const other = await mkdtemp(join(tmpdir(), 'pika-queue-other-'));
    try {
      let current = dir;
      const queue = createDownloadQueue({ ...FAST, dir: () => current });
      const first = await queue.enqueue(a!);
      current = other;
      const second = await queue.enqueue(b!, { dir });
      expect(first.path.startsWith(dir)).toBe(true);
      expect(second.path.startsWith(dir)).toBe(true);
      const third = await queue.enqueue({ ...a!, videoId: a!.videoId });
      expect(third.reused).toBe(false);
      expect(third.path.startsWith(other)).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
