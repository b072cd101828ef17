// The app-side messages main builds for the window, in both languages, over the real
// handlers (createNodeServices) and a real fake Pika server on 127.0.0.1: each area says the
// same thing in Simplified Chinese as in English, and switching Settings -> Language applies
// to the next message at once.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import { PikaApiError } from '../../core/api/errors';
import { createHttpLayer } from '../../core/http/http-layer';
import type { Locale } from '../../core/i18n/locale';
import { say } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';
import { createDragStart } from '../downloads/drag-out';
import { checkExternalUrl } from '../handlers/app';
import { creditViewFor } from '../handlers/credit';
import { tokenTestResultOf } from '../handlers/token';
import type { IpcSenderInfo } from '../ipc/handler-types';
import { createIpcRouter } from '../ipc/router';
import { testNetwork } from '../network/network-test';
import { createNodeServices, type NodeServices } from '../node-services';
import { applySettingsPatch, checkDownloadDir, SettingsError } from '../settings/validate-settings';
import { checkToken } from '../token/token-rules';
import { NO_CREDIT_VIEW } from '../../core/credit/types';
import { defaultSettings } from '../../core/settings';

let dir: string;
let fake: FakePika;
let app: NodeServices | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-msg-'));
  fake = await startFakePika();
});
afterEach(async () => {
  await app?.close();
  app = null;
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function start(language: 'en' | 'zh-Hans', token: string | null = fake.token): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: fake.url,
    ...(token === null ? {} : { token }),
    settings: { language },
  });
  return app;
}

const OURS: IpcSenderInfo = {
  webContentsId: 1,
  frameUrl: 'app://renderer/index.html',
  isMainFrame: true,
};

function routerOver(services: NodeServices) {
  return createIpcRouter({
    handlers: services.handlers,
    isTrustedSender: () => true,
    locale: () => services.services.locale(),
  });
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

const settingsRules = { normalizeBaseUrl: (u: string) => u, normalizeProxyUrl: (u: string) => u };

describe('settings field errors', () => {
  const current = defaultSettings('/tmp/Pika');
  it.each<[Locale, string, string]>([
    [
      'en',
      'Shortest poll interval (seconds) must be between 2 and 600.',
      'The low-credit warning must be between $0 (off) and $10000.',
    ],
    [
      'zh-Hans',
      '最短轮询间隔（秒）必须在 2 到 600 之间。',
      '余额不足提醒必须在 $0（关闭）到 $10000 之间。',
    ],
  ])('%s', (locale, range, lowCredit) => {
    const error = catchSettings(() =>
      applySettingsPatch(current, { pollFloorSec: 1 }, settingsRules),
    );
    expect(error.field).toBe('pollFloorSec');
    expect(textOf(error, locale)).toBe(range);
    const credit = catchSettings(() =>
      applySettingsPatch(current, { lowCreditUsd: -1 }, settingsRules),
    );
    expect(textOf(credit, locale)).toBe(lowCredit);
  });

  it('keeps English in .message whatever the reader speaks', () => {
    const error = catchSettings(() => checkDownloadDir('\\\\host\\share\\videos'));
    expect(error.message).toBe(
      'The download folder cannot be a network share (\\\\host\\share): choose a local folder.',
    );
    expect(textOf(error, 'zh-Hans')).toBe(
      '下载文件夹不能是网络共享（\\\\host\\share）：请选择本地文件夹。',
    );
  });

  it('base URL and proxy URL problems, verbatim English in .message and Chinese by ref', async () => {
    const { handlers } = start('zh-Hans');
    const router = routerOver(app!);
    expect(
      await rejection(router.invoke('settings:update', OURS, [{ baseUrl: 'http://example.com' }])),
    ).toBe(
      'API 基础 URL 必须使用 https://（只有 localhost、127.0.0.1 和 [::1] 允许使用 http://），因为每个请求都会携带你的令牌。',
    );
    const network = { mode: 'manual', proxyUrl: 'ftp://me:hunter2@127.0.0.1:21' } as const;
    const proxy = await rejection(router.invoke('network:test', OURS, [network]));
    expect(proxy).toBe(
      '不支持 ftp:// 类型的代理。请使用 http://主机:端口、https://主机:端口 或 socks5://主机:端口（可包含 user:pass@）。（也支持 socks5h、socks4 和 socks4a。）',
    );
    expect(() => handlers['network:test'](network)).toThrow(
      'Proxies of type ftp:// are not supported. Use http://host:port, https://host:port or socks5://host:port (user:pass@ allowed). (socks5h, socks4 and socks4a work too.)',
    );
  });

  it('reaches the window in its language through the router, and English after switching', async () => {
    const services = start('zh-Hans');
    const router = routerOver(services);
    expect(
      await rejection(
        router.invoke('settings:update', OURS, [{ pollFloorSec: 60, pollCapSec: 30 }]),
      ),
    ).toBe('最长轮询间隔不能短于最短轮询间隔。');
    await router.invoke('settings:update', OURS, [{ language: 'en' }]);
    expect(
      await rejection(
        router.invoke('settings:update', OURS, [{ pollFloorSec: 60, pollCapSec: 30 }]),
      ),
    ).toBe('The longest poll interval cannot be shorter than the shortest one.');
  });
});

describe('token messages', () => {
  it('a badly pasted token is refused in the window language', async () => {
    const router = routerOver(start('zh-Hans', null));
    expect(await rejection(router.invoke('token:set', OURS, ['abc']))).toBe(
      '令牌太短（至少 8 个字符）。',
    );
    expect(() => checkToken('abc def ghi')).toThrow(
      'The token contains spaces or line breaks; paste it as one word.',
    );
  });

  it('a token test the server refuses reads in Chinese, then English', async () => {
    const services = start('zh-Hans', 'sk-wrong-token-0000');
    expect(await services.handlers['token:test']()).toEqual({
      result: 'rejected',
      message: '服务器拒绝了此令牌（无效、已过期或额度已用完）。',
    });
    await services.handlers['settings:update']({ language: 'en' });
    expect(await services.handlers['token:test']()).toEqual({
      result: 'rejected',
      message: 'The server refused this token (invalid, expired or out of credit).',
    });
  });

  it('no token, and the server quoted verbatim under forbidden', async () => {
    const services = start('zh-Hans', null);
    expect(await services.handlers['token:test']()).toEqual({
      result: 'rejected',
      message: '尚未保存令牌。',
    });
    const forbidden = new PikaApiError({
      kind: 'forbidden',
      message: 'x',
      serverMessage: '该令牌已被禁用',
    });
    expect(tokenTestResultOf(forbidden, 'zh-Hans')).toEqual({
      result: 'rejected',
      message: '服务器拒绝访问：该令牌已被禁用',
    });
    expect(tokenTestResultOf(forbidden)).toEqual({
      result: 'rejected',
      message: 'The server refused access: 该令牌已被禁用',
    });
  });
});

describe('network test', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    server = null;
  });

  it('reached and unreachable, in both languages', async () => {
    server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const run = (baseUrl: string, locale: Locale) =>
      testNetwork({
        setting: { mode: 'none', proxyUrl: '' },
        baseUrl,
        layerFor: () => createHttpLayer({ mode: 'direct' }),
        locale,
      });
    expect(await run(`http://127.0.0.1:${port}`, 'zh-Hans')).toEqual({
      result: 'reached',
      message: `网关 127.0.0.1:${port} 已应答（直接连接，HTTP 404）。`,
    });
    expect(await run(`http://127.0.0.1:${port}`, 'en')).toEqual({
      result: 'reached',
      message: `The gateway 127.0.0.1:${port} answered directly (HTTP 404).`,
    });
    const closed = await run('http://127.0.0.1:9', 'zh-Hans');
    expect(closed.result).toBe('unreachable');
    expect(closed.message).toMatch(/^无法连接 127\.0\.0\.1:9（直接连接）：/);
  });
});

describe('add box', () => {
  it('parse errors come back in the window language', async () => {
    const services = start('zh-Hans');
    const result = await services.handlers['tasks:add']('abc https://example.com/video/1');
    expect(result.errors).toEqual([
      { input: 'abc', message: '任务 ID 至少有 6 个字符。' },
      {
        input: 'https://example.com/video/1',
        message: '此链接没有指向任务：应为 …/pika/feed/<任务 ID>。',
      },
    ]);
    await services.handlers['settings:update']({ language: 'en' });
    const en = await services.handlers['tasks:add']('abc');
    expect(en.errors).toEqual([{ input: 'abc', message: 'A task id has at least 6 characters.' }]);
  });
});

describe('generate refusals', () => {
  it('an empty prompt and a missing token, in Chinese and English', async () => {
    const services = start('zh-Hans', null);
    const empty = { promptText: ' ', model: '2.0' } as const;
    expect(await services.handlers['generate:create'](empty, 'r1')).toMatchObject({
      outcome: 'rejected',
      message: '请先填写提示词（或提供图片、视频）。',
      field: 'promptText',
    });
    const prompt = { promptText: 'A kite', model: '2.0' } as const;
    expect(await services.handlers['generate:create'](prompt, 'r2')).toMatchObject({
      outcome: 'rejected',
      message: '请先在“设置”中添加你的 Pika API 令牌。',
    });
    await services.handlers['settings:update']({ language: 'en' });
    expect(await services.handlers['generate:create'](prompt, 'r3')).toMatchObject({
      message: 'Add your Pika API token in Settings first.',
    });
  });

  it('a server that cannot be reached: nothing sent, said in Chinese', async () => {
    app = createNodeServices({
      storeDir: join(dir, 'store'),
      downloadDir: join(dir, 'Pika'),
      baseUrl: 'http://127.0.0.1:9',
      token: 'pk-test-token-123456',
      settings: { language: 'zh-Hans' },
    });
    const outcome = await app.handlers['generate:create'](
      { promptText: 'A kite', model: '2.0' },
      'r1',
    );
    expect(outcome).toMatchObject({ outcome: 'rejected', kind: 'network' });
    expect((outcome as { message: string }).message).toMatch(/（请求未发送。）$/);
    // Nothing was sent, so never "the task may still have been created" (nor its Chinese).
    expect((outcome as { message: string }).message).not.toMatch(/may still|可能已经创建/);
  });
});

describe('task and file refusals', () => {
  it('"no longer in the list" through the router in both languages', async () => {
    const services = start('zh-Hans');
    const router = routerOver(services);
    const ref = { taskId: 'gone-123456', videoId: 'v1' };
    expect(await rejection(router.invoke('tasks:recheck', OURS, ['gone-123456']))).toBe(
      '该任务已不在列表中。',
    );
    expect(await rejection(router.invoke('tasks:open-link', OURS, [ref]))).toBe(
      '该视频已不在列表中。',
    );
    expect(await rejection(router.invoke('tasks:open-file', OURS, [ref]))).toBe(
      '该任务已不在列表中。',
    );
    await services.handlers['settings:update']({ language: 'en' });
    expect(await rejection(router.invoke('tasks:recheck', OURS, ['gone-123456']))).toBe(
      'That task is no longer in the list.',
    );
  });

  it('a video not ready to download, and a link that is not https, in Chinese', async () => {
    const services = start('zh-Hans');
    const router = routerOver(services);
    const id = fake.addTask({ queuedMs: 60_000 });
    await services.handlers['tasks:add'](id);
    const ref = { taskId: id, videoId: 'v1' };
    expect(await rejection(router.invoke('tasks:download', OURS, [ref]))).toBe(
      '该视频还不能下载。',
    );
    expect(() => checkExternalUrl('http://example.com/v.mp4')).toThrow(
      'Only https:// links can be opened.',
    );
    expect(
      textOf(
        catchAny(() => checkExternalUrl('http://example.com/v.mp4')),
        'zh-Hans',
      ),
    ).toBe('只能打开 https:// 链接。');
  });

  it('a refused drag says why in the window language', () => {
    let locale: Locale = 'zh-Hans';
    const told: string[] = [];
    const drag = createDragStart<null>({
      tracker: { get: () => undefined },
      downloadDir: () => dir,
      start: () => undefined,
      refuse: (_s, info) => told.push(info.message),
      locale: () => locale,
    });
    drag(null, { taskId: 't-123456', videoId: 'v' });
    locale = 'en';
    drag(null, { taskId: 't-123456', videoId: 'v' });
    expect(told).toEqual(['该任务已不在列表中。', 'That task is no longer in the list.']);
  });
});

describe('credit view', () => {
  it('its error renders in the window language and the ref stays in main', () => {
    const view = {
      ...NO_CREDIT_VIEW,
      status: 'error' as const,
      message: 'The server said: "额度不足"',
      ref: say('common.serverSaid', '额度不足'),
    };
    const zh = creditViewFor(view, 'zh-Hans');
    expect(zh.message).toBe('服务器返回：“额度不足”');
    expect('ref' in zh).toBe(false);
    expect(creditViewFor(view, 'en').message).toBe('The server said: "额度不足"');
    const plain = { ...NO_CREDIT_VIEW, status: 'error' as const, message: 'socket hang up' };
    expect(creditViewFor(plain, 'zh-Hans')).toBe(plain);
  });
});

function catchSettings(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

function catchAny(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
