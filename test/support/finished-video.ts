// Test helper: creates a task on the fake Pika server and waits (bounded) until the feed
// shows its videos finished, returning what a downloader needs. Reads the feed over real
// HTTP, the way the app does, without depending on the app's client.
import type { FakePika, FakeTaskSpec } from '../fake-server/types';

export interface FinishedVideo {
  taskId: string;
  videoId: string;
  url: string;
  prompt: string;
  seed: number | null;
}

interface RawFeed {
  promptText?: string;
  videos?: { id: string; status: string; resultUrl?: string; seed?: number }[];
}

export async function readFeed(fake: FakePika, taskId: string): Promise<RawFeed> {
  const response = await fetch(`${fake.url}/pika/feed/${taskId}`, {
    headers: { authorization: `Bearer ${fake.token}` },
  });
  if (!response.ok) throw new Error(`feed answered ${response.status}`);
  return (await response.json()) as RawFeed;
}

/** A fresh result URL for one video, as the app's refreshUrl callback finds it. */
export async function freshUrl(fake: FakePika, taskId: string, videoId: string) {
  const feed = await readFeed(fake, taskId);
  return feed.videos?.find((v) => v.id === videoId)?.resultUrl ?? null;
}

export async function finishedVideos(
  fake: FakePika,
  spec: FakeTaskSpec = {},
  timeoutMs = 5000,
): Promise<FinishedVideo[]> {
  const taskId = fake.addTask({ queuedMs: 0, runMs: 0, prompt: 'Apple evaporates', ...spec });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const feed = await readFeed(fake, taskId);
    const videos = feed.videos ?? [];
    if (videos.length > 0 && videos.every((v) => v.status === 'finished' && v.resultUrl)) {
      return videos.map((v) => ({
        taskId,
        videoId: v.id,
        url: v.resultUrl!,
        prompt: feed.promptText ?? '',
        seed: v.seed ?? null,
      }));
    }
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not finish in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function finishedVideo(fake: FakePika, spec: FakeTaskSpec = {}) {
  const [video] = await finishedVideos(fake, spec);
  return video!;
}
