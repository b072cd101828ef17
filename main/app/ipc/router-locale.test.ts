import { describe, expect, it } from 'vitest';
import type { Locale } from '../../core/i18n/locale';
import { say } from '../../core/text/message-ref';
import { TextError } from '../../core/text/text-error';
import { SettingsError } from '../settings/validate-settings';
import type { InvokeHandlers, IpcSenderInfo } from './handler-types';
import { createIpcRouter, IpcRejectedError } from './router';
import { createSenderCheck } from './trusted-sender';

const OURS: IpcSenderInfo = {
  webContentsId: 7,
  frameUrl: 'app://renderer/index.html',
  isMainFrame: true,
};
const FOREIGN: IpcSenderInfo = { ...OURS, webContentsId: 8 };

function localeRouter(failure: () => Error) {
  let locale: Locale = 'zh-Hans';
  const rejected: string[] = [];
  const handlers = new Proxy({} as InvokeHandlers, {
    get: () => () => {
      throw failure();
    },
  });
  const router = createIpcRouter({
    handlers,
    isTrustedSender: createSenderCheck({
      windowWebContentsId: () => 7,
      renderer: { pageUrl: 'app://renderer/index.html' },
    }),
    onRejected: (channel, reason) => rejected.push(`${channel}: ${reason}`),
    locale: () => locale,
  });
  return { router, rejected, setLocale: (next: Locale) => (locale = next) };
}

async function messageOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('IPC router: errors in the window language', () => {
  it('renders a TextError thrown by a handler in zh, then in en after switching', async () => {
    const { router, setLocale } = localeRouter(() => new TextError(say('appErrors.taskGone')));
    const zh = await messageOf(router.invoke('tasks:recheck', OURS, ['abc-123456']));
    expect(zh.message).toBe('该任务已不在列表中。');
    expect(zh).toBeInstanceOf(TextError);
    setLocale('en');
    const en = await messageOf(router.invoke('tasks:recheck', OURS, ['abc-123456']));
    expect(en.message).toBe('That task is no longer in the list.');
  });

  it('keeps the class and fields of a SettingsError, and its English for logs', async () => {
    const thrown = new SettingsError('pollCapSec', say('settings.capBelowFloor'));
    const { router } = localeRouter(() => thrown);
    const error = await messageOf(router.invoke('settings:update', OURS, [{ pollCapSec: 5 }]));
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).field).toBe('pollCapSec');
    expect(error.message).toBe('最长轮询间隔不能短于最短轮询间隔。');
    expect(String(error)).toBe('SettingsError: 最长轮询间隔不能短于最短轮询间隔。');
    expect(thrown.message).toBe(
      'The longest poll interval cannot be shorter than the shortest one.',
    );
  });

  it('passes an error without a message ref through unchanged', async () => {
    const plain = new Error('disk full');
    const { router } = localeRouter(() => plain);
    expect(await messageOf(router.invoke('tasks:recheck', OURS, ['abc-123456']))).toBe(plain);
  });

  it('refuses in the window language, and logs in English', async () => {
    const { router, rejected, setLocale } = localeRouter(() => new Error('unused'));
    const foreign = await messageOf(router.invoke('tasks:list', FOREIGN, []));
    expect(foreign).toBeInstanceOf(IpcRejectedError);
    expect(foreign.message).toBe('已拒绝 tasks:list：调用方不是 Pika Tray 窗口。');
    const unknown = await messageOf(router.invoke('tasks:nope', OURS, []));
    expect(unknown.message).toBe('未知通道 tasks:nope。');
    const invalid = await messageOf(router.invoke('tasks:add', OURS, [42]));
    expect(invalid.message).toMatch(/^tasks:add 的参数无效：argument 0: /);
    setLocale('en');
    const en = await messageOf(router.invoke('tasks:nope', OURS, []));
    expect(en.message).toBe('Unknown channel tasks:nope.');
    expect(rejected).toEqual([
      'tasks:list: Refused tasks:list: the caller is not the Pika Tray window.',
      'tasks:nope: Unknown channel tasks:nope.',
      expect.stringMatching(/^tasks:add: Invalid arguments for tasks:add: argument 0: /),
      'tasks:nope: Unknown channel tasks:nope.',
    ]);
  });
});
