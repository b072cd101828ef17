// The drag image's poster cache through the real services, tracker and client against the
// fake Pika server's CDN: fetched when a task finishes, named by hashes in its own folder,
// refused when it is not an image, fetched on first use for older tasks, deleted with its task.
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakePika } from '../../../test/fake-server';
import { TOKEN, useAppTestEnv } from '../app-test-kit';
import { FIXTURES } from '../../../test/fake-server/media';
import { waitFor } from '../../core/tasks/test-wait';
import type { TrackedTask } from '../../core/tasks/model';
import { createNodeServices, type NodeServices } from '../node-services';
import { createPosterCache, type PosterCache } from './poster-cache';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;
let cache: PosterCache | null = null;

useAppTestEnv(
  'pika-posters-',
  (env) => ({ fake, dir } = env),
  async () => {
    cache?.close();
    cache = null;
    await app?.close();
    app = null;
  },
);

function start(): { app: NodeServices; cache: PosterCache; logs: string[] } {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Videos'),
    baseUrl: fake.url,
    token: TOKEN,
    settings: { autoDownload: false },
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
  });
  const logs: string[] = [];
  cache = createPosterCache({
    dir: join(dir, 'posters'),
    tracker: app.tracker,
    log: (m) => logs.push(m),
  });
  return { app, cache, logs };
}

const finished = (app: NodeServices, id: string) =>
  waitFor(() => app.tracker.get(id)?.state === 'finished', `${id} finished`, 5000);

describe('poster cache', () => {
  it('caches the thumbnail of a video when its task finishes, in its own folder', async () => {
    const { app, cache } = start();
    const id = fake.addTask({ prompt: 'a heron', queuedMs: 0, runMs: 50 });
    app.tracker.add([id]);
    await finished(app, id);
    await waitFor(() => cache.pathFor({ taskId: id, videoId: id }) !== null, 'poster', 5000);
    const file = cache.pathFor({ taskId: id, videoId: id })!;
    expect((await readFile(file)).equals(FIXTURES.thumbnail)).toBe(true);
    // Named by hashes, never by the server's id; nothing in the download folder; no parts left.
    expect(file.startsWith(join(dir, 'posters'))).toBe(true);
    expect(file).not.toContain(id);
    expect(await readdir(join(dir, 'posters'))).toEqual([file.slice(file.lastIndexOf('/') + 1)]);
    await expect(readdir(join(dir, 'Videos'))).rejects.toThrow();
    // The CDN was asked once, without the token.
    const thumbs = fake.requests.filter((r) => r.path.endsWith('/thumbnail.jpg'));
    expect(thumbs).toHaveLength(1);
    await cache.fetchFor(app.tracker.get(id)!);
    expect(fake.requests.filter((r) => r.path.endsWith('/thumbnail.jpg'))).toHaveLength(1);
  });

  it('a task that finished before: the first lookup misses and fetches, the next one hits', async () => {
    const { app, cache } = start();
    const id = fake.addTask({ prompt: 'an owl', queuedMs: 0, runMs: 50 });
    app.tracker.add([id]);
    await finished(app, id);
    await cache.idle();
    const ref = { taskId: id, videoId: id };
    await rm(cache.pathFor(ref)!);
    expect(cache.pathFor(ref)).toBeNull();
    await cache.idle();
    expect(cache.pathFor(ref)).not.toBeNull();
    // An unknown task is not fetched for, and does not throw.
    expect(cache.pathFor({ taskId: 'nope-123456', videoId: 'nope' })).toBeNull();
  });

  it('keeps nothing that is not an image, or that the server refuses', async () => {
    const { cache, logs } = start();
    const video = (url: string) => ({
      id: 'v1',
      status: 'finished',
      state: 'finished' as const,
      progress: 100,
      seed: 1,
      resultUrl: null,
      sharingUrl: null,
      videoPoster: null,
      imageThumb: url,
      duration: 5,
      error: null,
    });
    const task = (url: string) =>
      ({ id: 't1', videos: [video(url)], state: 'finished' }) as unknown as TrackedTask;
    const id = fake.addTask({ queuedMs: 0, runMs: 10 });
    for (const url of [
      `${fake.url}/cdn/v1/${id}/missing.jpg`, // 404
      `${fake.url}/pika/feed/${id}`, // JSON, not an image (and 401 without a token)
      'file:///etc/passwd',
    ]) {
      await cache.fetchFor(task(url));
      expect(cache.pathFor({ taskId: 't1', videoId: 'v1' })).toBeNull();
    }
    expect(logs).toHaveLength(3);
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(await readdir(join(dir, 'posters')).catch(() => [])).toEqual([]);
  });

  it("deletes a task's posters when it is removed, and strays at start", async () => {
    const { app, cache } = start();
    const id = fake.addTask({ prompt: 'a fox', queuedMs: 0, runMs: 50, videos: 2 });
    app.tracker.add([id]);
    await finished(app, id);
    await cache.idle();
    const videos = app.tracker.get(id)!.videos.map((v) => ({ taskId: id, videoId: v.id }));
    expect(videos.map((ref) => cache.pathFor(ref) !== null)).toEqual([true, true]);
    app.tracker.remove(id);
    await expect.poll(() => readdir(join(dir, 'posters')), { timeout: 5000 }).toEqual([]);

    // A poster of a task no longer tracked (removed while the app was closed) goes at start.
    await mkdir(join(dir, 'posters'), { recursive: true });
    await writeFile(join(dir, 'posters', 'abc-def.img'), 'x');
    const again = createPosterCache({ dir: join(dir, 'posters'), tracker: app.tracker });
    await expect.poll(() => readdir(join(dir, 'posters')), { timeout: 5000 }).toEqual([]);
    again.close();
  });
});
