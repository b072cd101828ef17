import { describe, expect, it } from 'vitest';
import type { FeedVideo } from '../api/types';
import type { TrackedTask } from '../tasks/model';
import { buildGenerateRequest } from './build-request';
import { emptyForm } from './generate-form';
import { prefillFrom } from './prefill';

function video(id: string, patch: Partial<FeedVideo> = {}): FeedVideo {
  return {
    id,
    status: 'finished',
    state: 'finished',
    progress: 100,
    seed: 1,
    resultUrl: `https://cdn.pika.art/v1/${id}/video.mp4`,
    sharingUrl: null,
    videoPoster: null,
    imageThumb: null,
    duration: 5,
    error: null,
    ...patch,
  };
}

function task(videos: FeedVideo[], state: TrackedTask['state'] = 'finished'): TrackedTask {
  return {
    id: 'task-1',
    promptText: 'a lighthouse at dusk',
    videos,
    state,
    progress: 100,
    addedAt: 0,
    lastCheckedAt: 0,
    endedAt: 0,
    lastError: null,
    attempts: 1,
    downloads: {},
    seen: true,
  };
}

describe('prefillFrom', () => {
  it('"Again" keeps the prompt and starts the rest at the defaults', () => {
    expect(prefillFrom(task([video('v1')]), 'again')).toEqual({
      ...emptyForm(),
      prompt: 'a lighthouse at dusk',
    });
  });

  it('"Again" works for a failed task too', () => {
    const failed = task([video('v1', { state: 'failed', resultUrl: null })], 'failed');
    expect(prefillFrom(failed, 'again').prompt).toBe('a lighthouse at dusk');
  });

  it('"Extend" sets the first finished video and builds an extend request', () => {
    const form = prefillFrom(
      task([video('v0', { state: 'failed', resultUrl: null }), video('v1'), video('v2')]),
      'extend',
    );
    expect(form.extendVideo).toBe('https://cdn.pika.art/v1/v1/video.mp4');
    const result = buildGenerateRequest(form);
    expect(result.ok && result.request).toMatchObject({
      promptText: 'a lighthouse at dusk',
      video: 'https://cdn.pika.art/v1/v1/video.mp4',
      options: { extend: true },
    });
  });

  it('"Extend" can name the video of a multi-video task', () => {
    expect(prefillFrom(task([video('v1'), video('v2')]), 'extend', 'v2').extendVideo).toBe(
      'https://cdn.pika.art/v1/v2/video.mp4',
    );
  });

  it('"Extend" without a finished video says why', () => {
    expect(() => prefillFrom(task([], 'running'), 'extend')).toThrow(
      'Task task-1 has no finished video to extend yet.',
    );
  });
});
