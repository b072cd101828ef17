// Run by http-send.test.ts in a process of its own: everything the app's main process sends
// over HTTP (generate, a poll to the end, a poster, a video download) against the fake server,
// then which undici modules Node had loaded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakePika } from '../../../test/fake-server/index';
import { downloadVideo } from '../download/index';
import { discardBody, requestMedia } from '../download/media-request';
import { createPikaClient } from './client';

const fake = await startFakePika();
const dir = await mkdtemp(join(tmpdir(), 'pika-http-fixture-'));
try {
  const client = createPikaClient({ baseUrl: fake.url, getToken: () => fake.token });
  const { id } = await client.generate({ promptText: 'A cat surfing' });
  const task = await client.getTask(fake.addTask({ queuedMs: 0, runMs: 0 }));
  const video = task.videos[0];
  if (!video?.resultUrl || !video.imageThumb) throw new Error('the fake task has no media');
  const poster = await requestMedia(video.imageThumb, {
    rangeStart: 0,
    signal: new AbortController().signal,
    maxRedirects: 5,
  });
  discardBody(poster);
  const saved = await downloadVideo(
    { taskId: task.id, videoId: video.id, url: video.resultUrl, prompt: 'cat', seed: 1 },
    { dir },
  );
  // Node's list of the internal modules it has loaded (not in @types/node).
  const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  process.stdout.write(
    JSON.stringify({
      created: id.length > 0,
      state: task.state,
      posterStatus: poster.status,
      savedBytes: saved.bytes,
      undici: loaded.filter((name) => /undici/i.test(name)),
    }),
  );
} finally {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}
