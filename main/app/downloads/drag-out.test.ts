import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackedTask, VideoDownload } from '../../core/tasks/model';
import { createDragStart } from './drag-out';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pika-drag-'));
  await mkdir(join(root, 'Pika'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

function setup(download: VideoDownload | undefined, startThrows = false) {
  const task = {
    id: 't',
    videos: [{ id: 'v' }],
    downloads: download ? { v: download } : {},
  } as unknown as TrackedTask;
  const log: string[] = [];
  const drag = createDragStart<string>({
    tracker: { get: (id) => (id === 't' ? task : undefined) },
    downloadDir: () => join(root, 'Pika'),
    start: (sender, file) => {
      if (startThrows) throw new Error('no drag session');
      log.push(`${sender} start ${file}`);
    },
    refuse: (sender, info) => log.push(`${sender} refuse ${info.ref.videoId} ${info.message}`),
  });
  return { drag, log };
}

describe('drag-out', () => {
  it('starts the drag of a downloaded file at once (synchronously)', async () => {
    const file = join(root, 'Pika', 'cat.mp4');
    await writeFile(file, 'x');
    const { drag, log } = setup({ status: 'done', path: file, bytes: 1 });
    drag('win', { taskId: 't', videoId: 'v' });
    expect(log).toEqual([`win start ${file}`]);
  });

  it('refuses with the reason when the video is not on disk or outside the folder', async () => {
    await writeFile(join(root, 'outside.mp4'), 'x');
    for (const [download, why] of [
      [undefined, /not been downloaded/],
      [{ status: 'downloading', bytes: 1, total: 9, rate: null }, /still downloading/],
      [{ status: 'done', path: join(root, 'Pika', 'gone.mp4'), bytes: 1 }, /gone/],
      [
        { status: 'done', path: join(root, 'outside.mp4'), bytes: 1 },
        /outside the download folder/,
      ],
    ] as const) {
      const { drag, log } = setup(download as VideoDownload | undefined);
      drag('win', { taskId: 't', videoId: 'v' });
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(/^win refuse v /);
      expect(log[0]).toMatch(why);
    }
  });

  it('refuses when the OS drag cannot start', async () => {
    const file = join(root, 'Pika', 'cat.mp4');
    await writeFile(file, 'x');
    const { drag, log } = setup({ status: 'done', path: file, bytes: 1 }, true);
    drag('win', { taskId: 't', videoId: 'v' });
    expect(log).toEqual(['win refuse v The drag could not start: no drag session']);
  });
});
