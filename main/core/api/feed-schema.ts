// Reads a feed answer into a FeedTask. Lenient where gateways differ harmlessly (extra
// fields, numbers sent as strings, null for "nothing"), strict where a wrong value could do
// harm: the result URL is what gets downloaded, so anything but http(s) refuses the answer.
import { z } from 'zod';
import type { FeedTask, FeedVideo, VideoState } from './types';
import { renderMessage, say, type MessageRef } from '../text/message-ref';

const numberish = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number),
  ])
  .nullish()
  .transform((v) => (v === undefined || v === null || !Number.isFinite(v) ? null : v));

const stringish = z.union([z.string(), z.number().transform(String)]);

const videoSchema = z.object({
  id: stringish,
  status: z.string().nullish(),
  progress: numberish,
  seed: numberish,
  resultUrl: z.string().nullish(),
  sharingUrl: z.string().nullish(),
  videoPoster: z.string().nullish(),
  imageThumb: z.string().nullish(),
  duration: numberish,
  error: z.string().nullish(),
});

const taskSchema = z.object({
  id: stringish,
  promptText: z.string().nullish(),
  // Go gateways marshal an empty slice as null.
  videos: z.array(videoSchema).nullish(),
});

type RawVideo = z.infer<typeof videoSchema>;

/** Why an answer was refused; the client turns it into a 'bad-response' PikaApiError. */
export class FeedShapeError extends Error {
  constructor(readonly ref: MessageRef) {
    super(renderMessage(ref, 'en'));
    this.name = 'FeedShapeError';
  }
}

/**
 * Parses a decoded JSON feed answer. Throws FeedShapeError when the answer is not a task or
 * its result/sharing URL is not http(s). Poster and thumbnail URLs that are not http(s) are
 * dropped (set to null) instead: they are only pictures, and refusing the whole answer over
 * one would hide a finished video.
 */
export function parseFeedTask(json: unknown): FeedTask {
  const body = unwrapData(json);
  const parsed = taskSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'answer'}: ${i.message}`)
      .join('; ');
    throw new FeedShapeError(say('api.notATask', issues));
  }
  const videos = (parsed.data.videos ?? []).map((v, index) => toVideo(v, index));
  return {
    id: parsed.data.id,
    promptText: parsed.data.promptText ?? '',
    videos,
    state: taskStateOf(videos),
    progress: taskProgressOf(videos),
  };
}

/** Some gateways wrap the task as `{code, message, data: {...}}`. */
function unwrapData(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const obj = json as Record<string, unknown>;
  const data = obj['data'];
  if (!('videos' in obj) && !('id' in obj) && data !== null && typeof data === 'object')
    return data;
  return json;
}

function toVideo(raw: RawVideo, index: number): FeedVideo {
  const where = `videos[${index}]`;
  const resultUrl = requiredHttpUrl(raw.resultUrl, `${where}.resultUrl`);
  const sharingUrl = requiredHttpUrl(raw.sharingUrl, `${where}.sharingUrl`);
  const status = raw.status ?? '';
  const state = videoStateOf(status, resultUrl);
  const serverError = raw.error?.trim() ?? '';
  return {
    id: raw.id,
    status,
    state,
    progress: state === 'finished' ? 100 : clampPercent(raw.progress),
    seed: raw.seed === null ? null : Math.trunc(raw.seed),
    resultUrl,
    sharingUrl,
    videoPoster: optionalHttpUrl(raw.videoPoster),
    imageThumb: optionalHttpUrl(raw.imageThumb),
    duration: raw.duration,
    error:
      state === 'failed' ? serverError || 'The server reported an error without a reason.' : null,
  };
}

/** What a raw status means; `finished` needs a result URL, anything unknown is still running. */
export function videoStateOf(status: string, resultUrl: string | null): VideoState {
  switch (status.trim().toLowerCase()) {
    case 'queued':
      return 'queued';
    case 'finished':
      return resultUrl === null ? 'running' : 'finished';
    case 'error':
      return 'failed';
    default:
      return 'running';
  }
}

/**
 * A task is queued while it has no videos or all are queued, failed when all failed,
 * finished when all ended and at least one finished, and running otherwise.
 */
export function taskStateOf(videos: readonly Pick<FeedVideo, 'state'>[]): VideoState {
  if (videos.length === 0 || videos.every((v) => v.state === 'queued')) return 'queued';
  if (videos.every((v) => v.state === 'failed')) return 'failed';
  if (videos.every((v) => v.state === 'finished' || v.state === 'failed')) return 'finished';
  return 'running';
}

/** Mean progress of the videos still counting (failed ones are left out), rounded; null if none knows. */
export function taskProgressOf(
  videos: readonly Pick<FeedVideo, 'state' | 'progress'>[],
): number | null {
  const known = videos
    .filter((v) => v.state !== 'failed')
    .map((v) => (v.state === 'finished' ? 100 : v.progress))
    .filter((p): p is number => p !== null);
  if (known.length === 0) return null;
  return Math.round(known.reduce((a, b) => a + b, 0) / known.length);
}

function clampPercent(value: number | null): number | null {
  if (value === null) return null;
  return Math.min(100, Math.max(0, Math.round(value)));
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function requiredHttpUrl(value: string | null | undefined, where: string): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (!isHttpUrl(text)) {
    throw new FeedShapeError(say('api.linkNotTrusted', where));
  }
  return text;
}

function optionalHttpUrl(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text !== '' && isHttpUrl(text) ? text : null;
}
