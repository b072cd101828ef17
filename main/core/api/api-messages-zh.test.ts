// API failures rendered in Simplified Chinese from their ref, made by the real fake server, a
// closed port and a closed proxy on 127.0.0.1: the words follow the reader's language, the
// server's own words stay verbatim and marked, and the token never shows in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtApiError } from '../../../test/support/caught-api-error';
import { freePort } from '../../../test/support/free-port';
import { startConnectProxy } from '../../../test/support/connect-proxy';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { createHttpLayer } from '../http/http-layer';
import { renderMessage } from '../text/message-ref';
import { createPikaClient, type PikaClient } from './client';
import type { PikaApiError } from './errors';

const TOKEN = 'sk-ZhLeakCanaryToken0123456789abcdefghijk';

let fake: FakePika;
let client: PikaClient;
let taskId: string;

beforeAll(async () => {
  fake = await startFakePika({ token: TOKEN });
  client = createPikaClient({ baseUrl: fake.url, getToken: () => TOKEN, timeoutMs: 1500 });
  taskId = fake.addTask({ queuedMs: 0, runMs: 0 });
});
afterAll(() => fake.close());

function zh(err: PikaApiError): string {
  expect(err.ref).toBeDefined();
  return renderMessage(err.ref!, 'zh-Hans');
}

/** Both languages of one error, checked free of the token. */
function both(err: PikaApiError): { en: string; zh: string } {
  const out = { en: renderMessage(err.ref!, 'en'), zh: zh(err) };
  expect(out.en).toBe(err.message);
  for (const text of Object.values(out)) expect(text).not.toContain(TOKEN);
  return out;
}

describe('API errors in 简体中文', () => {
  it('429 with Retry-After says how many seconds to wait, and quotes the server', async () => {
    fake.fault({ count: 1, kind: 'rate-limit', retryAfter: '7', body: 'json' });
    const err = await caughtApiError(client.getTask(taskId));
    const { zh: text } = both(err);
    expect(text).toContain('对 Pika API 的请求过于频繁（HTTP 429）。请等待 7 秒后再试。');
    expect(text).toMatch(/服务器返回：“.*rate limit exceeded.*”/);
  });

  it('quota refusal: the server words kept verbatim (Chinese) and marked, the token scrubbed', async () => {
    fake.fault({
      count: 1,
      kind: 'http-status',
      status: 403,
      body: JSON.stringify({
        error: {
          message: `用户额度不足, 剩余额度: $0.00 (令牌 ${TOKEN})`,
          code: 'insufficient_user_quota',
        },
      }),
    });
    const err = await caughtApiError(client.getTask(taskId));
    const { en, zh: text } = both(err);
    expect(err.kind).toBe('forbidden');
    expect(text).toBe(
      '你的 Pika API 账户额度已用完（HTTP 403）。请充值后重试。' +
        '服务器返回：“用户额度不足, 剩余额度: $0.00 (令牌 [token])”',
    );
    expect(en).toMatch(/^Your Pika API account is out of quota \(HTTP 403\)\./);
  });

  it('a refused connection names the host; for generate it warns the task may exist', async () => {
    const port = await freePort();
    const closed = createPikaClient({
      baseUrl: `http://127.0.0.1:${port}`,
      getToken: () => TOKEN,
    });
    const feed = both(await caughtApiError(closed.getTask(taskId)));
    expect(feed.zh).toBe(`无法获取任务 ${taskId}：127.0.0.1:${port} 拒绝了连接。`);
    const gen = both(await caughtApiError(closed.generate({ promptText: 'x' })));
    expect(gen.zh).toBe(
      `无法获取生成请求：127.0.0.1:${port} 拒绝了连接。任务可能已经创建：再次生成前请先确认。`,
    );
  });

  it('a proxy that is not running: named, with the socket error', async () => {
    const dead = await startConnectProxy({ hosts: {} });
    await dead.close();
    const http = createHttpLayer({ mode: 'manual', proxyUrl: dead.url });
    try {
      const viaProxy = createPikaClient({ baseUrl: fake.url, getToken: () => TOKEN, http });
      const err = await caughtApiError(viaProxy.getTask(taskId));
      const { zh: text } = both(err);
      expect(err.proxy).toBe(dead.url);
      expect(text).toBe(
        `无法获取任务 ${taskId}：无法连接代理 ${dead.url}（ECONNREFUSED）：代理是否在运行，地址是否正确？`,
      );
    } finally {
      http.close();
    }
  });

  it('an answer that is not JSON, and a missing token', async () => {
    fake.fault({ count: 1, kind: 'malformed-json' });
    const broken = both(await caughtApiError(client.getTask(taskId)));
    expect(broken.zh).toMatch(
      new RegExp(`^服务器对任务 ${taskId} 的回答不是有效的 JSON。回答开头为：`),
    );
    const none = createPikaClient({ baseUrl: fake.url, getToken: () => '' });
    expect(zh(await caughtApiError(none.getTask(taskId)))).toBe(
      '尚未设置 Pika API 令牌。请先填写令牌，然后重试。',
    );
  });
});
