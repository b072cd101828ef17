// Posters, live progress, inline previews and the grid, in real Chromium: posters and videos
// come through main's real app:// route table (the harness maps /app/<host>/ to it), from the
// real poster cache and downloader, fed by the fake server's real JPEGs and MP4.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness/app-harness';
import { paste } from './harness/page-actions';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

let h: Harness | undefined;
const startHarness = useHarness();
const WAIT = { timeout: 15_000 };

/** Every URL the page asked for, to prove it never reached the CDN itself. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

async function finishedTasks(harness: Harness, prompts: string[]): Promise<string[]> {
  const ids = prompts.map((prompt) => harness.fake.addTask({ prompt, queuedMs: 0, runMs: 50 }));
  await harness.page.getByText('No tasks yet').waitFor(WAIT);
  await paste(harness.page, ids.join('\n'));
  for (const id of ids) {
    await harness.page.locator(`[data-task-id="${id}"] .poster-loaded`).waitFor(WAIT);
  }
  return ids;
}

/** The preview <video> of a card, once it shows a decoded frame and plays on. */
interface VideoState {
  src: string;
  readyState: number;
  currentTime: number;
  muted: boolean;
  loop: boolean;
  width: number;
  duration: number;
}
const probeVideo = (page: Page, id: string) =>
  page.evaluate(videoProbe(id)) as Promise<VideoState | null>;
const videoProbe = (id: string) => `(async () => {
  const video = document.querySelector('[data-task-id="${id}"] video');
  if (!video) return null;
  const start = Date.now();
  while ((video.readyState < 2 || video.currentTime <= 0.2) && Date.now() - start < 8000) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    src: video.currentSrc,
    readyState: video.readyState,
    currentTime: video.currentTime,
    muted: video.muted,
    loop: video.loop,
    width: video.videoWidth,
    duration: video.duration,
  };
})()`;

describe('videos in the window', () => {
  it('shows a running task with status, percent, a bar and the time left, updating', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const id = fake.addTask({ prompt: 'A paper boat on a long river', queuedMs: 0, runMs: 30_000 });
    await page.getByText('No tasks yet').waitFor(WAIT);
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    const left = card.locator('.time-left');
    await left.waitFor(WAIT);
    const first = await left.textContent();
    expect(first).toMatch(/^about \d+ sec left$/);
    const bar = card.getByRole('progressbar', { name: 'Generating' });
    const pct = Number(await bar.getAttribute('aria-valuenow'));
    expect(pct).toBeGreaterThan(0);
    expect(await card.locator('.progress-text').textContent()).toMatch(/^\d+%$/);
    // The estimate counts down as the task runs (new predictions and the card's own clock).
    await expect
      .poll(async () => Number(/\d+/.exec((await left.textContent()) ?? '')?.[0]), WAIT)
      .toBeLessThan(Number(/\d+/.exec(first ?? '')?.[0]));
    await screenshot(page, 'media-running-time-left');
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the fake server JPEG posters through app://poster, light and dark; never the CDN', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const urls = requests(page);
    const ids = await finishedTasks(h, [
      'Neon city street at night in the rain',
      'A lighthouse at dusk',
      'Slow clouds over a mountain lake',
    ]);
    const poster = page.locator(`[data-task-id="${ids[0]}"] img.poster-img`);
    const src = await poster.getAttribute('src');
    expect(src).toMatch(/\/app\/poster\/[^/]+\/[^/]+$/);
    expect(src).toContain(encodeURIComponent(ids[0]!));
    expect(await poster.getAttribute('loading')).toBe('lazy');
    expect(await poster.getAttribute('decoding')).toBe('async');
    const size = await poster.evaluate((img) => [
      (img as unknown as { naturalWidth: number }).naturalWidth,
      (img as unknown as { naturalHeight: number }).naturalHeight,
    ]);
    expect(size[0]).toBeGreaterThan(0);
    await screenshot(page, 'media-posters-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'media-posters-dark');
    expect(urls.filter((u) => u.startsWith(fake.url))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('previews the saved MP4 muted on hover, with sound on click, one at a time, by keyboard too', async () => {
    h = await startHarness();
    const { page, app } = h;
    const ids = await finishedTasks(h, ['A corgi surfing a wave', 'Snow falling on a red barn']);
    // Saved by the real downloader: the preview then plays the file (Range from main).
    await expect
      .poll(
        () =>
          ids.every((id) =>
            app.tracker
              .get(id)
              ?.videos.every((v) => app.tracker.get(id)?.downloads[v.id]?.status === 'done'),
          ),
        WAIT,
      )
      .toBe(true);
    const first = page
      .locator(`[data-task-id="${ids[0]}"]`)
      .getByRole('button', { name: 'Preview video' });
    await first.hover();
    const playing = await probeVideo(page, ids[0]!);
    expect(playing).toMatchObject({ muted: true, loop: true, readyState: 4 });
    expect(playing!.src).toContain('/app/video/');
    expect(playing!.width).toBeGreaterThan(0);
    expect(playing!.currentTime).toBeGreaterThan(0.2);
    await screenshot(page, 'media-preview-frame');

    // Seeking works: main answers ranges of the file.
    const seeked = await page.evaluate(`(async () => {
      const video = document.querySelector('[data-task-id="${ids[0]}"] video');
      video.pause();
      video.currentTime = video.duration / 2;
      await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
      return { at: video.currentTime, seekable: video.seekable.end(0), duration: video.duration };
    })()`);
    const { at, duration } = seeked as { at: number; duration: number };
    expect(duration).toBeGreaterThan(0);
    expect(at).toBeCloseTo(duration / 2, 1);

    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(
      await page.evaluate(`document.querySelector('[data-task-id="${ids[0]}"] video').muted`),
    ).toBe(false);

    // Keyboard: focusing the other poster starts its preview and stops the first.
    await page
      .locator(`[data-task-id="${ids[1]}"]`)
      .getByRole('button', { name: 'Preview video' })
      .focus();
    await page.locator(`[data-task-id="${ids[1]}"] video`).waitFor(WAIT);
    expect(await page.locator('video').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('video').count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });

  it('previews a video not downloaded yet from its result URL, streamed through main', async () => {
    h = await startHarness({ services: { settings: { autoDownload: false } } });
    const { page, fake } = h;
    const urls = requests(page);
    const ids = await finishedTasks(h, ['A kite over the dunes']);
    expect(h.app.tracker.get(ids[0]!)?.downloads).toEqual({});
    await page
      .locator(`[data-task-id="${ids[0]}"]`)
      .getByRole('button', { name: 'Preview video' })
      .hover();
    const playing = await probeVideo(page, ids[0]!);
    expect(playing).toMatchObject({ muted: true, readyState: 4 });
    expect(playing!.currentTime).toBeGreaterThan(0.2);
    expect(urls.filter((u) => u.startsWith(fake.url))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('switches to a two-column grid of posters, remembered in Settings', async () => {
    h = await startHarness();
    const { page, app, fake } = h;
    const ids = await finishedTasks(h, [
      'Neon city street at night in the rain',
      'A lighthouse at dusk',
      'Slow clouds over a mountain lake',
      'A corgi surfing a wave',
    ]);
    const running = fake.addTask({
      prompt: 'A paper boat on a long river',
      queuedMs: 0,
      runMs: 30_000,
    });
    await paste(page, running);
    await page.locator(`[data-task-id="${running}"] .time-left`).waitFor(WAIT);
    await page.getByRole('radio', { name: 'Grid' }).click();
    await page.locator('.tile').first().waitFor(WAIT);
    expect(await page.locator('.tile').count()).toBe(5);
    // Two per row: the first two tiles share a top edge, side by side.
    const boxes = await Promise.all(
      [0, 1, 2].map((i) => page.locator('.tile').nth(i).boundingBox()),
    );
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
    expect(boxes[2]!.y).toBeGreaterThan(boxes[0]!.y);
    for (const id of ids)
      await page.locator(`.tile[data-task-id="${id}"] .poster-loaded`).waitFor(WAIT);
    await expect.poll(() => app.services.settings.get().taskLayout, WAIT).toBe('grid');
    await screenshot(page, 'media-grid');
    // A preview in the grid: a bigger frame of the fake MP4.
    await page
      .locator(`.tile[data-task-id="${ids[1]}"]`)
      .getByRole('button', { name: 'Preview video' })
      .hover();
    const frame = await probeVideo(page, ids[1]!);
    expect(frame!.currentTime).toBeGreaterThan(0.2);
    await screenshot(page, 'media-grid-preview');
    // Opened again, the window starts in the grid.
    await page.reload();
    await page.locator('.tile').first().waitFor(WAIT);
    expect(await page.getByRole('radio', { name: 'Grid' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(h.pageErrors).toEqual([]);
  });
});
