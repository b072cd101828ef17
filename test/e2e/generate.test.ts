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
          extend: false,
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

    // "Again" from the card: the form comes back with the settings the task was made with.
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'New video from this prompt…' }).click();
    await page.getByRole('tab', { name: 'New video', selected: true }).waitFor(WAIT);
    expect(await page.getByLabel('Prompt', { exact: true }).inputValue()).toBe(
      'A paper boat drifting down a rainy street, cinematic',
    );
    expect(await page.getByLabel('Effect').inputValue()).toBe('Levitate');
    expect(await page.getByLabel('9:16').isChecked()).toBe(true);
    await page.getByText('More options').click();
    expect(await page.getByLabel('Motion').inputValue()).toBe('2');
    expect(await page.getByLabel('Negative prompt').inputValue()).toBe('blurry, text');
    await screenshot(page, 'new-video-again');

    // "Extend" from the card: the finished video is the one to continue.
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Extend this video…' }).click();
    const resultUrl = app.tracker.get(task.id)!.videos[0]!.resultUrl!;
    await page.getByText(resultUrl).waitFor(WAIT);
    await screenshot(page, 'new-video-extend');
    await page.getByRole('button', { name: 'Extend video' }).click();
    await page.getByRole('tab', { name: 'Tasks', selected: true }).waitFor(WAIT);
    expect(fake.generateBodies).toHaveLength(2);
    expect(fake.generateBodies[1]).toMatchObject({
      promptText: 'A paper boat drifting down a rainy street, cinematic',
      video: resultUrl,
      options: { extend: true, parameters: { motion: 2, negativePrompt: 'blurry, text' } },
    });
    expect(fake.generateBodies[1]).toHaveProperty('pikaffect', '');
    expect(h.refused).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  // The gateways refuse a body in two JSON shapes; either way the form puts the server's words
  // under the field it blames (opening "More options" when that field is inside).
  it.each([
    [
      'task-route',
      {
        code: 'invalid_request',
        message: 'invalid request: options.parameters.motion must be an integer between 0 and 4',
        data: null,
      },
    ],
    [
      'OpenAI-style with param',
      {
        error: {
          message: 'motion must be an integer between 0 and 4',
          type: 'invalid_request_error',
          code: 'invalid_value',
          param: 'options.parameters.motion',
        },
      },
    ],
  ])('a refusal in the %s shape is shown under the field it names', async (shape, body) => {
    h = await startHarness();
    const { page, fake } = h;
    fake.fault({ kind: 'http-status', status: 400, count: 1, body: JSON.stringify(body) });
    await page.getByRole('tab', { name: 'New video' }).click();
    await page.getByLabel('Prompt', { exact: true }).fill('A kite over the dunes');
    await page.getByRole('button', { name: 'Create video' }).click();

    const error = page.locator('#nv-motion-error');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toContain('motion must be an integer between 0 and 4');
    expect(await page.getByLabel('Motion').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Motion').evaluate((el) => el.matches(':focus'))).toBe(true);
    // Scrolled so the message under the field is on screen, not below the fold.
    const bottom = async () => {
      const box = (await error.boundingBox())!;
      return box.y + box.height;
    };
    await expect.poll(bottom, WAIT).toBeLessThanOrEqual(page.viewportSize()!.height);
    // Nothing started, nothing tracked; the form stays as typed for a fix and a new send.
    expect(fake.generateBodies).toHaveLength(1);
    expect(h.app.tracker.list()).toEqual([]);
    expect(await page.getByLabel('Prompt', { exact: true }).inputValue()).toBe(
      'A kite over the dunes',
    );
    if (shape === 'task-route') await screenshot(page, 'new-video-field-error');
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
