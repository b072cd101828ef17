import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackedTask, VideoDownload } from '../../core/tasks/model';
import { videoFileName } from '../../core/download/file-name';
import { createFileResolver, isInside } from './resolve-file';

let root: string;
let downloads: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pika-resolve-'));
  downloads = join(root, 'Pika');
  await mkdir(downloads);
});
afterEach(() => rm(root, { recursive: true, force: true }));

function resolverFor(download: VideoDownload | undefined) {
  const task = {
    id: 't1',
    videos: [{ id: 'v1' }],
    downloads: download ? { v1: download } : {},
  } as unknown as TrackedTask;
  return createFileResolver({
    tracker: { get: (id) => (id === 't1' ? task : undefined) },
    downloadDir: () => downloads,
  });
}
const ref = { taskId: 't1', videoId: 'v1' };

describe('file resolver', () => {
  it('finds a downloaded file inside the download folder', async () => {
    const file = join(downloads, 'cat.mp4');
    await writeFile(file, 'x');
    await expect(resolverFor({ status: 'done', path: file, bytes: 1 })(ref)).resolves.toEqual({
      ok: true,
      path: file,
    });
  });

  it.each([
    ['not downloaded', undefined, /not been downloaded/],
    ['downloading', { status: 'downloading', bytes: 1, total: 2, rate: null }, /still downloading/],
    ['failed', { status: 'failed', message: 'x' }, /not been downloaded/],
  ] as const)('refuses a video that is %s', async (_n, download, message) => {
    await expect(resolverFor(download as VideoDownload | undefined)(ref)).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(message),
    });
  });

  it('refuses unknown tasks and videos', async () => {
    const r = resolverFor(undefined);
    expect(await r({ taskId: 'nope', videoId: 'v1' })).toMatchObject({ ok: false });
    expect(await r({ taskId: 't1', videoId: 'v9' })).toMatchObject({ ok: false });
  });

  it('refuses a missing file', async () => {
    const result = await resolverFor({
      status: 'done',
      path: join(downloads, 'gone.mp4'),
      bytes: 1,
    })(ref);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/gone/) });
  });

  it('refuses a file outside the folder, also through .. and symlinks', async () => {
    const outside = join(root, 'secret.txt');
    await writeFile(outside, 'x');
    await symlink(outside, join(downloads, 'link.mp4'));
    await symlink(root, join(downloads, 'up'));
    for (const path of [
      outside,
      join(downloads, '..', 'secret.txt'),
      join(downloads, 'link.mp4'),
      join(downloads, 'up', 'secret.txt'),
    ]) {
      expect(await resolverFor({ status: 'done', path, bytes: 1 })(ref)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/outside the download folder/),
      });
    }
  });

  it('opens a video saved in an earlier download folder, named for this very video', async () => {
    const earlier = join(root, 'Old videos');
    await mkdir(earlier);
    const file = join(earlier, videoFileName({ prompt: 'a cat', seed: 7, videoId: 'v1' }));
    await writeFile(file, 'x');
    await expect(resolverFor({ status: 'done', path: file, bytes: 1 })(ref)).resolves.toEqual({
      ok: true,
      path: file,
    });
    // Also when the current folder has since been removed.
    await rm(downloads, { recursive: true });
    await expect(resolverFor({ status: 'done', path: file, bytes: 1 })(ref)).resolves.toEqual({
      ok: true,
      path: file,
    });
  });

  it("refuses a file elsewhere named for another video, or linked under this one's name", async () => {
    const earlier = join(root, 'Old videos');
    await mkdir(earlier);
    const other = join(earlier, videoFileName({ prompt: 'a cat', seed: 7, videoId: 'v2' }));
    await writeFile(other, 'x');
    const secret = join(root, 'secret.txt');
    await writeFile(secret, 'x');
    const link = join(earlier, videoFileName({ prompt: 'a dog', seed: 7, videoId: 'v1' }));
    await symlink(secret, link);
    for (const path of [other, link]) {
      expect(await resolverFor({ status: 'done', path, bytes: 1 })(ref)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/outside the download folder/),
      });
    }
    await rm(downloads, { recursive: true });
    expect(await resolverFor({ status: 'done', path: other, bytes: 1 })(ref)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/download folder does not exist/),
    });
  });

  it('refuses a directory', async () => {
    await mkdir(join(downloads, 'dir.mp4'));
    expect(
      await resolverFor({ status: 'done', path: join(downloads, 'dir.mp4'), bytes: 1 })(ref),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) });
  });

  it('isInside is exact about prefixes', () => {
    expect(isInside('/a/Pika', '/a/Pika/x.mp4')).toBe(true);
    expect(isInside('/a/Pika', '/a/Pika2/x.mp4')).toBe(false);
    expect(isInside('/a/Pika', '/a/Pika')).toBe(false);
    expect(isInside('/a/Pika', '/a/Pika/..x/y')).toBe(true);
  });
});
