import { describe, expect, it } from 'vitest';
import { FeedShapeError, parseFeedTask, taskProgressOf, taskStateOf } from './feed-schema';

const ID = 'c8091b7b-06df-48ed-8fe3-8ee8f1e367c2';
const CDN = `https://cdn.pika.art/v1/${ID}`;

/** The documented success example, verbatim. */
const documented = {
  id: ID,
  promptText: 'Apple evaporates',
  videos: [
    {
      id: ID,
      status: 'finished',
      progress: 100,
      seed: 393769667,
      resultUrl: `${CDN}/_____seed393769667.mp4`,
      sharingUrl: `${CDN}/_____seed393769667_share.mp4`,
      videoPoster: `${CDN}/poster.jpg`,
      imageThumb: `${CDN}/thumbnail.jpg`,
      duration: 5,
    },
  ],
};

const video = (over: Record<string, unknown>) => ({ id: ID, status: 'pending', ...over });

describe('parseFeedTask', () => {
  it('surfaces every documented field, typed', () => {
    expect(parseFeedTask(documented)).toEqual({
      id: ID,
      promptText: 'Apple evaporates',
      state: 'finished',
      progress: 100,
      videos: [
        {
          id: ID,
          status: 'finished',
          state: 'finished',
          progress: 100,
          seed: 393769667,
          resultUrl: `${CDN}/_____seed393769667.mp4`,
          sharingUrl: `${CDN}/_____seed393769667_share.mp4`,
          videoPoster: `${CDN}/poster.jpg`,
          imageThumb: `${CDN}/thumbnail.jpg`,
          duration: 5,
          error: null,
        },
      ],
    });
  });

  it('keeps an unknown status as sent and treats it as running', () => {
    const t = parseFeedTask({ id: ID, videos: [video({ status: 'processing', progress: 40 })] });
    expect(t.videos[0]).toMatchObject({ status: 'processing', state: 'running', progress: 40 });
    expect(t.state).toBe('running');
    expect(t.promptText).toBe('');
  });

  it('missing progress is null; numbers sent as strings are read', () => {
    const t = parseFeedTask({
      id: ID,
      videos: [video({ status: 'queued' }), video({ progress: '55', seed: '12' })],
    });
    expect(t.videos[0]!.progress).toBeNull();
    expect(t.videos[1]).toMatchObject({ progress: 55, seed: 12 });
    expect(t.progress).toBe(55);
    expect(t.state).toBe('running');
  });

  it('empty or null videos mean queued', () => {
    expect(parseFeedTask({ id: ID, promptText: 'x', videos: [] })).toMatchObject({
      state: 'queued',
      progress: null,
    });
    expect(parseFeedTask({ id: ID, videos: null }).state).toBe('queued');
  });

  it('finished without a result URL is still running', () => {
    const t = parseFeedTask({
      id: ID,
      videos: [video({ status: 'finished', progress: 100, resultUrl: '' })],
    });
    expect(t.videos[0]).toMatchObject({ state: 'running', resultUrl: null });
    expect(t.state).toBe('running');
  });

  it('error carries the reason; an error without one gets a readable default', () => {
    const t = parseFeedTask({
      id: ID,
      videos: [video({ status: 'error', error: 'NSFW content' })],
    });
    expect(t.videos[0]).toMatchObject({ state: 'failed', error: 'NSFW content' });
    expect(t.state).toBe('failed');
    expect(
      parseFeedTask({ id: ID, videos: [video({ status: 'error', error: '' })] }).videos[0]!.error,
    ).toMatch(/without a reason/);
    expect(
      parseFeedTask({ id: ID, videos: [video({ error: 'stale text' })] }).videos[0]!.error,
    ).toBeNull();
  });

  it('ignores extra fields anywhere', () => {
    const t = parseFeedTask({
      ...documented,
      message: 'ok',
      artifact: { a: 1 },
      created_at: 1,
      videos: [{ ...documented.videos[0], last_frame: 'x', video_raw: {} }],
    });
    expect(t.state).toBe('finished');
    expect(Object.keys(t.videos[0]!)).not.toContain('last_frame');
  });

  it('refuses a result or sharing URL that is not http(s)', () => {
    for (const field of ['resultUrl', 'sharingUrl']) {
      const bad = { id: ID, videos: [{ ...documented.videos[0], [field]: 'file:///etc/passwd' }] };
      expect(() => parseFeedTask(bad)).toThrow(FeedShapeError);
      expect(() => parseFeedTask(bad)).toThrow(
        new RegExp(`videos\\[0\\]\\.${field} is not an http\\(s\\) link`),
      );
    }
    expect(() =>
      parseFeedTask({
        id: ID,
        videos: [video({ status: 'finished', resultUrl: 'javascript:alert(1)' })],
      }),
    ).toThrow(FeedShapeError);
  });

  it('drops a poster or thumbnail that is not http(s) instead of refusing the answer', () => {
    const t = parseFeedTask({
      id: ID,
      videos: [
        {
          ...documented.videos[0],
          videoPoster: 'data:image/png;base64,AAAA',
          imageThumb: '/relative.jpg',
        },
      ],
    });
    expect(t.videos[0]).toMatchObject({ state: 'finished', videoPoster: null, imageThumb: null });
  });

  it('refuses JSON that is not a task, naming the path', () => {
    expect(() => parseFeedTask([])).toThrow(/not a task/);
    expect(() => parseFeedTask({ promptText: 'x' })).toThrow(/id/);
    expect(() => parseFeedTask({ id: ID, videos: 'none' })).toThrow(/videos/);
    expect(() => parseFeedTask({ id: ID, videos: [{ status: 'queued' }] })).toThrow(
      /videos\.0\.id/,
    );
  });

  it('unwraps a {code, data: task} envelope', () => {
    expect(parseFeedTask({ code: 'success', message: '', data: documented }).state).toBe(
      'finished',
    );
  });

  it('clamps progress into 0-100', () => {
    const t = parseFeedTask({
      id: ID,
      videos: [video({ progress: 140 }), video({ progress: -3 })],
    });
    expect(t.videos.map((v) => v.progress)).toEqual([100, 0]);
  });
});

describe('task aggregate', () => {
  const v = (
    state: 'queued' | 'running' | 'finished' | 'failed',
    progress: number | null = null,
  ) => ({ state, progress });

  it('state follows the rules in order', () => {
    expect(taskStateOf([])).toBe('queued');
    expect(taskStateOf([v('queued'), v('queued')])).toBe('queued');
    expect(taskStateOf([v('queued'), v('running')])).toBe('running');
    expect(taskStateOf([v('failed'), v('failed')])).toBe('failed');
    expect(taskStateOf([v('finished'), v('failed')])).toBe('finished');
    expect(taskStateOf([v('finished'), v('running')])).toBe('running');
    expect(taskStateOf([v('failed'), v('queued')])).toBe('running');
  });

  it('progress is the mean of known progresses, finished counting as 100, failed left out', () => {
    expect(taskProgressOf([v('finished'), v('running', 50)])).toBe(75);
    expect(taskProgressOf([v('running', 10), v('queued')])).toBe(10);
    expect(taskProgressOf([v('queued'), v('queued')])).toBeNull();
    expect(taskProgressOf([v('failed', 30), v('running', 60)])).toBe(60);
    expect(taskProgressOf([v('running', 33), v('running', 34)])).toBe(34);
  });
});
