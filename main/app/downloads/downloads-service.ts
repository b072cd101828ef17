// Downloads finished videos: automatically when a task finishes (if the setting is on), when
// the user presses Download, and again after a restart for downloads that were cut off.
// Every step is recorded on the task (tracker.setDownload), so the renderer shows progress,
// the saved file, or why it failed. Electron-free: runs in the app and the e2e harness.
import { mkdir } from 'node:fs/promises';
import { defaultHttpLayer } from '../../core/http/http-layer';
import { mediaAccessFor, type MediaAccess } from '../../core/http/media-access';
import {
  createDownloadQueue,
  doneRecord,
  downloadingRecord,
  failedRecord,
  previousOf,
  type DownloadQueue,
  type VideoToDownload,
} from '../../core/download';
import type { TrackedTask } from '../../core/tasks/model';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { say } from '../../core/text/message-ref';
import { TextError } from '../../core/text/text-error';
import type { VideoRef } from '../../../preload/contract';
import type { DownloadsPort, PikaClientPort, SettingsPort } from '../services';

export interface DownloadsService extends DownloadsPort {
  readonly queue: DownloadQueue;
  /** Stops listening and cancels running downloads (their .part files are kept). */
  close(): void;
}

function videoToDownload(task: TrackedTask, videoId: string): VideoToDownload {
  const video = task.videos.find((v) => v.id === videoId);
  if (!video) {
    // While queued the feed lists no videos yet.
    throw new TextError(
      say(task.state === 'finished' ? 'appErrors.videoNotInTask' : 'appErrors.notReady'),
    );
  }
  if (video.state !== 'finished' || !video.resultUrl) {
    throw new TextError(say('appErrors.notReady'));
  }
  return {
    taskId: task.id,
    videoId,
    url: video.resultUrl,
    prompt: task.promptText,
    seed: video.seed,
  };
}

export function createDownloadsService(deps: {
  tracker: TaskTracker;
  settings: Pick<SettingsPort, 'get'>;
  client: Pick<PikaClientPort, 'getTask'>;
  concurrency?: number;
  /** Passed to the downloader (tests shorten retries and timeouts). */
  tuning?: {
    retries?: number;
    backoff?: { baseMs: number; maxMs: number };
    idleTimeoutMs?: number;
  };
  log?: (message: string) => void;
  /** Network configuration and guard for video hosts, read per download; default: proxy
   * variables, guarded unless the gateway setting is local (issue 16). */
  access?: () => MediaAccess;
}): DownloadsService {
  const { tracker, settings } = deps;
  const queue = createDownloadQueue({
    dir: () => settings.get().downloadDir,
    access: deps.access ?? (() => mediaAccessFor(defaultHttpLayer(), settings.get().baseUrl)),
    ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
    ...deps.tuning,
    // The CDN link may have expired: ask the feed for a fresh one (once per download).
    refreshUrl: async (taskId, videoId) => {
      const fresh = await deps.client.getTask(taskId);
      return fresh.videos.find((v) => v.id === videoId)?.resultUrl ?? null;
    },
  });
  const record = (video: VideoToDownload, download: Parameters<TaskTracker['setDownload']>[2]) => {
    // The task may have been removed meanwhile: nothing to record then.
    if (tracker.get(video.taskId)) tracker.setDownload(video.taskId, video.videoId, download);
  };
  const offs = [
    queue.on('progress', (video, progress) => record(video, downloadingRecord(progress))),
    queue.on('done', (video, result) => record(video, doneRecord(result))),
    queue.on('failed', (video, error) =>
      record(
        video,
        error.kind === 'aborted'
          ? failedRecord(new TextError(say('download.stopped')))
          : failedRecord(error),
      ),
    ),
  ];

  const start = async (ref: VideoRef): Promise<void> => {
    const task = tracker.get(ref.taskId);
    if (!task) throw new TextError(say('appErrors.taskGone'));
    const video = videoToDownload(task, ref.videoId);
    if (queue.has(ref.videoId)) return;
    const dir = settings.get().downloadDir;
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      const failure = new TextError(
        say('download.folderNotCreated', dir, (error as Error).message),
        { cause: error },
      );
      record(video, failedRecord(failure));
      throw failure;
    }
    record(video, { status: 'downloading', bytes: 0, total: null, rate: null });
    // The outcome arrives through the queue's events; the promise is only for callers.
    void queue.enqueue(video, { previous: previousOf(task.downloads[ref.videoId]) });
  };

  const startQuietly = (ref: VideoRef): void => {
    start(ref).catch((error: unknown) =>
      deps.log?.(`Download not started: ${(error as Error).message}`),
    );
  };
  const downloadAll = (task: TrackedTask, only: (videoId: string) => boolean): void => {
    for (const video of task.videos) {
      if (video.state === 'finished' && video.resultUrl && only(video.id)) {
        startQuietly({ taskId: task.id, videoId: video.id });
      }
    }
  };
  const onFinished = (task: TrackedTask): void => {
    if (!settings.get().autoDownload) return;
    // Already saved videos are not fetched again (a re-check can finish a task twice).
    downloadAll(task, (videoId) => task.downloads[videoId]?.status !== 'done');
  };
  tracker.on('finished', onFinished);

  // Downloads cut off by a quit or crash resume from their .part file.
  for (const task of tracker.list()) {
    if (task.state !== 'finished') continue;
    downloadAll(task, (videoId) => task.downloads[videoId]?.status === 'downloading');
  }

  const notDownloaded = (): VideoRef[] => {
    const refs: VideoRef[] = [];
    for (const task of tracker.list()) {
      for (const video of task.videos) {
        if (video.state !== 'finished' || !video.resultUrl || queue.has(video.id)) continue;
        if (task.downloads[video.id]?.status === 'done') continue;
        refs.push({ taskId: task.id, videoId: video.id });
      }
    }
    return refs;
  };

  return {
    queue,
    start,
    notDownloaded,
    async downloadAllFinished() {
      let started = 0;
      for (const ref of notDownloaded()) {
        try {
          await start(ref);
          started++;
        } catch (error) {
          deps.log?.(`Download not started: ${(error as Error).message}`);
        }
      }
      return started;
    },
    close() {
      // Listeners go first: cut-off downloads stay recorded as 'downloading' and resume.
      tracker.off('finished', onFinished);
      for (const off of offs) off();
      queue.cancelAll();
    },
  };
}
