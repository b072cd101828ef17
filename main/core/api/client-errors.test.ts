// Every error kind, produced by the real fake server (or a real closed port / unknown host),
// classified with a readable message; and the token never shows in any of them.
import { caughtApiError } from '../../../test/support/caught-api-error';
import { freePort } from '../../../test/support/free-port';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { RETRY_AFTER_CAP_MS, parseRetryAfter, redact } from './classify';
import { createPikaClient, type PikaClient } from './client';
import type { PikaApiError } from './errors';

// Recognisable tokens: the accepted one, and a wrong one the server quotes back in its 401.
const TOKEN = 'sk-H1LeakCanaryAcceptedToken0123456789abcdef';
const WRONG = 'sk-H1LeakCanaryWrongToken0123456789abcdefgh';

let fake: FakePika;
let client: PikaClient;
let taskId: string;
const collected: PikaApiError[] = [];

beforeAll(async () => {
  fake = await startFakePika({ token: TOKEN });
  client = createPikaClient({ baseUrl: fake.url, getToken: () => TOKEN, timeoutMs: 1500 });
  taskId = fake.addTask({ queuedMs: 0, runMs: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.clearFaults());

/** The error a call rejects with, also kept for the token-leak check over every error. */
async function caught(p: Promise<unknown>): Promise<PikaApiError> {
  const err = await caughtApiError(p);
  collected.push(err);
  return err;
}

const feedWith = (fault: Parameters<FakePika['fault']>[0]): Promise<PikaApiError> => {
  fake.fault({ count: 1, ...fault });
  return caught(client.getTask(taskId));
};

describe('token-rejected', () => {
  it('401 with an OpenAI-style body that quotes the refused key: the key is scrubbed', async () => {
    const wrong = createPikaClient({ baseUrl: fake.url, getToken: () => WRONG });
    const err = await caught(wrong.getTask(taskId));
    expect(err).toMatchObject({
      kind: 'token-rejected',
      status: 401,
      code: 'invalid_token',
      retryable: false,
    });
    expect(err.message).toMatch(/rejected your token \(HTTP 401\)/);
    expect(err.serverMessage).toBe('Invalid token: [token]');
  });
  it('a very short wrong token quoted back is scrubbed too, and ordinary words are left alone', async () => {
    const short = createPikaClient({ baseUrl: fake.url, getToken: () => 'xyz' });
    const err = await caught(short.getTask(taskId));
    expect(err.kind).toBe('token-rejected');
    expect(err.serverMessage).toBe('Invalid token: [token]');
    expect(err.message).not.toMatch(/\bxyz\b/);
    expect(redact('xyzzy and xyz-1 stay; xyz goes', 'xyz')).toBe(
      'xyzzy and xyz-1 stay; [token] goes',
    );
  });
  it('no token: token-rejected without a request', async () => {
    const none = createPikaClient({ baseUrl: fake.url, getToken: () => '' });
    expect((await caught(none.generate({ promptText: 'x' }))).kind).toBe('token-rejected');
  });
});

describe('forbidden', () => {
  it('403 insufficient_user_quota says out of quota', async () => {
    const err = await feedWith({
      kind: 'http-status',
      status: 403,
      body: JSON.stringify({
        error: {
          message: '用户额度不足, 剩余额度: $0.00',
          type: 'new_api_error',
          code: 'insufficient_user_quota',
        },
      }),
    });
    expect(err).toMatchObject({ kind: 'forbidden', status: 403, code: 'insufficient_user_quota' });
    expect(err.message).toMatch(/out of quota \(HTTP 403\).*用户额度不足/);
  });
  it('402 and a 429 carrying a quota code are forbidden too', async () => {
    expect(
      (
        await feedWith({
          kind: 'http-status',
          status: 402,
          body: '{"code":"insufficient_user_quota","message":"quota exhausted","data":null}',
        })
      ).kind,
    ).toBe('forbidden');
    expect(
      (
        await feedWith({
          kind: 'http-status',
          status: 429,
          body: '{"error":{"message":"x","code":"insufficient_user_quota"}}',
        })
      ).kind,
    ).toBe('forbidden');
  });
  it('403 for another reason says what may be refused, with the server message', async () => {
    const err = await feedWith({
      kind: 'http-status',
      status: 403,
      body: '{"code":"forbidden","message":"IP 1.2.3.4 is not allowed","data":null}',
    });
    expect(err.kind).toBe('forbidden');
    expect(err.message).toMatch(/refused access \(HTTP 403\).*IP 1\.2\.3\.4 is not allowed/);
  });
});

describe('unknown-task', () => {
  it('400 task_not_exist for an id the server never had', async () => {
    const err = await caught(client.getTask('0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50'));
    expect(err).toMatchObject({
      kind: 'unknown-task',
      status: 400,
      code: 'task_not_exist',
      retryable: false,
    });
    expect(err.message).toMatch(
      /does not know task 0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50 \(HTTP 400\)/,
    );
  });
  it('the task-not-exist fault on a real task, then it answers again', async () => {
    fake.fault({ kind: 'task-not-exist', taskId, count: 1 });
    expect((await caught(client.getTask(taskId))).kind).toBe('unknown-task');
    expect((await client.getTask(taskId)).state).toBe('finished');
  });
  it('404 from other gateways, and 200 with a task_not_exist envelope', async () => {
    expect(
      (
        await feedWith({
          kind: 'http-status',
          status: 404,
          body: '{"error":{"message":"task not found"}}',
        })
      ).kind,
    ).toBe('unknown-task');
    const env = await feedWith({
      kind: 'http-status',
      status: 200,
      body: '{"code":"task_not_exist","message":"task_not_exist","data":null}',
    });
    expect(env).toMatchObject({ kind: 'unknown-task', status: 200 });
  });
});

describe('bad-request', () => {
  it('other 4xx on the feed', async () => {
    const err = await feedWith({ kind: 'http-status', status: 422, body: 'bad id format' });
    expect(err).toMatchObject({ kind: 'bad-request', status: 422, serverMessage: 'bad id format' });
  });
  it('generate validation names the field', async () => {
    const err = await caught(client.generate({ promptText: 'x', model: '9.9' }));
    expect(err).toMatchObject({ kind: 'bad-request', field: 'model' });
    const missing = await caught(client.generate({} as never));
    expect(missing.field).toBe('promptText');
  });
  it('404 on generate means the base URL has no such route', async () => {
    fake.fault({ kind: 'http-status', status: 404, body: '404 page not found', count: 1 });
    const err = await caught(client.generate({ promptText: 'x' }));
    expect(err.kind).toBe('bad-request');
    expect(err.message).toMatch(/no \/pika\/generate route.*base URL/);
  });
});

describe('rate-limited', () => {
  it('bare 429: no body, no Retry-After', async () => {
    const err = await feedWith({ kind: 'rate-limit' });
    expect(err).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: undefined,
      retryable: true,
    });
    expect(err.message).toMatch(/Too many requests.*Wait a little/);
  });
  it('Retry-After in seconds, with a JSON body', async () => {
    const err = await feedWith({ kind: 'rate-limit', retryAfter: '7', body: 'json' });
    expect(err).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
    expect(err.message).toMatch(/Wait 7 s/);
    expect(err.serverMessage).toMatch(/rate limit exceeded/);
  });
  it('Retry-After as an HTTP date, and a huge one capped', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    const err = await feedWith({ kind: 'rate-limit', retryAfter: date });
    expect(err.retryAfterMs).toBeGreaterThan(25_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect((await feedWith({ kind: 'rate-limit', retryAfter: '86400' })).retryAfterMs).toBe(
      RETRY_AFTER_CAP_MS,
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toUTCString();
    const capped = await feedWith({ kind: 'rate-limit', retryAfter: tomorrow });
    expect(capped.retryAfterMs).toBe(RETRY_AFTER_CAP_MS);
    expect(capped.message).toMatch(new RegExp(`Wait ${RETRY_AFTER_CAP_MS / 1000} s`));
  });
  it("the server's own limit: 429 beyond max per window", async () => {
    const limited = await startFakePika({ token: TOKEN, rateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const c = createPikaClient({ baseUrl: limited.url, getToken: () => TOKEN });
      const id = limited.addTask({ queuedMs: 0, runMs: 0 });
      await c.getTask(id);
      await c.getTask(id);
      expect((await caught(c.getTask(id))).kind).toBe('rate-limited');
      expect(limited.requests.map((r) => r.status)).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
  it('parseRetryAfter reads seconds and dates, ignores junk, never negative', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2.5', now)).toBe(2500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Fri, 02 Jan 2026 00:00:00 GMT', now)).toBe(RETRY_AFTER_CAP_MS);
    expect(parseRetryAfter('999999', now)).toBe(RETRY_AFTER_CAP_MS);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('server', () => {
  it('500 JSON, 503 text and a 502 HTML proxy page', async () => {
    const json = await feedWith({ kind: 'server-error' });
    expect(json).toMatchObject({
      kind: 'server',
      status: 500,
      serverMessage: 'upstream error: do request failed',
      retryable: true,
    });
    const text = await feedWith({ kind: 'server-error', status: 503, body: 'text' });
    expect(text.serverMessage).toMatch(/^503 no available channel/);
    const html = await feedWith({ kind: 'html-error' });
    expect(html).toMatchObject({ kind: 'server', status: 502, serverMessage: '502 Bad Gateway' });
    expect(html.message).not.toMatch(/<|script/);
  });
  it('a 503 with Retry-After carries the wait', async () => {
    const err = await feedWith({
      kind: 'http-status',
      status: 503,
      body: 'no available channel',
      headers: { 'Retry-After': '4' },
    });
    expect(err).toMatchObject({
      kind: 'server',
      status: 503,
      retryAfterMs: 4000,
      serverMessage: 'no available channel',
    });
  });
  it('a burst of errors ends and the next request answers', async () => {
    fake.fault({ kind: 'server-error', status: 524, count: 3 });
    for (let i = 0; i < 3; i += 1) expect((await caught(client.getTask(taskId))).status).toBe(524);
    expect((await client.getTask(taskId)).state).toBe('finished');
  });
});

describe('network', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const c = createPikaClient({ baseUrl: `http://127.0.0.1:${port}`, getToken: () => TOKEN });
    const err = await caught(c.getTask(taskId));
    expect(err).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(err.message).toMatch(/refused the connection/);
  });
  it('reset in the middle of the answer', async () => {
    const err = await feedWith({ kind: 'reset' });
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/reset in the middle of the answer/);
  });
  it('timeout on a hanging server; a hanging generate warns the task may exist', async () => {
    const c = createPikaClient({ baseUrl: fake.url, getToken: () => TOKEN, timeoutMs: 120 });
    fake.fault({ kind: 'hang', count: 2 });
    expect((await caught(c.getTask(taskId))).message).toMatch(/timed out/);
    const gen = await caught(c.generate({ promptText: 'x' }));
    expect(gen.message).toMatch(/timed out.*may still have been created/);
  });
  it('DNS failure names the host', async () => {
    const c = createPikaClient({
      baseUrl: 'https://pika-tray-test.invalid',
      getToken: () => TOKEN,
      timeoutMs: 5000,
    });
    const err = await caught(c.getTask(taskId));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/pika-tray-test\.invalid.*(DNS lookup failed|timed out)/);
  });
});

describe('bad-response', () => {
  it('malformed JSON', async () => {
    const err = await feedWith({ kind: 'malformed-json' });
    expect(err).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(err.message).toMatch(/not valid JSON\. The answer began: \{"id"/);
  });
  it('an HTML page with status 200 (a captive portal or a website at the base URL)', async () => {
    const err = await feedWith({
      kind: 'http-status',
      status: 200,
      body: '<!doctype html><html><head><title>Welcome to nginx!</title></head><body>hi</body></html>',
    });
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/web page instead of the API's JSON.*Welcome to nginx!/);
  });
  it('JSON of the wrong shape, an empty body, a redirect', async () => {
    const shape = await feedWith({ kind: 'patch-answer', task: { videos: 'none' } });
    expect(shape.message).toMatch(/not a task \(videos/);
    expect((await feedWith({ kind: 'http-status', status: 200, body: '' })).message).toMatch(
      /empty answer/,
    );
    const redirect = await feedWith({
      kind: 'http-status',
      status: 302,
      headers: { Location: 'https://evil.example/steal' },
    });
    expect(redirect.kind).toBe('bad-response');
    expect(redirect.message).toMatch(
      /redirected .* to evil\.example; the token is not sent to redirects/,
    );
    expect(fake.requests.filter((r) => r.path.includes('steal'))).toEqual([]);
  });
  it('a generate answer without a usable id says the task may exist', async () => {
    fake.fault({ kind: 'malformed-json', count: 1 });
    expect((await caught(client.generate({ promptText: 'x' }))).message).toMatch(/not valid JSON/);
    fake.fault({ kind: 'http-status', status: 200, body: '{"ok":true}', count: 1 });
    expect((await caught(client.generate({ promptText: 'x' }))).message).toMatch(
      /no usable task id.*may still have been created/,
    );
  });
});

describe("the server's own message, in every body shape, for every HTTP error kind", () => {
  const said = 'gateway note 42: try later';
  const shapes: [string, string][] = [
    ['OpenAI-style', JSON.stringify({ error: { message: said, type: 'x_error', code: 'x' } })],
    ['task-route', JSON.stringify({ code: 'x', message: said, data: null })],
    ['plain text', `${said}\n`],
    ['HTML', `<html><head><title>${said}</title></head><body><h1>nope</h1></body></html>`],
  ];
  const statuses: [number, string][] = [
    [401, 'token-rejected'],
    [403, 'forbidden'],
    [404, 'unknown-task'],
    [422, 'bad-request'],
    [429, 'rate-limited'],
    [503, 'server'],
  ];
  it.each(statuses)('HTTP %i is %s with the server message quoted', async (status, kind) => {
    for (const [shape, body] of shapes) {
      const err = await feedWith({ kind: 'http-status', status, body });
      expect(err.kind, shape).toBe(kind);
      expect(err.serverMessage, shape).toBe(said);
      expect(err.message, shape).toContain(`The server said: "${said}"`);
      expect(err.message, shape).toContain(`HTTP ${status}`);
    }
  });
});

describe('the token never appears in an error', () => {
  it('covers every kind', () => {
    const kinds = new Set(collected.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(
      [
        'bad-request',
        'bad-response',
        'forbidden',
        'network',
        'rate-limited',
        'server',
        'token-rejected',
        'unknown-task',
      ].sort(),
    );
  });
  it('in message, serverMessage, stack, cause or JSON', () => {
    expect(collected.length).toBeGreaterThan(30);
    for (const err of collected) {
      const texts = [
        err.message,
        err.serverMessage ?? '',
        err.stack ?? '',
        JSON.stringify(err),
        String(err),
        String(err.cause ?? ''),
        JSON.stringify(err.cause ?? null),
      ];
      for (const text of texts) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(WRONG);
        expect(text).not.toContain('H1LeakCanary');
      }
    }
  });
});
