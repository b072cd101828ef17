// A fake task's life on the server: queued (no videos for the first half), pending with
// progress rising to 99, then finished with CDN links, or error with a reason. The answer is
// computed from the clock at each request, so tests only choose durations.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FakeTaskSpec, ProgressCurve } from './types';
import { FIXTURES, bufferSource, hash32, syntheticSource, type MediaSource } from './media';

export interface FakeVideo {
  id: string;
  taskId: string;
  seed: number;
  slug: string;
  /** Query token of the current result URL; replaced when the URL "expires". */
  urlToken: string;
  /** Tokens of URLs that expired, with the status they now answer. */
  expired: Map<string, number>;
  media: MediaSource;
}

export interface FakeTask {
  id: string;
  prompt: string;
  createdAt: number;
  queuedMs: number;
  runMs: number;
  outcome: 'finished' | 'error';
  errorMessage: string;
  progress: ProgressCurve;
  videos: FakeVideo[];
}

export const DEFAULT_QUEUED_MS = 1000;
export const DEFAULT_RUN_MS = 3000;
const CLIP_SECONDS = 5;

export function newUrlToken(): string {
  return randomBytes(9).toString('base64url');
}

/** Like the real CDN: a slug of the prompt, non-Latin letters becoming underscores. */
export function slugOf(prompt: string): string {
  return prompt
    .slice(0, 40)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_');
}

export function createTask(spec: FakeTaskSpec, now: number): FakeTask {
  const id = spec.id ?? randomUUID();
  const prompt = spec.prompt ?? 'A red fox running through snow';
  const count = Math.max(1, spec.videos ?? 1);
  const videos: FakeVideo[] = [];
  for (let i = 0; i < count; i += 1) {
    const videoId = i === 0 ? id : randomUUID();
    videos.push({
      id: videoId,
      taskId: id,
      seed: hash32(`seed:${videoId}`) % 1_000_000_000,
      slug: slugOf(prompt),
      urlToken: newUrlToken(),
      expired: new Map(),
      media:
        spec.mediaBytes === undefined
          ? bufferSource(FIXTURES.video)
          : syntheticSource(videoId, Math.max(0, Math.floor(spec.mediaBytes))),
    });
  }
  return {
    id,
    prompt,
    createdAt: now,
    queuedMs: Math.max(0, spec.queuedMs ?? DEFAULT_QUEUED_MS),
    runMs: Math.max(0, spec.runMs ?? DEFAULT_RUN_MS),
    outcome: spec.outcome ?? 'finished',
    errorMessage: spec.errorMessage ?? 'Generation failed: the content was flagged by moderation.',
    progress: spec.progress ?? 'linear',
    videos,
  };
}

export function endsAt(task: FakeTask): number {
  return task.createdAt + task.queuedMs + task.runMs;
}

export interface MediaUrls {
  resultUrl: string;
  sharingUrl: string;
  videoPoster: string;
  imageThumb: string;
}

export function mediaUrls(base: string, video: FakeVideo): MediaUrls {
  const dir = `${base}/cdn/v1/${video.id}`;
  const name = `${video.slug}_seed${video.seed}`;
  return {
    resultUrl: `${dir}/${name}.mp4?t=${video.urlToken}`,
    sharingUrl: `${dir}/${name}_share.mp4?t=${video.urlToken}`,
    videoPoster: `${dir}/poster.jpg`,
    imageThumb: `${dir}/thumbnail.jpg`,
  };
}

/** The feed answer for `task` at instant `now`, shaped exactly like the documented example. */
export function feedAnswer(task: FakeTask, now: number, base: string): Record<string, unknown> {
  const elapsed = now - task.createdAt;
  const videos: Record<string, unknown>[] = [];
  if (elapsed >= task.queuedMs / 2) {
    for (const video of task.videos) videos.push(videoAnswer(task, video, elapsed, base));
  }
  return { id: task.id, promptText: task.prompt, videos };
}

function videoAnswer(
  task: FakeTask,
  video: FakeVideo,
  elapsed: number,
  base: string,
): Record<string, unknown> {
  const empty = { resultUrl: '', sharingUrl: '', videoPoster: '', imageThumb: '' };
  const common = { id: video.id, seed: video.seed, duration: CLIP_SECONDS };
  if (elapsed < task.queuedMs) {
    // Queued videos carry no progress at all: clients must cope with it missing.
    return { ...common, status: 'queued', ...empty, error: '' };
  }
  const running = elapsed - task.queuedMs;
  if (running < task.runMs) {
    const share = running / Math.max(1, task.runMs);
    if (task.progress === 'none') return { ...common, status: 'pending', ...empty, error: '' };
    const progress = Math.min(99, Math.max(0, Math.floor(99 * progressAt(task.progress, share))));
    return { ...common, status: 'pending', progress, ...empty, error: '' };
  }
  if (task.outcome === 'error') {
    return { ...common, status: 'error', progress: 99, ...empty, error: task.errorMessage };
  }
  return { ...common, status: 'finished', progress: 100, ...mediaUrls(base, video), error: '' };
}

/** Share of the work shown as done (0-1) at `share` of the run, by curve. */
export function progressAt(curve: ProgressCurve, share: number): number {
  switch (curve) {
    case 'stall-then-jump':
      return share < 0.7 ? 0 : 0.6 + ((share - 0.7) / 0.3) * 0.4;
    case 'race-then-crawl':
      return share < 0.2 ? (share / 0.2) * 0.9 : 0.9 + ((share - 0.2) / 0.8) * 0.1;
    case 'step-back':
      return share < 0.5 ? share : share - 0.3 + ((share - 0.5) / 0.5) * 0.3;
    default:
      return share;
  }
}
