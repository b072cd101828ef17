// Turning auto-download on in Settings offers the videos that finished before it was on, and
// "Download all finished" saves them through the real handlers and downloader.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app-harness';
import { paste } from './harness/page-actions';
import { horizontalOverflow } from './harness/page-probes';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

let h: Harness | undefined;
const startHarness = useHarness();
const WAIT = { timeout: 10_000 };

describe('download all finished', () => {
  it('turning auto-download on offers the finished videos with a count and saves them', async () => {
    h = await startHarness({ services: { settings: { autoDownload: false } } });
    const { page, fake } = h;
    const ids = [
      fake.addTask({ prompt: 'A kite over dunes', queuedMs: 0, runMs: 50, mediaBytes: 60_000 }),
      fake.addTask({ prompt: 'Rain on a tin roof', queuedMs: 0, runMs: 50, mediaBytes: 40_000 }),
    ];
    await paste(page, ids.join('\n'));
    await expect
      .poll(() => ids.every((id) => h!.app.tracker.get(id)?.state === 'finished'), WAIT)
      .toBe(true);
    // Auto-download was off: nothing was fetched.
    expect(fake.requests.filter((r) => r.path.endsWith('.mp4'))).toEqual([]);

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByText('Download finished videos automatically').click();
    await page.getByText('2 videos that finished earlier are not downloaded.').waitFor(WAIT);
    expect(h.app.services.settings.get().autoDownload).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page
      .getByRole('group', { name: 'Finished videos not downloaded' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-download-all-offer');

    await page.getByRole('button', { name: 'Download all finished (2)' }).click();
    await page.getByText('Downloading 2 videos; their progress shows in Tasks.').waitFor(WAIT);
    for (const id of ids) {
      await expect.poll(() => h!.app.tracker.get(id)?.downloads[id]?.status, WAIT).toBe('done');
      const record = h.app.tracker.get(id)!.downloads[id] as { path: string };
      expect((await readFile(record.path)).equals(fake.mediaBytes(id))).toBe(true);
    }
    await screenshot(page, 'settings-download-all-started');
    expect(h.pageErrors).toEqual([]);
  });
});
