// A task's whole walk through the real app: pasted in the window, polled by the real tracker
// against the fake Pika server, progress and the end pushed back to the page.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app-harness';
import { paste, progressValue } from './harness/page-actions';
import { useHarness } from './harness/use-harness';
import { bodyBackground, clippedCards, horizontalOverflow } from './harness/page-probes';
import { screenshot } from './harness/screenshots';

let h: Harness | undefined;
const startHarness = useHarness();

const WAIT = { timeout: 10_000 };

describe('tasks end to end', () => {
  it('adds a pasted task, shows its progress arriving, and its end', async () => {
    h = await startHarness();
    const { page, fake } = h;
    await page.getByText('No tasks yet').waitFor(WAIT);
    const id = fake.addTask({
      prompt: 'A corgi surfing a wave at sunset',
      queuedMs: 300,
      runMs: 2500,
    });

    await paste(page, id);
    await page.getByText('Added 1 task').waitFor(WAIT);
    const card = page.locator(`[data-task-id="${id}"]`);
    await card.waitFor(WAIT);
    // The prompt arrives with the first answer from the feed.
    await card.getByText('A corgi surfing a wave at sunset').waitFor(WAIT);

    // Progress: some value strictly between 0 and 100 is shown while it runs.
    const bar = card.getByRole('progressbar', { name: 'Generating' });
    await expect.poll(() => progressValue(bar), WAIT).toBeGreaterThan(0);
    const seen = Number(await bar.getAttribute('aria-valuenow'));
    expect(seen).toBeLessThan(100);
    expect(await card.locator('.badge').first().textContent()).toMatch(/Running|Queued/);

    await card.locator('.badge-finished').waitFor(WAIT);
    await card.getByText(/Finished .*took/).waitFor(WAIT);
    expect(h.app.tracker.get(id)?.state).toBe('finished');
    // The main process saw the page's add and nothing was refused on the way.
    expect(h.refused).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('shows a mixed list in light and dark, and a failed generation with its reason', async () => {
    h = await startHarness();
    const { page, fake } = h;
    await page.getByText('No tasks yet').waitFor(WAIT);
    const done = fake.addTask({
      prompt: 'Neon city street at night in the rain',
      queuedMs: 0,
      runMs: 100,
    });
    const failed = fake.addTask({
      prompt: 'A dragon made of glass',
      queuedMs: 0,
      runMs: 100,
      outcome: 'error',
      errorMessage: 'Content policy violation',
    });
    const two = fake.addTask({
      prompt: 'Two takes of a paper boat',
      queuedMs: 0,
      runMs: 200,
      videos: 2,
    });
    const slow = fake.addTask({
      prompt: 'A very slow timelapse of a blooming flower',
      queuedMs: 100,
      runMs: 60_000,
    });
    await paste(page, [done, failed, two, slow].join('\n'));
    await page.getByText('Added 4 tasks').waitFor(WAIT);

    const failedCard = page.locator(`[data-task-id="${failed}"]`);
    await failedCard.locator('.badge-failed').waitFor(WAIT);
    await failedCard.getByText('Content policy violation').waitFor(WAIT);
    await page.locator(`[data-task-id="${done}"] .badge-finished`).waitFor(WAIT);
    const twoCard = page.locator(`[data-task-id="${two}"]`);
    await twoCard.locator('.badge-finished').waitFor(WAIT);
    expect(await twoCard.locator('.video-row').count()).toBe(2);
    const slowBar = page
      .locator(`[data-task-id="${slow}"]`)
      .getByRole('progressbar', { name: 'Generating' });
    await expect
      .poll(async () => Number((await slowBar.getAttribute('aria-valuenow')) ?? 0), WAIT)
      .toBeGreaterThan(0);

    // Filters count what the tracker holds.
    await expect
      .poll(() => page.getByRole('radio', { name: /Failed/ }).textContent(), WAIT)
      .toContain('1');
    await page.getByRole('radio', { name: /Failed/ }).click();
    expect(await page.locator('[data-task-id]').count()).toBe(1);
    await page.getByRole('radio', { name: /All/ }).click();
    await page.getByLabel('Search prompts').fill('boat');
    expect(await page.locator('[data-task-id]').count()).toBe(1);
    // The list's order among tasks added together is by id: show the two-video card alone.
    await screenshot(page, 'main-videos-light');
    await page.getByLabel('Search prompts').fill('');
    await page.getByLabel('Dismiss').first().click();
    // Every card's lines fit the height the windowed list gives it (error line, video rows).
    expect(await clippedCards(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);

    await screenshot(page, 'main-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await bodyBackground(page);
    expect(bg).not.toBe('rgb(246, 246, 248)');
    await screenshot(page, 'main-dark');
    expect(h.pageErrors).toEqual([]);
  });

  it('reports bad input per item and duplicates, and adds the good part', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const first = fake.addTask({ prompt: 'first', queuedMs: 0, runMs: 100 });
    await paste(page, first);
    await page.locator(`[data-task-id="${first}"]`).waitFor(WAIT);

    const second = fake.addTask({ prompt: 'second', queuedMs: 0, runMs: 100 });
    await paste(page, `hello\n${first}\n${second}`);
    await page.getByText(/Added 1 task · 1 already in the list · 1 not understood/).waitFor(WAIT);
    await page.getByText(`Already tracked: ${first}`).waitFor(WAIT);
    const errors = page.locator('.add-errors li');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().textContent()).toMatch(/hello.*at least 6 characters/);
    // The part that was not understood stays in the box to be fixed.
    expect(await page.getByLabel('Task ids to add').inputValue()).toBe('hello');
    await page.locator(`[data-task-id="${second}"]`).waitFor(WAIT);
    expect(
      h.app.tracker
        .list()
        .map((t) => t.id)
        .sort(),
    ).toEqual([first, second].sort());
  });

  it('a finished video downloads; Open, Show in folder and drag-out use the file', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const id = fake.addTask({ prompt: 'downloaded', queuedMs: 0, runMs: 100 });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    // Auto-download is on by default: the card turns into a file's card.
    await card.getByRole('button', { name: 'Show in folder' }).waitFor(WAIT);
    const download = h.app.tracker.get(id)!.downloads[id];
    expect(download?.status).toBe('done');
    const path = download?.status === 'done' ? download.path : '';

    await card.getByRole('button', { name: 'Open' }).click();
    await card.getByRole('button', { name: 'Show in folder' }).click();
    await expect
      .poll(() => h!.app.calls.filter((c) => c.port === 'shell'), WAIT)
      .toEqual([
        { port: 'shell', method: 'openPath', arg: path },
        { port: 'shell', method: 'showItemInFolder', arg: path },
      ]);

    expect(await card.getAttribute('draggable')).toBe('true');
    await card.dispatchEvent('dragstart');
    await expect.poll(() => h!.drags, WAIT).toEqual([{ ref: { taskId: id, videoId: id }, path }]);
    expect(h.pageErrors).toEqual([]);
  });

  it('without auto-download: drag is refused with a reason, Download fetches the file', async () => {
    h = await startHarness({ services: { settings: { autoDownload: false } } });
    const { page, fake } = h;
    const id = fake.addTask({ prompt: 'manual download', queuedMs: 0, runMs: 100 });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    await card.locator('.badge-finished').waitFor(WAIT);
    expect(await card.getAttribute('draggable')).not.toBe('true');
    // Ask anyway (a drag from the poster): main refuses and the page tells why.
    await page.evaluate(
      (ref) =>
        (
          globalThis as unknown as { pika: { tasks: { startDrag(r: unknown): void } } }
        ).pika.tasks.startDrag(ref),
      { taskId: id, videoId: id },
    );
    await page
      .getByText('Cannot drag this video: The video has not been downloaded yet.')
      .waitFor(WAIT);

    await card.getByRole('button', { name: 'Download' }).click();
    await card.getByRole('button', { name: 'Show in folder' }).waitFor(WAIT);
    expect(h.app.tracker.get(id)!.downloads[id]?.status).toBe('done');
  });

  it('menu actions and keys reach main: copy the id, check again, Escape hides', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const id = fake.addTask({ prompt: 'actions', queuedMs: 0, runMs: 100 });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    await card.locator('.badge-finished').waitFor(WAIT);

    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Copy task id' }).click();
    await page.getByText('Task id copied').waitFor(WAIT);
    expect(h.app.calls.filter((c) => c.port === 'clipboard')).toEqual([
      { port: 'clipboard', method: 'writeText', arg: id },
    ]);

    const polls = () => fake.requests.filter((r) => r.path.endsWith(`/pika/feed/${id}`)).length;
    const before = polls();
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Check again now' }).click();
    await expect.poll(polls, WAIT).toBeGreaterThan(before);

    // Escape closes an open menu first; the next Escape asks main to hide the window.
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menu').waitFor(WAIT);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached', ...WAIT });
    expect(h.app.calls.some((c) => c.port === 'window')).toBe(false);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => h!.app.calls.filter((c) => c.port === 'window'), WAIT)
      .toEqual([{ port: 'window', method: 'hide' }]);
  });
});
