// The client against the real fake server over loopback: the task lifecycle, what each
// content fault looks like after parsing, generate, cancellation and the timeout.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { until } from '../../../test/fake-server/until';
import { caughtApiError } from '../../../test/support/caught-api-error';
import { DEFAULT_TIMEOUT_MS, createPikaClient, type PikaClient } from './client';
import { PikaApiError } from './errors';
import type { FeedTask } from './types';

let fake: FakePika;
let client: PikaClient;

beforeAll(async () => {
  fake = await startFakePika();
  client = createPikaClient({
    baseUrl: `${fake.url}/`,
    getToken: () => fake.token,
    timeoutMs: 2000,
  });
});
afterAll(() => fake.close());
beforeEach(() => fake.clearFaults());

describe('getTask over loopback', () => {
  it('follows a task from queued (no videos) through running to finished', async () => {
    // Phases long enough that a loaded machine still sees each one: the first answer must
    // come within the empty-videos first half of the queue (1 s).
    const id = fake.addTask({ queuedMs: 2000, runMs: 600, prompt: 'Apple evaporates' });
    const seen: FeedTask[] = [];
    const last = await until(
      async () => {
        const t = await client.getTask(id);
        seen.push(t);
        return t.state === 'finished' ? t : undefined;
      },
      { what: 'task to finish', everyMs: 20 },
    );
    const states = seen.map((t) => t.state);
    expect(states[0]).toBe('queued');
    expect(seen[0]!.videos).toEqual([]);
    expect(
      seen.some(
        (t) => t.state === 'queued' && t.videos.length === 1 && t.videos[0]!.progress === null,
      ),
    ).toBe(true);
    const running = seen.filter((t) => t.state === 'running').map((t) => t.progress!);
    expect(running.length).toBeGreaterThan(2);
    expect([...running].sort((a, b) => a - b)).toEqual(running);
    expect(last.promptText).toBe('Apple evaporates');
    expect(last.progress).toBe(100);
    const v = last.videos[0]!;
    expect(v).toMatchObject({
      id,
      status: 'finished',
      state: 'finished',
      duration: 5,
      error: null,
    });
    expect(v.seed).toEqual(expect.any(Number));
    expect(v.resultUrl).toMatch(
      new RegExp(`^${fake.url}/cdn/v1/${id}/apple_evaporates_seed${v.seed}\\.mp4\\?t=`),
    );
    expect(v.videoPoster).toBe(`${fake.url}/cdn/v1/${id}/poster.jpg`);
    expect(fake.endedAt(id)).toEqual(expect.any(Number));
    // The URLs really serve the media.
    const mp4 = Buffer.from(await (await fetch(v.resultUrl!)).arrayBuffer());
    expect(mp4.equals(fake.mediaBytes(id))).toBe(true);
    expect(mp4.subarray(4, 8).toString()).toBe('ftyp');
  });

  it('reports a failed generation (HTTP 200, status error) with the reason', async () => {
    const id = fake.addTask({
      queuedMs: 0,
      runMs: 0,
      outcome: 'error',
      errorMessage: 'Prompt flagged',
    });
    const t = await client.getTask(id);
    expect(t).toMatchObject({
      state: 'failed',
      videos: [{ status: 'error', state: 'failed', error: 'Prompt flagged' }],
    });
  });

  it('aggregates several videos', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, videos: 3 });
    const t = await client.getTask(id);
    expect(t.videos.map((v) => v.state)).toEqual(['finished', 'finished', 'finished']);
    expect(t.videos[0]!.id).toBe(id);
    expect(new Set(t.videos.map((v) => v.id)).size).toBe(3);
    expect(t.state).toBe('finished');
  });

  it('unknown status: kept as sent, still running', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'unknown-status', value: 'upscaling', count: 1 });
    expect(await client.getTask(id)).toMatchObject({
      state: 'running',
      videos: [{ status: 'upscaling', state: 'running' }],
    });
    expect((await client.getTask(id)).state).toBe('finished');
  });

  it('empty videos: queued', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'empty-videos', taskId: id });
    expect(await client.getTask(id)).toMatchObject({ state: 'queued', videos: [], progress: null });
  });

  it('finished without a URL: still running', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    fake.fault({ kind: 'finished-without-url', count: 1 });
    const t = await client.getTask(id);
    expect(t.videos[0]).toMatchObject({ status: 'finished', state: 'running', resultUrl: null });
    expect(t.state).toBe('running');
  });

  it('extra fields are ignored', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'extra-fields', count: 1 });
    const t = await client.getTask(id);
    expect(t.state).toBe('finished');
    expect(Object.keys(t).sort()).toEqual(['id', 'progress', 'promptText', 'state', 'videos']);
  });

  it('a task fault limited to one task leaves others alone', async () => {
    const a = fake.addTask({ queuedMs: 0, runMs: 0 });
    const b = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'empty-videos', taskId: a });
    expect((await client.getTask(b)).state).toBe('finished');
    expect((await client.getTask(a)).state).toBe('queued');
  });

  it('a non-http result URL makes the answer a bad-response; a bad poster is dropped', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'patch-answer', video: { resultUrl: 'file:///etc/passwd' }, count: 1 });
    const err = await caughtApiError(client.getTask(id));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/resultUrl is not an http\(s\) link/);
    fake.fault({ kind: 'patch-answer', video: { videoPoster: 'javascript:alert(1)' }, count: 1 });
    expect((await client.getTask(id)).videos[0]).toMatchObject({
      state: 'finished',
      videoPoster: null,
    });
  });

  it('encodes the id into the path and refuses an invalid id without a request', async () => {
    const before = fake.requests.length;
    const err = await caughtApiError(client.getTask('../../admin'));
    expect(err.kind).toBe('bad-request');
    expect(fake.requests.length).toBe(before);
    const id = fake.addTask({ id: 'plain_task-id_42', queuedMs: 0, runMs: 0 });
    await client.getTask(id);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/pika/feed/plain_task-id_42',
      status: 200,
    });
  });

  it('a missing token fails as token-rejected without sending anything', async () => {
    const noToken = createPikaClient({ baseUrl: fake.url, getToken: () => null });
    const before = fake.requests.length;
    const err = await caughtApiError(noToken.getTask('c8091b7b-06df-48ed-8fe3-8ee8f1e367c2'));
    expect(err.kind).toBe('token-rejected');
    expect(err.message).toMatch(/No Pika API token/);
    expect(fake.requests.length).toBe(before);
  });

  it('reads the token at each request', async () => {
    let token: string | null = 'wrong-token';
    const c = createPikaClient({ baseUrl: fake.url, getToken: () => token });
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    expect((await caughtApiError(c.getTask(id))).kind).toBe('token-rejected');
    token = fake.token;
    expect((await c.getTask(id)).state).toBe('finished');
  });
});

describe('generate', () => {
  it('posts the body with the token and returns the new task id, which then polls', async () => {
    const body = {
      promptText: 'A cat surfing',
      model: '2.0',
      pikaffect: '',
      options: {
        aspectRatio: 16 / 9,
        frameRate: 24,
        camera: {},
        extend: false,
        parameters: { guidanceScale: 12, motion: 1, negativePrompt: '' },
      },
    };
    const { id } = await client.generate(body);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.generateBodies.at(-1)).toEqual(body);
    const t = await client.getTask(id);
    expect(t.id).toBe(id);
    expect(t.promptText).toBe('A cat surfing');
  });

  it('a refused body is a bad-request naming the field, and is sent only once', async () => {
    const before = fake.generateBodies.length;
    const err = await caughtApiError(
      client.generate({
        promptText: 'x',
        image: 'https://example.com/a.png',
        options: { aspectRatio: 1.5 },
      }),
    );
    expect(err).toMatchObject({ kind: 'bad-request', status: 400, field: 'options.aspectRatio' });
    expect(err.message).toMatch(
      /generate request \(HTTP 400\).*"options.aspectRatio".*left out when an image is given/,
    );
    expect(fake.generateBodies.length).toBe(before + 1);
    const bad = await caughtApiError(client.generate({ promptText: 'x', pikaffect: 'Teleport' }));
    expect(bad.field).toBe('pikaffect');
  });

  it('an image-to-video body with base64 is accepted', async () => {
    const { id } = await client.generate({
      promptText: '',
      pikaffect: 'Melt',
      image: 'data:image/png;base64,' + 'QUJD'.repeat(10),
    });
    expect(id).toBeTruthy();
  });
});

describe('cancellation and timeout', () => {
  it('times out a hanging server with a network error that says so', async () => {
    const id = fake.addTask();
    const c = createPikaClient({ baseUrl: fake.url, getToken: () => fake.token, timeoutMs: 150 });
    fake.fault({ kind: 'hang', count: 1 });
    const started = Date.now();
    const err = await caughtApiError(c.getTask(id));
    expect(err).toMatchObject({ kind: 'network', code: 'timeout' });
    expect(err.message).toMatch(/did not answer .* within 150 ms \(timed out\)/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('waits 30 s by default before giving up on a hanging server', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    const id = fake.addTask();
    fake.fault({ kind: 'hang', count: 1 });
    const c = createPikaClient({ baseUrl: fake.url, getToken: () => fake.token });
    // Only the client's own timer is faked, so the test need not sit through 30 real seconds.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const pending = caughtApiError(c.getTask(id)).finally(() => (settled = true));
      // setImmediate is not faked: wait (bounded) for the request to reach the server.
      const deadline = Date.now() + 5_000;
      while (!fake.requests.some((r) => r.status === 0 && r.path.endsWith(id))) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setImmediate(r));
      }
      await vi.advanceTimersByTimeAsync(29_900);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      const err = await pending;
      expect(err).toMatchObject({ kind: 'network', code: 'timeout' });
      expect(err.message).toMatch(/within 30 s \(timed out\)/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the caller's abort rejects with an AbortError, not a PikaApiError", async () => {
    const id = fake.addTask();
    fake.fault({ kind: 'hang', count: 1 });
    const controller = new AbortController();
    const pending = client.getTask(id, { signal: controller.signal });
    await until(() => fake.requests.some((r) => r.status === 0 && r.path.endsWith(id)), {
      what: 'hanging request',
    });
    controller.abort();
    const err = await pending.catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(PikaApiError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('an already aborted signal sends nothing', async () => {
    const before = fake.requests.length;
    const err = await client
      .getTask(fake.addTask(), { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(fake.requests.length).toBe(before);
  });

  it('the timer is cleared: many quick requests leave no armed timeout behind', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const c = createPikaClient({
      baseUrl: fake.url,
      getToken: () => fake.token,
      timeoutMs: 60_000,
    });
    const timers = (): number =>
      (process as unknown as { getActiveResourcesInfo(): string[] })
        .getActiveResourcesInfo()
        .filter((h) => h === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 20; i += 1) await c.getTask(id);
    expect(timers() - before).toBeLessThan(3);
  });
});
