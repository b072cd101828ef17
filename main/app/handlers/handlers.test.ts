// The real handlers over the real tracker, client and settings, against the fake Pika
// server on 127.0.0.1. Only Electron's own objects are stand-ins (node-services.ts).
import { SETTING_LIMITS } from '../settings/validate-settings';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import { waitFor } from '../../core/tasks/test-wait';
import type {
  EventChannels,
  InvokeChannels,
  Navigation,
  SettingsPatch,
} from '../../../preload/contract';
import { createNavigationMailbox } from '../window/navigation-mailbox';
import { createTaskFeed } from '../ipc/task-feed';
import { createNodeServices, type NodeServices, type NodeServicesOptions } from '../node-services';
import { appStatusOf } from '../services';
import { UNKNOWN_OUTCOME_MESSAGE } from './generate';

const TOKEN = 'pk-live-Secret-Token-0123456789';
const WRONG = 'pk-live-Wrong-Token-9876543210';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;
/** Every value a handler returned or the feed pushed, for the token check. */
let payloads: unknown[] = [];

beforeEach(async () => {
  fake = await startFakePika({ token: TOKEN, generatedTask: { queuedMs: 40, runMs: 80 } });
  dir = await mkdtemp(join(tmpdir(), 'pika-handlers-'));
  payloads = [];
});
afterEach(async () => {
  // Nothing above may have carried the token, right or wrong, to the renderer.
  const everything = JSON.stringify(payloads);
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(WRONG);
  expect(everything).not.toContain('Secret-Token');
  await app?.close();
  app = null;
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function start(options: Partial<NodeServicesOptions> = {}): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: fake.url,
    token: TOKEN,
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
    clientTimeoutMs: 500,
    // Downloads have their own tests; here they would race the records set by hand.
    settings: { autoDownload: false },
    ...options,
  });
  const feed = createTaskFeed({
    tracker: app.tracker,
    status: () => appStatusOf(app!.services),
    send: (channel, payload) => payloads.push({ channel, payload }),
    flushMs: 10,
  });
  const close = app.close.bind(app);
  app.close = async () => {
    feed.close();
    await close();
  };
  return app;
}

/** Calls a handler the way the router would, keeping its result for the token check. */
async function call<C extends keyof InvokeChannels>(
  channel: C,
  ...args: InvokeChannels[C]['args']
): Promise<InvokeChannels[C]['result']> {
  const handler = app!.handlers[channel] as (
    ...a: unknown[]
  ) => Promise<InvokeChannels[C]['result']>;
  try {
    const result = await handler(...args);
    payloads.push(result);
    return result;
  } catch (error) {
    payloads.push(String(error), (error as Error).message);
    throw error;
  }
}

describe('tasks handlers', () => {
  it('adds parsed ids, reports duplicates and bad pieces, and the tracker finishes them', async () => {
    start();
    const id = fake.addTask({ queuedMs: 30, runMs: 60 });
    const result = await call('tasks:add', `${id}\n${fake.url}/pika/feed/${id}  not/an-id`);
    expect(result.added.map((t) => t.id)).toEqual([id]);
    expect(result.duplicates).toEqual([id]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/slashes/);
    const again = await call('tasks:add', id);
    expect(again).toEqual({ added: [], duplicates: [id], errors: [] });
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    const listed = await call('tasks:list');
    expect(listed.map((t) => t.id)).toEqual([id]);
    // The feed pushed the task as it changed, ending with an upsert in state finished.
    await waitFor(
      () =>
        payloads.some(
          (p) =>
            (p as { channel?: string }).channel === 'tasks:changed' &&
            (p as { payload: EventChannels['tasks:changed'] }).payload.some(
              (c) => c.type === 'upsert' && c.task.state === 'finished',
            ),
        ),
      'a finished upsert',
    );
    await call('tasks:mark-seen', [id]);
    expect(app!.tracker.get(id)?.seen).toBe(true);
    await call('tasks:remove', id);
    expect(await call('tasks:list')).toEqual([]);
    await expect(call('tasks:recheck', id)).rejects.toThrow(/no longer in the list/);
  });

  it('opens and reveals only a downloaded file inside the download folder', async () => {
    const services = start();
    const id = fake.addTask({ queuedMs: 10, runMs: 20 });
    await call('tasks:add', id);
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    const videoId = app!.tracker.get(id)!.videos[0]!.id;
    const ref = { taskId: id, videoId };
    await expect(call('tasks:open-file', ref)).rejects.toThrow(/not been downloaded/);

    const downloads = join(dir, 'Pika');
    await mkdir(downloads, { recursive: true });
    const file = join(downloads, 'cat.mp4');
    await writeFile(file, 'video');
    services.tracker.setDownload(id, videoId, { status: 'done', path: file, bytes: 5 });
    await call('tasks:open-file', ref);
    await call('tasks:reveal-file', ref);
    expect(services.calls.filter((c) => c.port === 'shell')).toEqual([
      { port: 'shell', method: 'openPath', arg: file },
      { port: 'shell', method: 'showItemInFolder', arg: file },
    ]);

    await writeFile(join(dir, 'elsewhere.mp4'), 'x');
    await symlink(join(dir, 'elsewhere.mp4'), join(downloads, 'sneaky.mp4'));
    services.tracker.setDownload(id, videoId, {
      status: 'done',
      path: join(downloads, 'sneaky.mp4'),
      bytes: 1,
    });
    await expect(call('tasks:open-file', ref)).rejects.toThrow(/outside the download folder/);
  });

  it('turning auto-download on: counts the finished videos not saved, then downloads them all', async () => {
    start();
    const ids = [
      fake.addTask({ queuedMs: 10, runMs: 20, videos: 2, mediaBytes: 30_000 }),
      fake.addTask({ queuedMs: 10, runMs: 20, mediaBytes: 20_000 }),
    ];
    await call('tasks:add', ids.join('\n'));
    await waitFor(
      () => ids.every((id) => app!.tracker.get(id)?.state === 'finished'),
      'the tasks to finish',
      5000,
    );
    // One is already saved (the tracker's record): it is not counted nor fetched again.
    const saved = app!.tracker.get(ids[1]!)!.videos[0]!.id;
    const downloads = join(dir, 'Pika');
    await mkdir(downloads, { recursive: true });
    await writeFile(join(downloads, 'kept.mp4'), fake.mediaBytes(saved));
    app!.tracker.setDownload(ids[1]!, saved, {
      status: 'done',
      path: join(downloads, 'kept.mp4'),
      bytes: 20_000,
    });
    expect(await call('tasks:count-not-downloaded')).toBe(2);
    expect(await call('tasks:download-all-finished')).toBe(2);
    const first = app!.tracker.get(ids[0]!)!;
    await waitFor(
      () =>
        first.videos.every((v) => app!.tracker.get(ids[0]!)!.downloads[v.id]?.status === 'done'),
      'both videos saved',
      10_000,
    );
    for (const video of first.videos) {
      const record = app!.tracker.get(ids[0]!)!.downloads[video.id];
      expect(record?.status).toBe('done');
      const path = (record as { path: string }).path;
      expect((await readFile(path)).equals(fake.mediaBytes(video.id))).toBe(true);
    }
    expect(await call('tasks:count-not-downloaded')).toBe(0);
    const media = fake.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET');
    expect(media).toHaveLength(2);
  });

  it('reports a download that cannot start', async () => {
    start();
    await expect(call('tasks:download', { taskId: 'nope-123', videoId: 'v' })).rejects.toThrow(
      /no longer in the list/,
    );
  });
});

describe('token handlers', () => {
  it('refuses a malformed token without storing or repeating it', async () => {
    start({ token: undefined });
    await expect(call('token:set', 'pk live with spaces')).rejects.toThrow(/spaces/);
    expect((await call('settings:get')).hasToken).toBe(false);
    expect((await call('settings:get')).tokenState).toBe('missing');
  });

  it('stores a token, tests it against the server, and never returns it', async () => {
    start({ token: undefined });
    const view = await call('token:set', `  ${TOKEN}\n`);
    expect(view).toMatchObject({ hasToken: true, tokenState: 'unchecked', tokenProtection: 'os' });
    // The form's number ranges are main's own limits, not a copy in the renderer.
    expect(view.limits).toEqual(SETTING_LIMITS);
    expect(await call('token:test')).toEqual({ result: 'accepted' });
    expect((await call('settings:get')).tokenState).toBe('accepted');
    expect((await call('app:status')).tokenState).toBe('accepted');

    await call('token:set', WRONG);
    const verdict = await call('token:test');
    expect(verdict).toMatchObject({ result: 'rejected' });
    expect((await call('settings:get')).tokenState).toBe('rejected');

    const cleared = await call('token:clear');
    expect(cleared).toMatchObject({ hasToken: false, tokenState: 'missing' });
    expect(await call('token:test')).toMatchObject({ result: 'rejected', message: /No token/ });
  });

  it('says unreachable when the server cannot be reached', async () => {
    start();
    await fake.close();
    const verdict = await call('token:test');
    expect(verdict).toMatchObject({ result: 'unreachable' });
    fake = await startFakePika({ token: TOKEN });
  });

  it('a tracker 401 shows as rejected, and a new token lifts it', async () => {
    start({ token: WRONG });
    const id = fake.addTask({ queuedMs: 1000, runMs: 1000 });
    await call('tasks:add', id);
    await waitFor(() => app!.tracker.status().tokenRejected, 'the tracker to see the 401', 5000);
    expect((await call('app:status')).tokenState).toBe('rejected');
    await call('token:set', TOKEN);
    expect(app!.tracker.status().tokenRejected).toBe(false);
    await waitFor(
      () => app!.services.tokenState.get() === 'accepted',
      'a good answer with the new token',
      5000,
    );
  });
});

describe('generate handler', () => {
  const request = { promptText: 'a cat surfing', model: '2.2' };

  it('creates once per request id and tracks the task at once', async () => {
    start();
    const [a, b] = await Promise.all([
      call('generate:create', request, 'req-1'),
      call('generate:create', request, 'req-1'),
    ]);
    expect(a).toEqual(b);
    expect(a.outcome).toBe('created');
    expect(fake.generateBodies).toHaveLength(1);
    if (a.outcome !== 'created') throw new Error('not created');
    expect(app!.tracker.get(a.task.id)).toBeDefined();
    // Asking again later with the same id still does not send again.
    await call('generate:create', request, 'req-1');
    expect(fake.generateBodies).toHaveLength(1);
    await waitFor(
      () => app!.tracker.get(a.task.id)?.state === 'finished',
      'the generated task to finish',
      5000,
    );
  });

  it.each(['task-route', 'openai'] as const)(
    "passes a %s-shaped refusal through with its field and the server's words",
    async (shape) => {
      await fake.close();
      fake = await startFakePika({ token: TOKEN, generateErrors: shape });
      start();
      const outcome = await call('generate:create', { promptText: 'x', model: '9.9' }, 'req-2');
      // The server's own words, for the form to show under the field it names.
      expect(outcome).toEqual({
        outcome: 'rejected',
        kind: 'bad-request',
        field: 'model',
        message: expect.stringMatching(/^(invalid request: )?model must be one of 1\.0, 1\.5/),
      });
      expect(fake.generateBodies).toHaveLength(1);
    },
  );

  it('a gateway error after sending (502) is "unknown" and not retried', async () => {
    start();
    fake.fault({ kind: 'server-error', status: 502, count: 1 });
    const outcome = await call('generate:create', request, 'req-7');
    expect(outcome).toEqual({ outcome: 'unknown', message: UNKNOWN_OUTCOME_MESSAGE });
    expect(fake.requests.filter((r) => r.path === '/pika/generate')).toHaveLength(1);
  });

  it('a server that cannot be reached was never sent anything: a plain refusal, safe to resend', async () => {
    // A closed server's port on this machine refuses the connection before any byte leaves.
    const gone = await startFakePika({ token: TOKEN });
    await gone.close();
    start({ baseUrl: gone.url });
    const outcome = await call('generate:create', request, 'req-8');
    expect(outcome).toMatchObject({
      outcome: 'rejected',
      kind: 'network',
      message: expect.stringMatching(/Nothing was sent\.$/),
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('says "unknown" when no answer comes, without retrying', async () => {
    start();
    fake.fault({ kind: 'hang' });
    const outcome = await call('generate:create', request, 'req-3');
    expect(outcome).toEqual({ outcome: 'unknown', message: UNKNOWN_OUTCOME_MESSAGE });
    expect(fake.requests.filter((r) => r.path === '/pika/generate')).toHaveLength(1);
  });

  it('refuses before sending when there is no token or no prompt', async () => {
    start({ token: undefined });
    expect(await call('generate:create', request, 'req-4')).toMatchObject({
      outcome: 'rejected',
      kind: 'token-rejected',
    });
    expect(await call('generate:create', { promptText: '  ' }, 'req-5')).toMatchObject({
      outcome: 'rejected',
      field: 'promptText',
    });
    expect(fake.generateBodies).toHaveLength(0);
  });

  it('a wrong token is rejected and not echoed', async () => {
    start({ token: WRONG });
    expect(await call('generate:create', request, 'req-6')).toMatchObject({
      outcome: 'rejected',
      kind: 'token-rejected',
    });
  });
});

describe('settings, polling and app handlers', () => {
  it('validates settings updates and reports launch at login as the OS sees it', async () => {
    const services = start({ loginItemAnswer: () => false });
    await expect(call('settings:update', { pollFloorSec: 1 })).rejects.toThrow(/between 2 and 600/);
    await expect(call('settings:update', { downloadDir: '/' } as SettingsPatch)).rejects.toThrow(
      /only be changed with the Choose/,
    );
    const view = await call('settings:update', { autoDownload: true, pollFloorSec: 3 });
    expect(view.settings).toMatchObject({
      autoDownload: true,
      pollFloorSec: 3,
      baseUrl: fake.url,
    });
    await expect(call('settings:update', { launchAtLogin: true })).rejects.toThrow(/not turned on/);
    expect((await call('settings:get')).settings.launchAtLogin).toBe(false);
    expect(services.calls).toContainEqual({ port: 'loginItem', method: 'set', arg: 'true' });
    expect(await call('settings:choose-folder')).toBeNull();
  });

  it('pauses and resumes polling', async () => {
    start();
    expect(await call('polling:pause')).toMatchObject({ paused: true, online: true });
    expect(await call('polling:resume')).toMatchObject({ paused: false });
  });

  it('hands the renderer a navigation main asked for before it listened, once', async () => {
    const sent: Navigation[] = [];
    const navigation = createNavigationMailbox({ send: (n) => sent.push(n) });
    start({ navigation });
    // Cold start from a notification: main asks before the page has subscribed.
    navigation.deliver({ view: 'settings' });
    navigation.deliver({ taskId: 'task-from-click' });
    expect(sent).toEqual([]);
    // The renderer subscribed and asks: the latest wins, and it is handed over once.
    expect(await call('app:take-navigation')).toEqual({ taskId: 'task-from-click' });
    expect(await call('app:take-navigation')).toBeNull();
    // Listening now: the next one goes out as an event at once.
    navigation.deliver({ view: 'tasks' });
    expect(sent).toEqual([{ view: 'tasks' }]);
    // A reload: it waits again until the new page asks.
    navigation.pageLoading();
    navigation.deliver({ taskId: 'after-reload' });
    expect(sent).toHaveLength(1);
    expect(await call('app:take-navigation')).toEqual({ taskId: 'after-reload' });
  });

  it('copies text and hides the window', async () => {
    const services = start();
    await call('app:copy-text', 'task-123');
    await call('app:hide-window');
    expect(services.calls).toEqual([
      { port: 'clipboard', method: 'writeText', arg: 'task-123' },
      { port: 'window', method: 'hide' },
    ]);
  });
});
