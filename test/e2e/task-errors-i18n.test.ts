// A failed task's error and a failed download on the card, in the window's language, through
// the real services, feed and Chromium: errors stored yesterday (with their ref) and one met
// now while polling the fake gateway (its own Chinese words kept and marked) read in
// 简体中文, then in English after Settings -> Language, without a reload.
// Screenshots: test-output/screenshots/task-errors-zh.png, task-errors-en.png.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newTask, type TrackedTask } from '../../main/core/tasks/model';
import { renderMessage, say, type MessageRef } from '../../main/core/text/message-ref';
import type { Harness } from './harness/app-harness';
import { englishLeft } from './harness/page-probes';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

let h: Harness | undefined;
const startHarness = useHarness();
const WAIT = { timeout: 10_000 };

const GONE = 'gone-task-0001';
const SAVED = 'saved-task-0002';
const SERVER_WORDS = '上游渠道繁忙，请稍后再试';

const stored = (ref: MessageRef) => ({ message: renderMessage(ref, 'en'), ref });

function seededTasks(): TrackedTask[] {
  const gone: TrackedTask = {
    ...newTask(GONE, Date.now() - 60_000),
    state: 'failed',
    endedAt: Date.now() - 30_000,
    lastError: { kind: 'unknown-task', ...stored(say('tasks.unknownGaveUp', GONE, 3)) },
  };
  const saved: TrackedTask = {
    ...newTask(SAVED, Date.now() - 50_000),
    promptText: 'a paper boat on a rainy street',
    state: 'finished',
    progress: 100,
    endedAt: Date.now() - 20_000,
    videos: [
      {
        id: 'video-1',
        status: 'finished',
        state: 'finished',
        progress: 100,
        seed: 1,
        resultUrl: 'https://cdn.example.invalid/v.mp4',
        sharingUrl: null,
        videoPoster: null,
        imageThumb: null,
        duration: 5,
        error: null,
      },
    ],
    downloads: {
      'video-1': { status: 'failed', ...stored(say('download.expired', 410, 1)) },
    },
  };
  return [gone, saved];
}

describe('task errors on the cards follow the window language', () => {
  it('zh, then en after Settings -> Language, without a reload', async () => {
    h = await startHarness({
      services: { preferredLanguages: ['zh-CN', 'en-US'] },
      seedStore: (dir) =>
        writeFile(join(dir, 'tasks.json'), JSON.stringify({ version: 1, tasks: seededTasks() })),
    });
    const { page, fake } = h;
    const live = fake.addTask({ prompt: 'a red fox in the snow', queuedMs: 0, runMs: 60_000 });
    fake.fault({
      kind: 'http-status',
      status: 503,
      taskId: live,
      body: JSON.stringify({ error: { message: SERVER_WORDS } }),
    });
    const box = page.getByLabel('要添加的任务 ID');
    await box.fill(live);
    await box.press('Enter');

    const cardError = (id: string) =>
      page.locator('.card-error').filter({ hasText: id === live ? 'HTTP 503' : GONE });
    await page
      .getByText(
        `未知的任务 ID ${GONE}：服务器连续 3 次表示没有这个任务。请检查 ID；点“重新检查”可再试一次。`,
      )
      .waitFor(WAIT);
    await page
      .getByText('视频链接已过期（HTTP 410），重新查询任务也没有得到可用的链接。', {
        exact: false,
      })
      .first()
      .waitFor(WAIT);
    await cardError(live).waitFor(WAIT);
    expect(await cardError(live).textContent()).toBe(
      `Pika API 处理任务 ${live} 时出错（HTTP 503）。这通常是暂时的，请稍后重试。` +
        `服务器返回：“${SERVER_WORDS}”`,
    );
    // The tasks' own prompts and ids stay as the user wrote them.
    expect(
      await englishLeft(page, ['a paper boat on a rainy street', 'a red fox in the snow', GONE]),
    ).toEqual([]);
    await screenshot(page, 'task-errors-zh');

    await page.getByRole('tab', { name: '设置' }).click();
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page
      .getByText(`Unknown task id ${GONE}: the server said 3 times`, { exact: false })
      .waitFor(WAIT);
    await page
      .getByText('The video link has expired (HTTP 410) and asking the feed again', {
        exact: false,
      })
      .first()
      .waitFor(WAIT);
    await expect
      .poll(() => cardError(live).textContent(), WAIT)
      .toMatch(
        /^The Pika API had a problem answering task .* \(HTTP 503\)\. .*The server said: "上游渠道繁忙/,
      );
    expect(await page.getByText('未知的任务 ID', { exact: false }).count()).toBe(0);
    await screenshot(page, 'task-errors-en');
  });
});
