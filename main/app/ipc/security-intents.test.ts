// Issue 16 through the real router and the real handlers over the real services: what a
// compromised renderer can ask for, with the fake Pika server recording where the token
// (the Authorization header) went. Only Electron's own objects are stand-ins.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import { waitFor } from '../../core/tasks/test-wait';
import type { InvokeChannels } from '../../../preload/contract';
import { createNodeServices, type NodeServices, type NodeServicesOptions } from '../node-services';
import type { IpcSenderInfo } from './handler-types';
import { createIpcRouter, type IpcRouter } from './router';
import { createSenderCheck } from './trusted-sender';

const TOKEN = 'pk-live-Secret-Token-0123456789';
const PAGE_URL = 'app://renderer/index.html';
const OURS: IpcSenderInfo = {
  webContentsId: 7,
  frameUrl: PAGE_URL,
  isMainFrame: true,
};

let home: FakePika;
/** Another origin (another port) that would accept the same token, like a phishing proxy. */
let other: FakePika;
let dir: string;
let app: NodeServices | null = null;
let router: IpcRouter<IpcSenderInfo>;

beforeEach(async () => {
  home = await startFakePika({ token: TOKEN, generatedTask: { queuedMs: 40, runMs: 80 } });
  other = await startFakePika({ token: TOKEN, generatedTask: { queuedMs: 40, runMs: 80 } });
  dir = await mkdtemp(join(tmpdir(), 'pika-security-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await home.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
});

function start(options: Partial<NodeServicesOptions> = {}): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: home.url,
    token: TOKEN,
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
    clientTimeoutMs: 1000,
    settings: { autoDownload: false },
    ...options,
  });
  router = createIpcRouter({
    handlers: app.handlers,
    isTrustedSender: createSenderCheck({
      windowWebContentsId: () => 7,
      renderer: { pageUrl: PAGE_URL },
    }),
  });
  return app;
}

/** A call as the renderer makes it: through the router, from our window. */
function invoke<C extends keyof InvokeChannels>(
  channel: C,
  ...args: InvokeChannels[C]['args']
): Promise<InvokeChannels[C]['result']> {
  return router.invoke(channel, OURS, args) as Promise<InvokeChannels[C]['result']>;
}

const withToken = (server: FakePika) =>
  server.requests.filter((r) => r.authorization !== undefined);

describe('the token goes only to the origin it was saved for (issue 16.1)', () => {
  it('a renderer that changes the base URL does not get the token sent there without a yes', async () => {
    const services = start();
    // The saved token works at home (and the fake server records that it got it there).
    expect(await invoke('token:test')).toEqual({ result: 'accepted' });
    expect(withToken(home).map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`]);

    await invoke('settings:update', { baseUrl: other.url });
    // Main asked the user in its own dialog (the stand-in answers no)...
    expect(services.calls).toContainEqual({
      port: 'dialog',
      method: 'confirmTokenOrigin',
      arg: `${home.url} -> ${other.url}`,
    });
    // Settings say where the token is kept for (the token itself never crosses IPC).
    expect((await invoke('settings:get')).tokenSavedFor).toBe(home.url);
    // ...so neither the token test, nor a generation, nor polling sends it to the new host.
    const test = await invoke('token:test');
    expect(test.result).toBe('rejected');
    expect(JSON.stringify(test)).toMatch(/not sent to http:\/\/127\.0\.0\.1/);
    const generated = await invoke('generate:create', { promptText: 'a cat' }, 'req-1');
    expect(generated).toMatchObject({ outcome: 'rejected', kind: 'token-rejected' });
    const id = home.addTask({ queuedMs: 10, runMs: 20 });
    await invoke('tasks:add', id);
    await waitFor(() => services.tracker.status().tokenRejected, 'polling to stop');
    expect(withToken(other)).toEqual([]);
    expect(other.generateBodies).toEqual([]);
    expect(JSON.stringify(other.requests)).not.toContain(TOKEN);
  });

  it('sends it to the new origin once the user confirms in main', async () => {
    const services = start({ confirmTokenOrigin: () => true });
    await invoke('settings:update', { baseUrl: other.url });
    expect(services.services.vault.origin()).toBe(other.url);
    expect(await invoke('token:test')).toEqual({ result: 'accepted' });
    expect(withToken(other).map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`]);
  });

  it('or once the user enters the token again; the old origin keeps working without asking', async () => {
    const services = start();
    await invoke('settings:update', { baseUrl: other.url });
    expect((await invoke('token:test')).result).toBe('rejected');
    expect(withToken(other)).toEqual([]);
    // Back to the origin it was saved for: no question, the token goes there.
    const asked = services.calls.filter((c) => c.method === 'confirmTokenOrigin').length;
    await invoke('settings:update', { baseUrl: `${home.url}/` });
    expect(await invoke('token:test')).toEqual({ result: 'accepted' });
    expect(services.calls.filter((c) => c.method === 'confirmTokenOrigin')).toHaveLength(asked);
    // Typed again for the other server: bound there from now on.
    await invoke('settings:update', { baseUrl: other.url });
    await invoke('token:set', TOKEN);
    expect(await invoke('token:test')).toEqual({ result: 'accepted' });
    expect(withToken(other)).toHaveLength(1);
  });
});

describe('open and reveal act on references, never on URLs from the renderer (issue 16.5)', () => {
  it('opens the link main looked up from the task, and refuses a URL the renderer names', async () => {
    const services = start();
    const cdn = 'https://cdn.pika.test/videos/cat.mp4';
    home.fault({ kind: 'patch-answer', video: { resultUrl: cdn } });
    const id = home.addTask({ queuedMs: 10, runMs: 20 });
    await invoke('tasks:add', id);
    await waitFor(() => services.tracker.get(id)?.state === 'finished', 'the task to finish');
    const videoId = services.tracker.get(id)!.videos[0]!.id;

    // The old intent that took a URL is gone; a URL smuggled into a reference is refused.
    await expect(
      router.invoke('app:open-external', OURS, ['https://evil.example/']),
    ).rejects.toThrow(/Unknown channel/);
    await expect(
      router.invoke('tasks:open-link', OURS, [
        { taskId: id, videoId, url: 'https://evil.example/' },
      ]),
    ).rejects.toThrow(/Invalid arguments/);
    await expect(
      router.invoke('tasks:open-file', OURS, [{ taskId: id, videoId, path: '/etc/passwd' }]),
    ).rejects.toThrow(/Invalid arguments/);
    await expect(
      invoke('tasks:open-link', { taskId: id, videoId: 'no-such-video' }),
    ).rejects.toThrow(/no longer in the list/);
    expect(services.calls.filter((c) => c.port === 'shell')).toEqual([]);

    await invoke('tasks:open-link', { taskId: id, videoId });
    expect(services.calls.filter((c) => c.port === 'shell')).toEqual([
      { port: 'shell', method: 'openExternal', arg: cdn },
    ]);
  });

  it('refuses to open a link that is not https, whatever the feed said', async () => {
    const services = start();
    home.fault({
      kind: 'patch-answer',
      video: { resultUrl: 'http://cdn.pika.test/videos/cat.mp4' },
    });
    const id = home.addTask({ queuedMs: 10, runMs: 20 });
    await invoke('tasks:add', id);
    await waitFor(() => services.tracker.get(id)?.state === 'finished', 'the task to finish');
    const videoId = services.tracker.get(id)!.videos[0]!.id;
    await expect(invoke('tasks:open-link', { taskId: id, videoId })).rejects.toThrow(/Only https/);
    expect(services.calls.filter((c) => c.port === 'shell')).toEqual([]);
  });
});

describe("the download folder changes only through main's picker (issue 16.2)", () => {
  it('refuses a folder named by the renderer, whatever it is', async () => {
    const services = start();
    const before = services.services.settings.get().downloadDir;
    for (const downloadDir of ['/', '\\\\host\\share', join(dir, 'elsewhere')]) {
      await expect(router.invoke('settings:update', OURS, [{ downloadDir }])).rejects.toThrow(
        /Invalid arguments/,
      );
    }
    expect(services.services.settings.get().downloadDir).toBe(before);
  });

  it.each([
    ['/', /root of the file system/],
    ['\\\\host\\share\\Pika', /network share/],
    ['\\\\?\\C:\\Pika', /device path/],
    ['C:\\', /root of a drive/],
  ])('refuses the picked folder %j and keeps the old one', async (picked, message) => {
    const services = start({ chooseFolder: () => picked });
    const before = services.services.settings.get().downloadDir;
    await expect(invoke('settings:choose-folder')).rejects.toThrow(message);
    expect(services.services.settings.get().downloadDir).toBe(before);
  });

  it('saves a folder picked in main and answers with the new view', async () => {
    const picked = join(dir, 'Chosen');
    const services = start({ chooseFolder: () => picked });
    const view = await invoke('settings:choose-folder');
    expect(view?.settings.downloadDir).toBe(picked);
    expect(services.services.settings.get().downloadDir).toBe(picked);
    expect(services.calls).toContainEqual({
      port: 'dialog',
      method: 'chooseFolder',
      arg: join(dir, 'Pika'),
    });
  });
});
