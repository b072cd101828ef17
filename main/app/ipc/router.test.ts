import { describe, expect, it } from 'vitest';
import { CHANNELS, type InvokeChannel } from '../../../preload/contract';
import type { InvokeHandlers, IpcSenderInfo, SendHandlers } from './handler-types';
import { createIpcRouter, IpcRejectedError } from './router';
import { invokeSchemas, sendSchemas } from './schemas';
import { createSenderCheck } from './trusted-sender';

const PAGE_URL = 'app://renderer/index.html';
const OURS: IpcSenderInfo = {
  webContentsId: 7,
  frameUrl: 'app://renderer/index.html',
  isMainFrame: true,
};

function recordingHandlers() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const handlers = new Proxy({} as InvokeHandlers, {
    get:
      (_t, channel: string) =>
      (...args: unknown[]) => {
        calls.push({ channel, args });
        return `ok:${channel}`;
      },
  });
  return { calls, handlers };
}

function router() {
  const { calls, handlers } = recordingHandlers();
  const drags: unknown[] = [];
  const rejected: string[] = [];
  const send: SendHandlers<IpcSenderInfo> = {
    'drag:start': (_sender, ref) => drags.push(ref),
  };
  const r = createIpcRouter({
    handlers,
    send,
    isTrustedSender: createSenderCheck({
      windowWebContentsId: () => 7,
      renderer: { pageUrl: PAGE_URL },
    }),
    onRejected: (channel, reason) => rejected.push(`${channel}: ${reason}`),
  });
  return { r, calls, drags, rejected };
}

describe('IPC router', () => {
  it('passes a trusted, well-formed call to its handler', async () => {
    const { r, calls } = router();
    await expect(r.invoke('tasks:add', OURS, ['abc'])).resolves.toBe('ok:tasks:add');
    await expect(r.invoke('tasks:download', OURS, [{ taskId: 't', videoId: 'v' }])).resolves.toBe(
      'ok:tasks:download',
    );
    expect(calls).toEqual([
      { channel: 'tasks:add', args: ['abc'] },
      { channel: 'tasks:download', args: [{ taskId: 't', videoId: 'v' }] },
    ]);
  });

  it.each<[string, IpcSenderInfo]>([
    ['another window', { ...OURS, webContentsId: 8 }],
    ['a remote page in our window', { ...OURS, frameUrl: 'https://evil.example/index.html' }],
    ['a file, even our own renderer file', { ...OURS, frameUrl: 'file:///app/dist/index.html' }],
    ['another host of our scheme', { ...OURS, frameUrl: 'app://poster/index.html' }],
    ['a host that only starts like ours', { ...OURS, frameUrl: 'app://renderer.evil/index.html' }],
    ['our host under another scheme', { ...OURS, frameUrl: 'https://renderer/index.html' }],
    ['a URL with credentials', { ...OURS, frameUrl: 'app://x@renderer/index.html' }],
    ['a string that only starts with our URL', { ...OURS, frameUrl: 'app://renderer.x/' }],
    ['a subframe', { ...OURS, isMainFrame: false }],
    ['an unknown frame', { ...OURS, frameUrl: null }],
  ])('refuses %s', async (_name, sender) => {
    const { r, calls, rejected } = router();
    await expect(r.invoke('tasks:list', sender, [])).rejects.toThrow(/not the Pika Tray window/);
    expect(r.send('drag:start', sender, [{ taskId: 't', videoId: 'v' }])).toBe(false);
    expect(calls).toEqual([]);
    expect(rejected).toHaveLength(2);
  });

  it('accepts any page of our scheme and host, and compares the host exactly', () => {
    const check = (pageUrl: string, frameUrl: string) =>
      createSenderCheck({ windowWebContentsId: () => 7, renderer: { pageUrl } })({
        ...OURS,
        frameUrl,
      });
    expect(check(PAGE_URL, 'app://renderer/assets/x.html?q#h')).toBe(true);
    // Parsed, not string-compared: a host differing only in case is the same host.
    expect(check(PAGE_URL, 'APP://Renderer/index.html')).toBe(true);
    // The e2e harness serves the page over http: the port is part of the host.
    expect(check('http://127.0.0.1:4000/index.html', 'http://127.0.0.1:4000/index.html')).toBe(
      true,
    );
    expect(check('http://127.0.0.1:4000/index.html', 'http://127.0.0.1:4001/index.html')).toBe(
      false,
    );
    expect(check('file:///app/index.html', 'file:///app/index.html')).toBe(false);
  });

  it('refuses when there is no window', async () => {
    const { handlers } = recordingHandlers();
    const r = createIpcRouter({
      handlers,
      isTrustedSender: createSenderCheck({
        windowWebContentsId: () => null,
        renderer: { pageUrl: PAGE_URL },
      }),
    });
    await expect(r.invoke('tasks:list', OURS, [])).rejects.toBeInstanceOf(IpcRejectedError);
  });

  it.each<[InvokeChannel, unknown[]]>([
    ['tasks:add', []],
    ['tasks:add', [42]],
    ['tasks:add', ['a', 'extra']],
    ['tasks:list', ['unexpected']],
    ['tasks:download', [{ taskId: 't' }]],
    ['tasks:download', [{ taskId: 't', videoId: 'v', path: '/etc/passwd' }]],
    ['settings:update', [{ baseUrl: 5 }]],
    ['settings:update', [{ tokenSneakedIn: 'x' }]],
    ['tasks:mark-seen', ['not-an-array']],
    ['generate:create', [{ promptText: 'cat' }]],
    ['generate:create', [{ promptText: 'cat', evil: true }, 'req-1']],
    ['tasks:add', ['x'.repeat(100_001)]],
  ])('refuses bad arguments for %s %j', async (channel, args) => {
    const { r, calls } = router();
    await expect(r.invoke(channel, OURS, args)).rejects.toThrow(`Invalid arguments for ${channel}`);
    expect(calls).toEqual([]);
  });

  it.each(Object.values(CHANNELS.invoke))(
    '%s checks the sender and its arguments before the handler runs',
    async (channel) => {
      const { r, calls } = router();
      const foreign = { ...OURS, webContentsId: 8 };
      await expect(r.invoke(channel, foreign, [])).rejects.toThrow(/not the Pika Tray window/);
      // A number fits no channel's arguments; five arguments are more than any takes.
      await expect(r.invoke(channel, OURS, [12345])).rejects.toThrow(/Invalid arguments/);
      await expect(r.invoke(channel, OURS, [1, 2, 3, 4, 5])).rejects.toThrow(/Invalid arguments/);
      expect(calls).toEqual([]);
    },
  );

  it('never echoes an argument in its error (it may be a token)', async () => {
    const { r } = router();
    const secret = 'sk-SECRET-token-value';
    const error = await r.invoke('token:set', OURS, [secret, secret]).catch((e: Error) => e);
    expect(String(error)).toMatch(/Invalid arguments/);
    expect(String(error)).not.toContain(secret);
  });

  it('refuses unknown channels', async () => {
    const { r } = router();
    await expect(r.invoke('fs:read', OURS, [])).rejects.toThrow(/Unknown channel/);
    expect(r.send('shell:exec', OURS, [])).toBe(false);
  });

  it('routes a valid drag and refuses a malformed one', () => {
    const { r, drags } = router();
    expect(r.send('drag:start', OURS, [{ taskId: 't', videoId: 'v' }])).toBe(true);
    expect(r.send('drag:start', OURS, ['t'])).toBe(false);
    expect(drags).toEqual([{ taskId: 't', videoId: 'v' }]);
  });
});

describe('IPC schemas', () => {
  it('cover every channel of the contract, and nothing else', () => {
    expect(Object.keys(invokeSchemas).sort()).toEqual(Object.values(CHANNELS.invoke).sort());
    expect(Object.keys(sendSchemas).sort()).toEqual(Object.values(CHANNELS.send).sort());
    const r = router().r;
    expect([...r.invokeChannels].sort()).toEqual(Object.keys(invokeSchemas).sort());
  });
});
