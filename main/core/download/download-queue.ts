// Runs video downloads a few at a time. The app (auto-download, "Download" button, drag-out
// of a video not yet on disk) and the command line enqueue videos here; asking twice for the
// same video joins the download already queued or running instead of starting another.
import { say } from '../text/message-ref';
import { DownloadError, abortedError } from './download-error';
import {
  downloadVideo,
  type DownloadOptions,
  type DownloadProgress,
  type DownloadResult,
  type VideoToDownload,
} from './download-video';

export interface DownloadQueueEvents {
  /** The download left the queue and its first request is going out. */
  started: [video: VideoToDownload];
  progress: [video: VideoToDownload, progress: DownloadProgress];
  done: [video: VideoToDownload, result: DownloadResult];
  /** Includes cancellations (error.kind === 'aborted'). */
  failed: [video: VideoToDownload, error: DownloadError];
}

/** Options shared by every download of the queue. */
export type QueueOptions = Omit<
  DownloadOptions,
  'dir' | 'signal' | 'onProgress' | 'previous' | 'refreshUrl'
> & {
  /** Most downloads at once. Default 2. */
  concurrency?: number;
  /** The download folder, read when each download starts (the setting may change). */
  dir: () => string;
  refreshUrl?: DownloadOptions['refreshUrl'];
};

export interface EnqueueOptions {
  /** Overrides the queue's folder for this video. */
  dir?: string;
  previous?: DownloadOptions['previous'];
}

export interface DownloadQueue {
  /** Queues one video; resolves when saved, rejects with a DownloadError. */
  enqueue(video: VideoToDownload, options?: EnqueueOptions): Promise<DownloadResult>;
  /** Cancels a queued or running download (a running one keeps its `.part`). */
  cancel(videoId: string): boolean;
  cancelAll(): void;
  /** True while the video is queued or downloading. */
  has(videoId: string): boolean;
  counts(): { running: number; queued: number };
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
  on<E extends keyof DownloadQueueEvents>(
    event: E,
    listener: (...args: DownloadQueueEvents[E]) => void,
  ): () => void;
}

interface Job {
  video: VideoToDownload;
  options: EnqueueOptions;
  controller: AbortController;
  promise: Promise<DownloadResult>;
  resolve: (result: DownloadResult) => void;
  reject: (error: DownloadError) => void;
  running: boolean;
}

type AnyListener = (...args: unknown[]) => void;

export function createDownloadQueue(options: QueueOptions): DownloadQueue {
  const { concurrency = 2, dir, ...shared } = options;
  const limit = Math.max(1, Math.floor(concurrency));
  const jobs = new Map<string, Job>();
  const waiting: Job[] = [];
  const listeners = new Map<keyof DownloadQueueEvents, Set<AnyListener>>();
  let idleWaiters: (() => void)[] = [];
  let running = 0;

  function emit<E extends keyof DownloadQueueEvents>(event: E, ...args: DownloadQueueEvents[E]) {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(...(args as unknown[]));
      } catch {
        // A listener's bug must not stop the queue.
      }
    }
  }

  function settleIdle() {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  function pump() {
    while (running < limit && waiting.length > 0) {
      const job = waiting.shift()!;
      void run(job);
    }
    settleIdle();
  }

  async function run(job: Job) {
    running++;
    job.running = true;
    emit('started', job.video);
    try {
      const result = await downloadVideo(job.video, {
        ...shared,
        dir: job.options.dir ?? dir(),
        previous: job.options.previous ?? null,
        signal: job.controller.signal,
        onProgress: (progress) => emit('progress', job.video, progress),
      });
      emit('done', job.video, result);
      job.resolve(result);
    } catch (error) {
      const failure =
        error instanceof DownloadError
          ? error
          : new DownloadError('file-system', say('download.failed', String(error)), {
              cause: error,
            });
      emit('failed', job.video, failure);
      job.reject(failure);
    } finally {
      jobs.delete(job.video.videoId);
      running--;
      pump();
    }
  }

  return {
    enqueue(video, enqueueOptions = {}) {
      const existing = jobs.get(video.videoId);
      if (existing) return existing.promise;
      let resolve!: Job['resolve'];
      let reject!: Job['reject'];
      const promise = new Promise<DownloadResult>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Callers that only listen to events must not see unhandled rejections.
      promise.catch(() => undefined);
      const job: Job = {
        video,
        options: enqueueOptions,
        controller: new AbortController(),
        promise,
        resolve,
        reject,
        running: false,
      };
      jobs.set(video.videoId, job);
      waiting.push(job);
      pump();
      return promise;
    },
    cancel(videoId) {
      const job = jobs.get(videoId);
      if (!job) return false;
      if (job.running) {
        job.controller.abort();
        return true;
      }
      waiting.splice(waiting.indexOf(job), 1);
      jobs.delete(videoId);
      const error = abortedError();
      emit('failed', job.video, error);
      job.reject(error);
      settleIdle();
      return true;
    },
    cancelAll() {
      for (const videoId of [...jobs.keys()]) this.cancel(videoId);
    },
    has: (videoId) => jobs.has(videoId),
    counts: () => ({ running, queued: waiting.length }),
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
  };
}
