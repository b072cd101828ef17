// Finds a downloaded video on disk for open / reveal / drag-out, and refuses anything that
// is not a regular file inside the download folder once symlinks are resolved: the path
// comes from stored state, which a bad write or a hand edit could have pointed anywhere.
import { realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { VideoRef } from '../../../preload/contract';

export type ResolvedFile = { ok: true; path: string } | { ok: false; message: string };

/** True when `child` is `parent` itself or below it (both already real paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function createFileResolver(deps: {
  tracker: Pick<TaskTracker, 'get'>;
  downloadDir(): string;
}): (ref: VideoRef) => Promise<ResolvedFile> {
  return async (ref) => {
    const task = deps.tracker.get(ref.taskId);
    if (!task) return { ok: false, message: 'That task is no longer in the list.' };
    if (!task.videos.some((v) => v.id === ref.videoId)) {
      return { ok: false, message: 'That video is not part of this task.' };
    }
    const download = task.downloads[ref.videoId];
    if (!download || download.status === 'failed') {
      return { ok: false, message: 'The video has not been downloaded yet.' };
    }
    if (download.status === 'downloading') {
      return { ok: false, message: 'The video is still downloading.' };
    }
    let real: string;
    let folder: string;
    try {
      real = await realpath(download.path);
    } catch {
      return {
        ok: false,
        message: 'The downloaded file is gone (moved or deleted). Download it again.',
      };
    }
    try {
      folder = await realpath(deps.downloadDir());
    } catch {
      return { ok: false, message: 'The download folder does not exist any more.' };
    }
    if (!isInside(folder, real)) {
      return {
        ok: false,
        message: 'The file is outside the download folder, so Pika Tray will not open it.',
      };
    }
    const info = await stat(real).catch(() => null);
    if (!info?.isFile())
      return { ok: false, message: 'The downloaded file is not a regular file.' };
    return { ok: true, path: real };
  };
}
