// What a card shows for a task or one of its videos, decided apart from the markup so the
// rules (which actions apply, what the height is) stay in one tested place.
import type { FeedVideo, TrackedTask, VideoDownload, VideoRef } from '../../../preload/contract';
import { messages } from '../i18n/i18n';

const KNOWN_STATUSES = new Set(['queued', 'pending', 'finished', 'error']);

/** The server's status when it is one we do not know (shown raw beside the badge). */
export function unknownStatus(video: FeedVideo | undefined): string | null {
  if (!video || KNOWN_STATUSES.has(video.status)) return null;
  return video.status || null;
}

export function refOf(task: TrackedTask, video: FeedVideo): VideoRef {
  return { taskId: task.id, videoId: video.id };
}

export function downloadOf(task: TrackedTask, video: FeedVideo): VideoDownload | undefined {
  return task.downloads[video.id];
}

export function isDownloaded(task: TrackedTask, video: FeedVideo): boolean {
  return downloadOf(task, video)?.status === 'done';
}

/** The first video that can be dragged out (downloaded), if any. */
export function draggableVideo(task: TrackedTask): FeedVideo | undefined {
  return task.videos.find((v) => isDownloaded(task, v));
}

/** The video whose poster the card shows: the first finished one that has a poster. Main
 * serves it from app://poster (its own cache), so the page never loads a CDN URL. */
export function posterRef(task: TrackedTask): VideoRef | null {
  const video = task.videos.find((v) => v.state === 'finished' && (v.videoPoster || v.imageThumb));
  return video ? refOf(task, video) : null;
}

/** The video a card previews: the first finished one that is saved or has a result URL. */
export function previewRef(task: TrackedTask): VideoRef | null {
  const video = task.videos.find(
    (v) => v.state === 'finished' && (isDownloaded(task, v) || !!v.resultUrl),
  );
  return video ? refOf(task, video) : null;
}

/** The text under the prompt: the server's error when failed, else the last polling error. */
export function errorText(task: TrackedTask): string | null {
  if (task.state === 'failed') {
    // The gateway's own words, marked as such (they often come in Chinese either way).
    const reason = task.videos.find((v) => v.error)?.error;
    if (reason) return messages().app.serverSaid(reason);
    return task.lastError?.message || messages().card.generationFailed;
  }
  return task.lastError?.message ?? null;
}

export function taskDuration(task: TrackedTask): number | null {
  return task.videos.find((v) => v.duration != null)?.duration ?? null;
}

export function taskSeed(task: TrackedTask): number | null {
  return task.videos.find((v) => v.seed != null)?.seed ?? null;
}

/** A download in progress or failed gets its own line (bar, or error with Retry). */
export function hasDownloadLine(task: TrackedTask, video: FeedVideo): boolean {
  const d = downloadOf(task, video);
  return d !== undefined && d.status !== 'done';
}

/** Fixed pixel heights, so the list can window without measuring. Kept in step with CSS. */
export const CARD = {
  base: 112,
  errorLine: 18,
  downloadLine: 24,
  videoRow: 44,
  gap: 8,
} as const;

export function cardHeight(task: TrackedTask): number {
  let h = CARD.base;
  if (errorText(task)) h += CARD.errorLine;
  if (task.videos.length > 1) h += task.videos.length * CARD.videoRow;
  else if (task.videos[0] && hasDownloadLine(task, task.videos[0])) h += CARD.downloadLine;
  return h + CARD.gap;
}
