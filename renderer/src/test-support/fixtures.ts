// Plain task data for renderer tests.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';

let n = 0;

export function makeVideo(partial: Partial<FeedVideo> = {}): FeedVideo {
  n++;
  return {
    id: `v${n}`,
    status: 'pending',
    state: 'running',
    progress: 40,
    seed: 1234,
    resultUrl: null,
    sharingUrl: null,
    videoPoster: null,
    imageThumb: null,
    duration: 5,
    error: null,
    ...partial,
  };
}

export function makeTask(partial: Partial<TrackedTask> = {}): TrackedTask {
  n++;
  const id = partial.id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    promptText: `prompt ${n}`,
    videos: [makeVideo({ id })],
    state: 'running',
    progress: 40,
    addedAt: 1_700_000_000_000 + n * 1000,
    lastCheckedAt: null,
    endedAt: null,
    lastError: null,
    attempts: 1,
    downloads: {},
    seen: true,
    ...partial,
  };
}

export function finishedTask(partial: Partial<TrackedTask> = {}): TrackedTask {
  const t = makeTask({ state: 'finished', progress: 100, ...partial });
  const id = t.id;
  return {
    ...t,
    videos: partial.videos ?? [
      makeVideo({
        id,
        status: 'finished',
        state: 'finished',
        progress: 100,
        resultUrl: `https://cdn.example/${id}.mp4`,
        sharingUrl: `https://pika.example/share/${id}`,
      }),
    ],
    endedAt: t.addedAt + 100_000,
  };
}
