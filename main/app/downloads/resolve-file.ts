// Finds a downloaded video on disk for open / reveal / drag-out, and refuses anything that
// is not a regular file of ours once symlinks are resolved: the path comes from stored state,
// which a bad write or a hand edit could have pointed anywhere. "Ours" is a file inside the
// download folder, or a file that our downloader named for this very video (its short id in
// the name, see isNameOfVideo): that keeps videos saved before the user picked another folder
// usable, while a stray path can still only reach a file named for that video.
import { realpathSync, statSync } from 'node:fs';
import { basename, relative, isAbsolute, sep } from 'node:path';
import { isNameOfVideo } from '../../core/download/file-name';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { VideoRef } from '../../../preload/contract';
import { renderMessage, say, type MessageRef } from '../../core/text/message-ref';

/** A refusal's `message` is English; `ref` renders in the reader's language. */
export type ResolvedFile =
  { ok: true; path: string } | { ok: false; message: string; ref?: MessageRef };

function refused(ref: MessageRef): ResolvedFile {
  return { ok: false, message: renderMessage(ref, 'en'), ref };
}

/** True when `child` lies below `parent` (both already real paths); `parent` itself is not. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

type Lookup = ResolvedFile;

/** The checks that need no disk: known task and video, download finished. */
function recordedPath(tracker: Pick<TaskTracker, 'get'>, ref: VideoRef): Lookup {
  const task = tracker.get(ref.taskId);
  if (!task) return refused(say('appErrors.taskGone'));
  if (!task.videos.some((v) => v.id === ref.videoId)) {
    return refused(say('appErrors.videoNotInTask'));
  }
  const download = task.downloads[ref.videoId];
  if (!download || download.status === 'failed') {
    return refused(say('appErrors.notDownloaded'));
  }
  if (download.status === 'downloading') {
    return refused(say('appErrors.stillDownloading'));
  }
  return { ok: true, path: download.path };
}

export function createFileResolver(deps: {
  tracker: Pick<TaskTracker, 'get'>;
  downloadDir(): string;
}): (ref: VideoRef) => Promise<ResolvedFile> {
  // A few metadata calls on one file: the synchronous version is cheap enough here.
  return async (ref) => resolveFileSync(deps.tracker, deps.downloadDir(), ref);
}

/**
 * Resolves synchronously: a drag must start while the mouse button is still down, so
 * there is no time to wait for the event loop.
 */
export function resolveFileSync(
  tracker: Pick<TaskTracker, 'get'>,
  downloadDir: string,
  ref: VideoRef,
): ResolvedFile {
  const recorded = recordedPath(tracker, ref);
  if (!recorded.ok) return recorded;
  let real: string;
  try {
    real = realpathSync(recorded.path);
  } catch {
    return refused(say('appErrors.fileGone'));
  }
  let folder: string | null = null;
  try {
    folder = realpathSync(downloadDir);
  } catch {
    // Checked below: a video named for this id may still be opened from where it was saved.
  }
  const inFolder = folder !== null && isInside(folder, real);
  if (!inFolder && !isNameOfVideo(basename(real), ref.videoId)) {
    return refused(say(folder === null ? 'appErrors.folderGone' : 'appErrors.outsideFolder'));
  }
  let isFile = false;
  try {
    isFile = statSync(real).isFile();
  } catch {
    // treated as not a file
  }
  if (!isFile) return refused(say('appErrors.notAFile'));
  return { ok: true, path: real };
}
