import { describe, expect, it } from 'vitest';
import type { FeedVideo } from '../api/types';
import { newTask, type TrackedTask } from '../tasks/model';
import { buildGenerateRequest } from './build-request';
import { emptyForm, type GenerateForm } from './generate-form';
import { parseSettings, settingsOf } from './generate-settings';
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
    ...newTask('task-1', 0),
    promptText: 'a lighthouse at dusk',
    videos,
    state,
    progress: 100,
    lastCheckedAt: 0,
    endedAt: 0,
    attempts: 1,
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

describe('prefillFrom with the settings the task was made with', () => {
  const sent: GenerateForm = {
    ...emptyForm(),
    prompt: 'a lighthouse at dusk',
    model: '1.5',
    pikaffect: 'Melt',
    aspectRatio: '9:16',
    frameRate: '12',
    motion: '3',
    guidanceScale: '20',
    negativePrompt: 'blurry',
  };
  // Through JSON, as the record is kept.
  const kept = (form: GenerateForm) => parseSettings(JSON.parse(JSON.stringify(settingsOf(form))));

  it('"Again" restores every option, so the same request body is built', () => {
    const form = prefillFrom(task([video('v1')]), 'again', undefined, kept(sent));
    expect(form).toEqual(sent);
    expect(buildGenerateRequest(form)).toEqual(buildGenerateRequest(sent));
  });

  it('"Again" keeps an image link and the video an extension continued', () => {
    const withLink = { ...sent, image: { kind: 'url' as const, url: 'https://x.io/a.png' } };
    expect(prefillFrom(task([video('v1')]), 'again', undefined, kept(withLink)).image).toEqual(
      withLink.image,
    );
    const extension = { ...sent, pikaffect: '', extendVideo: 'https://cdn.pika.art/v1/v0/a.mp4' };
    expect(prefillFrom(task([video('v1')]), 'again', undefined, kept(extension)).extendVideo).toBe(
      'https://cdn.pika.art/v1/v0/a.mp4',
    );
  });

  it('a picked image file is not kept, only its name', () => {
    const withFile: GenerateForm = {
      ...sent,
      image: {
        kind: 'data',
        dataUrl: 'data:image/png;base64,AAAA',
        mime: 'image/png',
        bytes: 3,
        name: 'cat.png',
      },
    };
    const settings = kept(withFile)!;
    expect(settings.imageFile).toBe('cat.png');
    expect(JSON.stringify(settings)).not.toContain('base64');
    expect(prefillFrom(task([video('v1')]), 'again', undefined, settings).image).toBeNull();
  });

  it('"Extend" takes the model and motion settings, not the effect or the image', () => {
    const withLink = { ...sent, image: { kind: 'url' as const, url: 'https://x.io/a.png' } };
    const form = prefillFrom(task([video('v1')]), 'extend', undefined, kept(withLink));
    expect(form).toMatchObject({
      model: '1.5',
      frameRate: '12',
      motion: '3',
      guidanceScale: '20',
      negativePrompt: 'blurry',
      pikaffect: '',
      image: null,
      extendVideo: 'https://cdn.pika.art/v1/v1/video.mp4',
    });
    expect(buildGenerateRequest(form).ok).toBe(true);
  });

  it('a stored record of the wrong shape is ignored', () => {
    expect(parseSettings(null)).toBeNull();
    expect(parseSettings([])).toBeNull();
    expect(parseSettings({ ...settingsOf(sent), model: 2 })).toBeNull();
    expect(parseSettings({ ...settingsOf(sent), imageUrl: 5 })).toBeNull();
    expect(parseSettings({ ...settingsOf(sent), negativePrompt: 'x'.repeat(5000) })).toBeNull();
    // Missing optional keys read as "none".
    const { imageUrl: _i, imageFile: _f, extendVideo: _e, ...older } = settingsOf(sent);
    expect(parseSettings(older)).toEqual(settingsOf(sent));
  });
});
