// The fake server itself: it must behave like pika-api.md says the real one does, faults
// included, or every test built on it proves nothing.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from './index';
import { until } from './until';

let fake: FakePika;
beforeAll(async () => {
  fake = await startFakePika();
});
afterAll(() => fake.close());
beforeEach(() => fake.clearFaults());

const auth = () => ({ Authorization: `Bearer ${fake.token}` });
const feed = (id: string, headers: Record<string, string> = auth()) =>
  fetch(`${fake.url}/pika/feed/${id}`, { headers });
const feedJson = async (id: string) =>
  (await (await feed(id)).json()) as { id: string; videos: Record<string, unknown>[] };
const post = (body: unknown, headers: Record<string, string> = auth()) =>
  fetch(`${fake.url}/pika/generate`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function finishedVideo(spec: Parameters<FakePika['addTask']>[0] = {}) {
  const id = fake.addTask({ queuedMs: 0, runMs: 0, ...spec });
  const v = (await feedJson(id)).videos[0]!;
  return { id, resultUrl: v['resultUrl'] as string, sharingUrl: v['sharingUrl'] as string, v };
}

/** Raw request that reports how the body ended, even when the socket is cut. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
    aborted: boolean;
  }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      let aborted = false;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks),
          aborted: aborted || !res.complete,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('feed route', () => {
  it('answers in the documented shape through the whole life of a task', async () => {
    // Phases long enough that a loaded machine still sees each one: the first answer must
    // come within the empty-videos first half of the queue (1 s).
    const id = fake.addTask({ queuedMs: 2000, runMs: 300, prompt: '苹果蒸发' });
    expect(await feedJson(id)).toEqual({ id, promptText: '苹果蒸发', videos: [] });
    const queued = await until(async () => {
      const a = await feedJson(id);
      return a.videos[0]?.['status'] === 'queued' ? a : undefined;
    });
    expect(queued.videos[0]).not.toHaveProperty('progress');
    const pending = await until(async () => {
      const a = await feedJson(id);
      return a.videos[0]?.['status'] === 'pending' ? a : undefined;
    });
    expect(pending.videos[0]!['progress']).toEqual(expect.any(Number));
    expect(fake.endedAt(id)).toBeNull();
    const done = await until(async () => {
      const a = await feedJson(id);
      return a.videos[0]?.['status'] === 'finished' ? a : undefined;
    });
    const v = done.videos[0]!;
    expect(Object.keys(v).sort()).toEqual(
      [
        'duration',
        'error',
        'id',
        'imageThumb',
        'progress',
        'resultUrl',
        'seed',
        'sharingUrl',
        'status',
        'videoPoster',
      ].sort(),
    );
    expect(v).toMatchObject({ id, progress: 100, error: '', duration: 5 });
    // Non-Latin prompts give underscore slugs, as on the real CDN.
    expect(v['resultUrl']).toMatch(
      new RegExp(`^${fake.url}/cdn/v1/${id}/_____seed\\d+\\.mp4\\?t=[\\w-]+$`),
    );
    expect(v['sharingUrl']).toMatch(/_share\.mp4\?t=/);
    expect(v['videoPoster']).toBe(`${fake.url}/cdn/v1/${id}/poster.jpg`);
    expect(v['imageThumb']).toBe(`${fake.url}/cdn/v1/${id}/thumbnail.jpg`);
    expect(fake.endedAt(id)).toBeLessThanOrEqual(Date.now());
  });

  it('an error outcome is HTTP 200 with status error and the reason', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, outcome: 'error', errorMessage: 'flagged' });
    const res = await feed(id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { videos: unknown[] }).videos[0]).toMatchObject({
      status: 'error',
      error: 'flagged',
      resultUrl: '',
    });
  });

  it('401 with an OpenAI-style body when the token is missing or wrong', async () => {
    const id = fake.addTask();
    const missing = await feed(id, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: {
        message: expect.stringMatching(/Missing Authorization/),
        type: 'new_api_error',
        code: 'invalid_token',
      },
    });
    const wrong = await feed(id, { Authorization: 'Bearer nope-token' });
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid token: nope-token',
    );
  });

  it('an unknown task is 400 task_not_exist; an unknown route is 404 text', async () => {
    const res = await feed('0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'task_not_exist',
      message: 'task_not_exist',
      data: null,
    });
    const route = await fetch(`${fake.url}/v1/nothing`, { headers: auth() });
    expect(route.status).toBe(404);
    expect(await route.text()).toBe('404 page not found');
  });

  it('a fault with count hits that many requests; taskId restricts it', async () => {
    const a = fake.addTask({ queuedMs: 0, runMs: 0 });
    const b = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'server-error', status: 503, count: 2, taskId: a });
    expect((await feed(b)).status).toBe(200);
    expect((await feed(a)).status).toBe(503);
    expect((await feed(a)).status).toBe(503);
    expect((await feed(a)).status).toBe(200);
  });

  it('a fault without count lasts until cleared', async () => {
    const a = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'rate-limit', retryAfter: '3' });
    for (let i = 0; i < 3; i += 1) {
      const res = await feed(a);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(await res.text()).toBe('');
    }
    fake.clearFaults();
    expect((await feed(a)).status).toBe(200);
  });

  it('content faults change the answer as described', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    fake.fault({ kind: 'unknown-status', value: 'processing', count: 1 });
    expect((await feedJson(id)).videos[0]!['status']).toBe('processing');
    fake.fault({ kind: 'empty-videos', count: 1 });
    expect((await feedJson(id)).videos).toEqual([]);
    fake.fault({ kind: 'finished-without-url', count: 1 });
    expect((await feedJson(id)).videos[0]).toMatchObject({ status: 'finished', resultUrl: '' });
    fake.fault({ kind: 'extra-fields', count: 1 });
    const extra = (await feedJson(id)) as unknown as Record<string, unknown> & {
      videos: Record<string, unknown>[];
    };
    for (const key of ['message', 'artifact', 'created_at', 'last_frame', 'thumbnail', 'video_raw'])
      expect(extra).toHaveProperty(key);
    expect(extra.videos[0]).toHaveProperty('video_raw');
    fake.fault({ kind: 'task-not-exist', count: 1 });
    expect((await feed(id)).status).toBe(400);
    expect((await feedJson(id)).videos[0]!['status']).toBe('pending');
  });

  it('html-error, malformed-json and reset', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'html-error', status: 504, count: 1 });
    const html = await feed(id);
    expect(html.status).toBe(504);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toMatch(/<title>504 Gateway Timeout<\/title>/);
    fake.fault({ kind: 'malformed-json', count: 1 });
    const bad = await feed(id);
    expect(bad.status).toBe(200);
    await expect(bad.clone().json()).rejects.toThrow();
    expect(await bad.text()).toMatch(/^\{"id":/);
    fake.fault({ kind: 'reset', count: 1 });
    const reset = await rawGet(`${fake.url}/pika/feed/${id}`, auth());
    expect(reset.aborted).toBe(true);
    expect(reset.body.length).toBeLessThan(Number(reset.headers['content-length']));
  });

  it('hang never answers, and close() still ends at once', async () => {
    const own = await startFakePika();
    const id = own.addTask();
    own.fault({ kind: 'hang' });
    const pending = fetch(`${own.url}/pika/feed/${id}`, {
      headers: { Authorization: `Bearer ${own.token}` },
    }).then(
      () => 'answered',
      () => 'failed',
    );
    await until(() => own.requests.some((r) => r.status === 0), {
      what: 'the hanging request to arrive',
    });
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBe('failed');
  });

  it('logs every request with method, path, status, time and range', async () => {
    const { id, resultUrl } = await finishedVideo();
    const since = Date.now();
    await feed(id);
    await fetch(resultUrl, { headers: { Range: 'bytes=0-9' } });
    const last = fake.requests.slice(-2);
    expect(last[0]).toMatchObject({ method: 'GET', path: `/pika/feed/${id}`, status: 200 });
    expect(last[1]).toMatchObject({
      method: 'GET',
      status: 206,
      range: 'bytes=0-9',
      query: expect.stringMatching(/^t=/),
    });
    expect(last[1]!.path).toMatch(/\.mp4$/);
    expect(last[0]!.at).toBeGreaterThanOrEqual(since);
  });
});

describe('rate limit option', () => {
  it('answers 429 beyond max per window, then again after the window', async () => {
    const own = await startFakePika({ rateLimit: { max: 3, windowMs: 300 } });
    try {
      const id = own.addTask();
      const get = () =>
        fetch(`${own.url}/pika/feed/${id}`, { headers: { Authorization: `Bearer ${own.token}` } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await get()).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      await until(async () => (await get()).status === 200, { what: 'the window to pass' });
    } finally {
      await own.close();
    }
  });
});

describe('generate route', () => {
  const valid = {
    promptText: 'A cat surfing',
    model: '1.5',
    pikaffect: 'Cake-ify',
    options: {
      aspectRatio: 1.7777777777777777,
      frameRate: 24,
      camera: {},
      extend: false,
      parameters: { guidanceScale: 12, motion: 1, negativePrompt: 'blur' },
    },
  };

  it('creates a task and answers {id}, recording the body', async () => {
    const res = await post(valid);
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fake.generateBodies.at(-1)).toEqual(valid);
    expect((await feedJson(id)).id).toBe(id);
  });

  it.each([
    [{ ...valid, promptText: undefined }, 'promptText', /promptText is required/],
    [{ ...valid, promptText: 42 }, 'promptText', /must be a string/],
    [{ ...valid, model: '3.7' }, 'model', /model must be one of/],
    [{ ...valid, pikaffect: 'Teleport' }, 'pikaffect', /not a known effect/],
    [
      { ...valid, image: 'https://x.io/a.png' },
      'options.aspectRatio',
      /left out when an image is given/,
    ],
    [{ ...valid, options: { aspectRatio: 'wide' } }, 'options.aspectRatio', /number/],
    [{ ...valid, options: { frameRate: 24.5 } }, 'options.frameRate', /integer/],
    [{ ...valid, options: { camera: 'pan' } }, 'options.camera', /object/],
    [{ ...valid, options: { extend: 'yes' } }, 'options.extend', /true or false/],
    [
      { ...valid, options: { parameters: { guidanceScale: 'high' } } },
      'options.parameters.guidanceScale',
      /integer/,
    ],
    [
      { ...valid, options: { parameters: { motion: 9 } } },
      'options.parameters.motion',
      /between 0 and 4/,
    ],
    [
      { ...valid, options: { parameters: { negativePrompt: 1 } } },
      'options.parameters.negativePrompt',
      /string/,
    ],
    [{ ...valid, options: undefined, image: 'not a url or base64!' }, 'image', /URL or base64/],
    [{ ...valid, video: 'ftp://x.io/a.mp4' }, 'video', /http\(s\) URL/],
    ['not json', 'body', /JSON object/],
  ])('refuses %j (%s) with 400 naming the field', async (body, field, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { code: string; message: string; data: null };
    expect(json).toEqual({
      code: 'invalid_request',
      message: expect.stringMatching(message),
      data: null,
    });
    expect(json.message).toContain(field === 'body' ? 'body' : field);
  });

  it('answers in the OpenAI shape, naming the field in param, when told to', async () => {
    const openai = await startFakePika({ generateErrors: 'openai' });
    try {
      const res = await fetch(`${openai.url}/pika/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${openai.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...valid, options: { parameters: { motion: 9 } } }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          message: 'options.parameters.motion must be an integer between 0 and 4',
          type: 'invalid_request_error',
          code: 'invalid_request',
          param: 'options.parameters.motion',
        },
      });
    } finally {
      await openai.close();
    }
  });

  it('accepts image input (URL or base64) without aspectRatio, and a video to extend', async () => {
    const { options: _o, ...noOptions } = valid;
    expect((await post({ ...noOptions, image: 'https://x.io/a.png' })).status).toBe(200);
    expect(
      (await post({ ...noOptions, image: 'data:image/jpeg;base64,' + '/9j/'.repeat(8) })).status,
    ).toBe(200);
    expect((await post({ ...noOptions, image: 'iVBORw0KGgoAAAANSUhEUg==' })).status).toBe(200);
    expect(
      (await post({ ...noOptions, video: 'https://x.io/v.mp4', options: { extend: true } })).status,
    ).toBe(200);
    expect((await post({ promptText: 'x', pikaffect: '' })).status).toBe(200);
  });

  it('checks the token; transport faults hit generate too, task-bound ones do not', async () => {
    expect((await post(valid, {})).status).toBe(401);
    fake.fault({ kind: 'server-error', count: 1 });
    expect((await post(valid)).status).toBe(500);
    fake.fault({ kind: 'server-error', taskId: 'some-task-id', count: 1 });
    expect((await post(valid)).status).toBe(200);
  });
});

describe('media routes', () => {
  it('serve the real playable MP4 and real JPEGs with Content-Length', async () => {
    const { id, resultUrl, v } = await finishedVideo();
    const mp4 = await fetch(resultUrl);
    const bytes = Buffer.from(await mp4.arrayBuffer());
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
    expect(mp4.headers.get('content-length')).toBe(String(bytes.length));
    expect(mp4.headers.get('accept-ranges')).toBe('bytes');
    expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
    expect(bytes.includes(Buffer.from('moov'))).toBe(true);
    expect(bytes.equals(fake.mediaBytes(id))).toBe(true);
    for (const key of ['videoPoster', 'imageThumb']) {
      const jpg = Buffer.from(await (await fetch(v[key] as string)).arrayBuffer());
      expect(jpg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(jpg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    }
    expect(
      Buffer.from(await (await fetch(v['sharingUrl'] as string)).arrayBuffer()).equals(bytes),
    ).toBe(true);
  });

  it('honour Range: 206 with Content-Range, suffix and open ranges, 416 beyond the end; HEAD has no body', async () => {
    const { id, resultUrl } = await finishedVideo({ mediaBytes: 300_000 });
    const all = fake.mediaBytes(id);
    expect(all.length).toBe(300_000);
    const part = await fetch(resultUrl, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/300000');
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer()).equals(all.subarray(100, 200))).toBe(true);
    const open = await fetch(resultUrl, { headers: { Range: 'bytes=200000-' } });
    expect(Buffer.from(await open.arrayBuffer()).equals(all.subarray(200_000))).toBe(true);
    const suffix = await fetch(resultUrl, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(all.subarray(-10))).toBe(true);
    const beyond = await fetch(resultUrl, { headers: { Range: 'bytes=300000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */300000');
    const head = await fetch(resultUrl, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('300000');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('synthetic bytes are deterministic, differ per video and per block', async () => {
    const a = await finishedVideo({ mediaBytes: 600_000 });
    const b = await finishedVideo({ mediaBytes: 600_000 });
    const bytesA = fake.mediaBytes(a.id);
    expect(fake.mediaBytes(a.id).equals(bytesA)).toBe(true);
    expect(fake.mediaBytes(b.id).equals(bytesA)).toBe(false);
    expect(bytesA.subarray(262_144, 262_244).equals(bytesA.subarray(524_288, 524_388))).toBe(false);
    expect(bytesA.subarray(4, 8).toString()).toBe('ftyp');
  });

  it('media-no-range answers 200 with the whole file and no Accept-Ranges', async () => {
    const { id, resultUrl } = await finishedVideo({ mediaBytes: 50_000 });
    fake.fault({ kind: 'media-no-range', taskId: id, count: 1 });
    const res = await fetch(resultUrl, { headers: { Range: 'bytes=100-' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBeNull();
    expect(res.headers.get('content-length')).toBe('50000');
    expect((await res.arrayBuffer()).byteLength).toBe(50_000);
    expect((await fetch(resultUrl, { headers: { Range: 'bytes=100-' } })).status).toBe(206);
  });

  it('media-reset cuts the body after N bytes with the full Content-Length announced', async () => {
    const { id, resultUrl } = await finishedVideo({ mediaBytes: 1_000_000 });
    fake.fault({ kind: 'media-reset', afterBytes: 123_456, count: 1 });
    const cut = await rawGet(resultUrl);
    expect(cut.status).toBe(200);
    expect(cut.headers['content-length']).toBe('1000000');
    expect(cut.aborted).toBe(true);
    expect(cut.body.length).toBe(123_456);
    expect(cut.body.equals(fake.mediaBytes(id).subarray(0, 123_456))).toBe(true);
    // Resuming from there works.
    const rest = await rawGet(resultUrl, { Range: 'bytes=123456-' });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([cut.body, rest.body]).equals(fake.mediaBytes(id))).toBe(true);
  });

  it('media-expired kills that URL, and the feed then hands out a fresh one that works', async () => {
    const { id, resultUrl } = await finishedVideo();
    fake.fault({ kind: 'media-expired', status: 410, count: 1 });
    expect((await fetch(resultUrl)).status).toBe(410);
    expect((await fetch(resultUrl)).status).toBe(410);
    const fresh = (await feedJson(id)).videos[0]!['resultUrl'] as string;
    expect(fresh).not.toBe(resultUrl);
    expect(fresh.split('?')[0]).toBe(resultUrl.split('?')[0]);
    const ok = await fetch(fresh);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(fake.mediaBytes(id))).toBe(true);
    // A URL with a made-up token is refused like a bad signature.
    expect((await fetch(resultUrl.replace(/\?t=.*/, '?t=forged'))).status).toBe(403);
    expect((await fetch(`${fake.url}/cdn/v1/${id}/other.mp4`)).status).toBe(404);
  });

  it('media-slow throttles to about the given rate', async () => {
    const { resultUrl } = await finishedVideo({ mediaBytes: 40_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 100_000, count: 1 });
    const started = Date.now();
    expect((await (await fetch(resultUrl)).arrayBuffer()).byteLength).toBe(40_000);
    const ms = Date.now() - started;
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(3000);
  });

  it('streams 200 MB without holding it in memory', async () => {
    const { resultUrl } = await finishedVideo({ mediaBytes: 200 * 1024 * 1024 });
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const res = await fetch(resultUrl);
    expect(res.headers.get('content-length')).toBe(String(200 * 1024 * 1024));
    const hash = createHash('sha256');
    let total = 0;
    for await (const chunk of res.body!) {
      hash.update(chunk);
      total += chunk.byteLength;
      if (total % (16 * 1024 * 1024) < 65_536) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(total).toBe(200 * 1024 * 1024);
    expect(peak - before).toBeLessThan(120 * 1024 * 1024);
  }, 30_000);
});
