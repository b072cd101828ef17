// The loop the user asked for, end to end: a task finishes on the fake Pika server, the real
// downloader saves it (auto-download) into a temporary download folder while the card shows
// its progress, and a drag from the page resolves in main to exactly that file. Every other
// request — a video the task does not have, a path smuggled into the message, a recorded path
// outside the folder, a file moved away or swapped for a link — is refused with a reason.
import { readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VideoRef } from '../../preload/contract';
import type { Harness } from './harness/app-harness';
import { paste, progressValue } from './harness/page-actions';
import { useHarness } from './harness/use-harness';
import { screenshot } from './harness/screenshots';

let h: Harness | undefined;
const startHarness = useHarness();

const WAIT = { timeout: 10_000 };
/** Served slowly enough (~3 s) that the page is seen mid-download. */
const MEDIA_BYTES = 600_000;

/** Sends 'drag:start' through the real preload, as the card's dragstart handler does. */
async function askDrag(page: Harness['page'], ref: unknown): Promise<void> {
  await page.evaluate((r) => {
    (
      globalThis as unknown as { pika: { tasks: { startDrag(r: unknown): void } } }
    ).pika.tasks.startDrag(r);
  }, ref);
}

/** Sends raw arguments on the channel, past the bridge's types (a compromised page). */
async function sendRaw(page: Harness['page'], ...args: unknown[]): Promise<void> {
  await page.evaluate(
    (a) =>
      (globalThis as unknown as Record<string, (c: string, a: unknown[]) => Promise<void>>)[
        '__pikaSend'
      ]!('drag:start', a),
    args,
  );
}

function savedPath(h: Harness, id: string): string {
  const d = h.app.tracker.get(id)?.downloads[id];
  if (d?.status !== 'done') throw new Error(`not downloaded: ${JSON.stringify(d)}`);
  return d.path;
}

describe('finish -> auto-download -> drag-out', () => {
  it('downloads a finished video with progress on the card; the drag resolves to that file', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const downloadDir = h.app.services.settings.get().downloadDir;
    const id = fake.addTask({
      prompt: 'A lighthouse in a storm, slow dolly in',
      queuedMs: 0,
      runMs: 300,
      mediaBytes: MEDIA_BYTES,
    });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 200_000, taskId: id });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);

    // Mid-download: the card shows the download bar and how much has arrived.
    const bar = card.getByRole('progressbar', { name: 'Download progress' });
    await expect.poll(() => progressValue(bar), WAIT).toBeGreaterThan(0);
    const mid = Number(await bar.getAttribute('aria-valuenow'));
    expect(mid).toBeLessThan(100);
    expect(await card.locator('.download-text').textContent()).toMatch(/^\S+ \S+ of \S+ \S+$/);
    expect(h.app.tracker.get(id)!.downloads[id]).toMatchObject({
      status: 'downloading',
      total: MEDIA_BYTES,
    });
    await screenshot(page, 'task-downloading');

    // Finished and saved: the card offers the file.
    await card.getByRole('button', { name: 'Show in folder' }).waitFor(WAIT);
    await screenshot(page, 'task-finished');
    const path = savedPath(h, id);
    // The real downloader wrote the server's exact bytes into the temporary download folder.
    expect(dirname(path)).toBe(await realpath(downloadDir));
    expect(downloadDir.startsWith(join(tmpdir(), 'pika-e2e-'))).toBe(true);
    expect((await readFile(path)).equals(fake.mediaBytes(id))).toBe(true);
    // Auto-download fetched it once, through the CDN route, nothing else.
    const mediaGets = fake.requests.filter((r) => r.path.endsWith('.mp4'));
    expect(mediaGets.map((r) => r.status)).toEqual([200]);

    // The card's own dragstart reaches main, which resolves the file itself.
    expect(await card.getAttribute('draggable')).toBe('true');
    await card.dispatchEvent('dragstart');
    await expect.poll(() => h!.drags, WAIT).toEqual([{ ref: { taskId: id, videoId: id }, path }]);
    expect(h.refused).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('refuses a drag of anything but a downloaded video inside the download folder', async () => {
    h = await startHarness();
    const { page, fake } = h;
    const downloadDir = h.app.services.settings.get().downloadDir;
    const id = fake.addTask({ prompt: 'A paper crane unfolding', queuedMs: 0, runMs: 100 });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    await card.getByRole('button', { name: 'Show in folder' }).waitFor(WAIT);
    const path = savedPath(h, id);
    const ref: VideoRef = { taskId: id, videoId: id };
    // Each refusal below differs from the one before it, so the newest notice tells them apart.
    const refusedWith = (text: string) =>
      expect
        .poll(() => page.locator('.notice-error .notice-text').last().textContent(), WAIT)
        .toContain(`Cannot drag this video: ${text}`);

    // A video id the task does not have, and a task that is not tracked.
    await askDrag(page, { taskId: id, videoId: 'other-video-1' });
    await refusedWith('That video is not part of this task.');
    await askDrag(page, { taskId: 'not-tracked-1', videoId: 'not-tracked-1' });
    await refusedWith('That task is no longer in the list.');

    // A path in the message is never read: the router refuses the call outright.
    await sendRaw(page, { ...ref, path: '/etc/passwd' });
    await sendRaw(page, '/etc/passwd');
    await sendRaw(page, ref, '/etc/passwd');
    await expect.poll(() => h!.refused.length, WAIT).toBe(3);
    expect(h.refused.every((r) => r.startsWith('drag:start: '))).toBe(true);

    // A recorded path outside the folder (a hand-edited or corrupted store).
    const outside = join(dirname(downloadDir), 'outside.mp4');
    await writeFile(outside, fake.mediaBytes(id));
    h.app.tracker.setDownload(id, id, { status: 'done', path: outside, bytes: 1 });
    await askDrag(page, ref);
    await refusedWith('The file is outside the download folder');

    // The file moved out of the folder since it was saved.
    h.app.tracker.setDownload(id, id, { status: 'done', path, bytes: MEDIA_BYTES });
    await rename(path, join(dirname(downloadDir), 'moved.mp4'));
    await askDrag(page, ref);
    await refusedWith('The downloaded file is gone');

    // The file swapped for a link that points out of the folder.
    await symlink(outside, path);
    await askDrag(page, ref);
    await refusedWith('The file is outside the download folder');

    // Put back, the same request drags the file again: the refusals were about the file.
    await rm(path);
    await rename(join(dirname(downloadDir), 'moved.mp4'), path);
    await askDrag(page, ref);
    await expect.poll(() => h!.drags, WAIT).toEqual([{ ref, path }]);
    expect(h.pageErrors).toEqual([]);
  });

  it('a failed download is shown on the task with Retry, which fetches it', async () => {
    h = await startHarness({
      services: { downloadTuning: { retries: 0, backoff: { baseMs: 10, maxMs: 20 } } },
    });
    const { page, fake } = h;
    const id = fake.addTask({ prompt: 'A fox in fresh snow', queuedMs: 0, runMs: 100 });
    // The CDN link is expired, and asking the feed again gives the same dead link.
    fake.fault({ kind: 'media-expired', status: 403, taskId: id });
    await paste(page, id);
    const card = page.locator(`[data-task-id="${id}"]`);
    await card.getByText(/Download failed: .*expired/).waitFor(WAIT);
    expect(h.app.tracker.get(id)!.downloads[id]?.status).toBe('failed');
    expect(await card.getAttribute('draggable')).not.toBe('true');

    fake.clearFaults();
    await card.getByRole('button', { name: 'Retry' }).click();
    await card.getByRole('button', { name: 'Show in folder' }).waitFor(WAIT);
    expect((await readFile(savedPath(h, id))).equals(fake.mediaBytes(id))).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });
});
