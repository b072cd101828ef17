// Auto and manual downloads through the real services, tracker, client and downloader,
// against the fake server's media routes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakePika } from '../../../test/fake-server';
import { TOKEN, useAppTestEnv } from '../app-test-kit';
import { waitFor } from '../../core/tasks/test-wait';
import { createNodeServices, type NodeServices } from '../node-services';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;

useAppTestEnv(
  'pika-downloads-',
  (env) => ({ fake, dir } = env),
  async () => {
    await app?.close();
    app = null;
  },
);

function start(autoDownload: boolean): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    // Not created yet: the service makes it when the first download starts.
    downloadDir: join(dir, 'Videos', 'Pika'),
    baseUrl: fake.url,
    token: TOKEN,
    settings: { autoDownload },
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
    downloadTuning: { retries: 1, backoff: { baseMs: 5, maxMs: 10 } },
  });
  return app;
}

const downloadOf = (taskId: string, videoId: string) =>
  app!.tracker.get(taskId)?.downloads[videoId];

describe('downloads', () => {
  it('downloads every video of a finished task when auto-download is on', async () => {
    const { handlers } = start(true);
    const id = fake.addTask({ queuedMs: 10, runMs: 30, videos: 2, prompt: 'two cats' });
    await handlers['tasks:add'](id);
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    const videos = app!.tracker.get(id)!.videos.map((v) => v.id);
    expect(videos).toHaveLength(2);
    await waitFor(
      () => videos.every((v) => downloadOf(id, v)?.status === 'done'),
      'both downloads',
      5000,
    );
    for (const videoId of videos) {
      const done = downloadOf(id, videoId);
      if (done?.status !== 'done') throw new Error('not done');
      expect(done.path.startsWith(join(dir, 'Videos', 'Pika'))).toBe(true);
      expect(await readFile(done.path)).toEqual(fake.mediaBytes(videoId));
    }
    // The finished file can now be opened through the resolver.
    await handlers['tasks:open-file']({ taskId: id, videoId: videos[0]! });
    expect(app!.calls.at(-1)).toMatchObject({ port: 'shell', method: 'openPath' });
  });

  it('waits for the user when auto-download is off, then downloads on request', async () => {
    const { handlers } = start(false);
    const id = fake.addTask({ queuedMs: 10, runMs: 30 });
    await handlers['tasks:add'](id);
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    const videoId = app!.tracker.get(id)!.videos[0]!.id;
    expect(
      fake.requests.some((r) => r.path.includes(videoId) && !r.path.startsWith('/pika/feed')),
    ).toBe(false);
    expect(downloadOf(id, videoId)).toBeUndefined();
    await handlers['tasks:download']({ taskId: id, videoId });
    await waitFor(() => downloadOf(id, videoId)?.status === 'done', 'the download', 5000);
  });

  it('refuses a video that is not ready, and records a failed download on the task', async () => {
    const { handlers } = start(false);
    const slow = fake.addTask({ queuedMs: 5000, runMs: 5000 });
    await handlers['tasks:add'](slow);
    await expect(handlers['tasks:download']({ taskId: slow, videoId: slow })).rejects.toThrow(
      /not ready/,
    );

    const id = fake.addTask({ queuedMs: 10, runMs: 30 });
    await handlers['tasks:add'](id);
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    const videoId = app!.tracker.get(id)!.videos[0]!.id;
    fake.fault({ kind: 'media-expired', status: 410 });
    await handlers['tasks:download']({ taskId: id, videoId });
    await waitFor(
      () => downloadOf(id, videoId)?.status === 'failed',
      'the failure to be recorded',
      5000,
    );
    const failed = downloadOf(id, videoId);
    expect(failed).toMatchObject({ status: 'failed', message: expect.any(String) });
    // Trying again after the fault is gone works.
    fake.clearFaults();
    await handlers['tasks:download']({ taskId: id, videoId });
    await waitFor(() => downloadOf(id, videoId)?.status === 'done', 'the retried download', 5000);
  });
});
