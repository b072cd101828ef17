// "New video" end to end: the form in the built renderer, through the real preload shim,
// router and generate handler, to the fake Pika server; the created task is then tracked to
// its end and downloaded by the real tracker and downloader.
import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/app-harness';
import { screenshot } from './harness/screenshots';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const WAIT = { timeout: 15_000 };

describe('new video end to end', () => {
  it('creates a video from the form, shows it in the list, and it finishes and downloads', async () => {
    h = await startHarness({ fake: { generatedTask: { queuedMs: 200, runMs: 1200 } } });
    const { page, fake, app } = h;
    await page.getByRole('tab', { name: 'New video' }).click();
    await page
      .getByLabel('Prompt', { exact: true })
      .fill('A paper boat drifting down a rainy street, cinematic');
    await page.getByLabel('Effect').selectOption('Levitate');
    // The radio itself: its label box is drawn under the (transparent) input.
    await page.getByLabel('9:16').check();
    await screenshot(page, 'new-video');
    await page.getByText('More options').click();
    await page.getByLabel('Motion').fill('2');
    await page.getByLabel('Negative prompt').fill('blurry, text');
    await page.getByRole('button', { name: 'Create video' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'new-video-options');

    await page.getByRole('button', { name: 'Create video' }).click();

    // Straight to the list, on the new task.
    await page.getByRole('tab', { name: 'Tasks', selected: true }).waitFor(WAIT);
    await expect.poll(() => app.tracker.list().length, WAIT).toBe(1);
    const task = app.tracker.list()[0]!;
    const card = page.locator(`[data-task-id="${task.id}"]`);
    await card.waitFor(WAIT);

    expect(fake.generateBodies).toEqual([
      {
        promptText: 'A paper boat drifting down a rainy street, cinematic',
        model: '2.0',
        pikaffect: 'Levitate',
        options: {
          aspectRatio: 9 / 16,
          frameRate: 24,
          camera: {},
          parameters: { guidanceScale: 12, motion: 2, negativePrompt: 'blurry, text' },
        },
      },
    ]);

    await card.locator('.badge-finished').waitFor(WAIT);
    await expect
      .poll(() => app.tracker.get(task.id)?.downloads[task.id]?.status, WAIT)
      .toBe('done');
    const saved = app.tracker.get(task.id)!.downloads[task.id]!;
    if (saved.status !== 'done') throw new Error('not downloaded');
    expect((await stat(saved.path)).size).toBe(fake.mediaBytes(task.id).length);
    await screenshot(page, 'new-video-created');
    expect(h.refused).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('a server that never answers: one POST, then the unknown-outcome state', async () => {
    h = await startHarness({ services: { clientTimeoutMs: 800 }, colorScheme: 'dark' });
    const { page, fake } = h;
    fake.fault({ kind: 'hang', count: 1 });
    await page.getByRole('tab', { name: 'New video' }).click();
    await page.getByLabel('Prompt', { exact: true }).fill('Maybe billed');
    const create = page.getByRole('button', { name: 'Create video' });
    await create.click();
    // A second click while sending does nothing: the button is disabled.
    await page.getByRole('button', { name: 'Sending…' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Sending…' }).isDisabled()).toBe(true);

    await page.getByText('Unknown outcome — check your tasks before resending').waitFor(WAIT);
    expect(fake.generateBodies).toHaveLength(1);
    await screenshot(page, 'new-video-unknown-dark');

    // Only the deliberate resend sends again (and this time the server answers).
    await page.getByRole('button', { name: 'Send again anyway' }).click();
    await page.getByRole('tab', { name: 'Tasks', selected: true }).waitFor(WAIT);
    expect(fake.generateBodies).toHaveLength(2);
    expect(h.pageErrors).toEqual([]);
  });
});
