// A task's error reaches the window in the window's language: over the real services, the
// fake gateway on 127.0.0.1 refusing with its own (Chinese) words, the feed and the list
// handler render the stored ref in zh-Hans, and in English after Settings -> Language.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import { waitFor } from '../../core/tasks/test-wait';
import { newTask, type TrackedTask } from '../../core/tasks/model';
import { say, renderMessage } from '../../core/text/message-ref';
import type { EventChannels, TaskChange } from '../../../preload/contract';
import { createNodeServices, type NodeServices } from '../node-services';
import { createTaskFeed } from './task-feed';
import { patchForWindow, taskForWindow } from './task-words';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;

beforeAll(async () => {
  fake = await startFakePika();
});
afterAll(() => fake.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-words-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(dir, { recursive: true, force: true });
});

const SERVER_WORDS = '该令牌无权访问此模型';

describe('task errors in the window language', () => {
  it('the feed and tasks:list send zh, then en after switching, without a restart', async () => {
    app = createNodeServices({
      storeDir: join(dir, 'store'),
      downloadDir: join(dir, 'Pika'),
      baseUrl: fake.url,
      token: fake.token,
      settings: { autoDownload: false, language: 'zh-Hans' },
      pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 40 },
    });
    const { services, tracker, handlers } = app;
    const batches: TaskChange[][] = [];
    const feed = createTaskFeed({
      tracker,
      flushMs: 5,
      status: () => ({
        paused: false,
        online: true,
        tokenState: 'accepted',
        activeCount: 0,
        storeRecoveredFrom: null,
      }),
      send: (channel, payload) => {
        if (channel === 'tasks:changed') batches.push(payload as EventChannels['tasks:changed']);
      },
      locale: () => services.locale(),
      languageChanges: (listener) =>
        services.settings.onChange((next, previous) => {
          if (next.language !== previous.language) listener();
        }),
    });
    try {
      fake.fault({
        kind: 'http-status',
        status: 403,
        body: JSON.stringify({ error: { message: SERVER_WORDS, code: 'model_not_allowed' } }),
      });
      const id = fake.addTask({ queuedMs: 0, runMs: 0 });
      await handlers['tasks:add'](id);
      await waitFor(() => tracker.get(id)?.lastError != null, 'the refusal', 5000);
      const zh =
        'Pika API 拒绝访问（HTTP 403）：可能是账户、当前 IP 地址或该模型不被允许。' +
        `服务器返回：“${SERVER_WORDS}”`;
      // The tracker keeps the English; the window gets zh.
      expect(tracker.get(id)!.lastError!.message).toMatch(/^The Pika API refused access/);
      const sentError = (): string | undefined => {
        for (let b = batches.length - 1; b >= 0; b--) {
          for (const change of batches[b]!.slice().reverse()) {
            if (change.type === 'upsert' && change.task.id === id && change.task.lastError)
              return change.task.lastError.message;
            if (change.type === 'patch' && change.id === id && change.patch.lastError)
              return change.patch.lastError.message;
          }
        }
        return undefined;
      };
      await waitFor(() => sentError() === zh, 'the zh error in a batch', 5000);
      const listed = await handlers['tasks:list']();
      expect(listed.find((t) => t.id === id)?.lastError?.message).toBe(zh);

      const before = batches.length;
      await handlers['settings:update']({ language: 'en' });
      await waitFor(() => batches.length > before, 'the re-sent task', 5000);
      expect(sentError()).toMatch(/^The Pika API refused access \(HTTP 403\).*The server said: "/);
      expect(sentError()).toContain(SERVER_WORDS);
      const again = await handlers['tasks:list']();
      expect(again.find((t) => t.id === id)?.lastError?.message).toMatch(/^The Pika API refused/);
    } finally {
      feed.close();
      fake.clearFaults();
    }
  });

  it('copies only tasks with words: others pass as the same object, patches too', () => {
    const plain = { ...newTask('a', 1), progress: 40 };
    expect(taskForWindow(plain, 'zh-Hans')).toBe(plain);
    const patch = { progress: 41 };
    expect(patchForWindow(patch, 'zh-Hans')).toBe(patch);
    const ref = say('download.httpStatus', 404);
    const failed: TrackedTask = {
      ...plain,
      downloads: {
        v1: { status: 'done', path: '/x.mp4', bytes: 1 },
        v2: { status: 'failed', message: renderMessage(ref, 'en'), ref },
      },
    };
    expect(taskForWindow(failed, 'en')).toBe(failed);
    const shown = taskForWindow(failed, 'zh-Hans');
    expect(shown.downloads['v2']).toMatchObject({ message: '视频服务器返回 HTTP 404。' });
    expect(shown.downloads['v1']).toBe(failed.downloads['v1']);
    expect(failed.downloads['v2']).toMatchObject({
      message: 'The video server answered HTTP 404.',
    });
    const downloadsPatch = { downloads: failed.downloads };
    expect(patchForWindow(downloadsPatch, 'zh-Hans').downloads?.['v2']).toMatchObject({
      message: '视频服务器返回 HTTP 404。',
    });
  });
});
