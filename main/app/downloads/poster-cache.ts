// Keeps a local copy of each finished video's poster, so a drag-out can show it under the
// pointer: webContents.startDrag needs its icon at once, from disk, while the mouse button is
// down — there is no time to fetch an image then. Posters go in a cache folder of their own
// (never the user's download folder), named by hashes of the task and video ids (an id from
// the server never becomes a path), and are deleted with their task.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentLength, discardBody, requestMedia } from '../../core/download/media-request';
import type { FeedVideo } from '../../core/api/types';
import type { MediaAccess } from '../../core/http/media-access';
import type { TrackedTask } from '../../core/tasks/model';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { VideoRef } from '../../../preload/contract';

export interface PosterCache {
  /** The cached poster of a video, or null when there is none yet (fetching it then starts,
   * so the next drag has it: a task that finished before this ran). Synchronous. */
  pathFor(ref: VideoRef): string | null;
  /** Fetches the posters of the task's finished videos that are not cached yet. */
  fetchFor(task: TrackedTask): Promise<void>;
  /** Resolves once the fetches under way have ended (tests, quitting). */
  idle(): Promise<void>;
  /** Stops listening and abandons fetches under way. */
  close(): void;
}

/** A drag icon needs no more; a bigger answer is not a poster. */
export const POSTER_MAX_BYTES = 2_000_000;
const TIMEOUT_MS = 15_000;

/** The small thumbnail is enough for a drag image; the full poster when there is none. */
function posterUrlOf(video: FeedVideo): string | null {
  return video.imageThumb || video.videoPoster || null;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

export function createPosterCache(deps: {
  dir: string;
  tracker: Pick<TaskTracker, 'on' | 'off' | 'list' | 'get'>;
  timeoutMs?: number;
  log?: (message: string) => void;
  /** Network configuration and guard for poster hosts, read per fetch; default: proxy
   * variables, unguarded. */
  access?: () => MediaAccess;
}): PosterCache {
  const prefixOf = (taskId: string): string => `${hash(taskId)}-`;
  const fileOf = (ref: VideoRef): string =>
    join(deps.dir, `${prefixOf(ref.taskId)}${hash(ref.videoId)}.img`);
  const inFlight = new Map<string, Promise<void>>();
  const controllers = new Set<AbortController>();
  let closed = false;

  const download = async (file: string, url: string): Promise<void> => {
    const controller = new AbortController();
    controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? TIMEOUT_MS);
    const part = `${file}.${process.pid}.part`;
    try {
      const response = await requestMedia(url, {
        rangeStart: 0,
        signal: controller.signal,
        maxRedirects: 5,
        ...(deps.access === undefined ? {} : { access: deps.access() }),
      });
      const type = response.headers.get('content-type') ?? '';
      if (
        response.status !== 200 ||
        !type.startsWith('image/') ||
        (contentLength(response.headers) ?? 0) > POSTER_MAX_BYTES
      ) {
        discardBody(response);
        throw new Error(`the server answered HTTP ${response.status} ${type}`.trim());
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > POSTER_MAX_BYTES) {
          discardBody(response);
          // eslint-disable-next-line main-text/no-literal-error-text -- a poster that fails is logged and the card keeps its placeholder
          throw new Error('the image is too large');
        }
        chunks.push(chunk);
      }
      await mkdir(deps.dir, { recursive: true });
      // Written aside and renamed: a drag never picks up half an image.
      await writeFile(part, Buffer.concat(chunks));
      await rename(part, file);
    } catch (error) {
      await rm(part, { force: true });
      if (!closed) deps.log?.(`No poster for the drag image: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
  };

  const fetchFor = async (task: TrackedTask): Promise<void> => {
    const jobs: Promise<void>[] = [];
    for (const video of task.videos) {
      const url = posterUrlOf(video);
      const file = fileOf({ taskId: task.id, videoId: video.id });
      if (closed || video.state !== 'finished' || !url || existsSync(file)) continue;
      let job = inFlight.get(file);
      if (!job) {
        job = download(file, url).finally(() => inFlight.delete(file));
        inFlight.set(file, job);
      }
      jobs.push(job);
    }
    await Promise.all(jobs);
  };

  /** Deletes the posters of tasks that are no longer in the list. */
  const prune = async (keep: (name: string) => boolean): Promise<void> => {
    const names = await readdir(deps.dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => !keep(n)).map((n) => rm(join(deps.dir, n), { force: true })),
    );
  };

  const onFinished = (task: TrackedTask): void => void fetchFor(task);
  const onRemoved = (taskId: string): void =>
    void prune((name) => !name.startsWith(prefixOf(taskId)));
  deps.tracker.on('finished', onFinished);
  deps.tracker.on('removed', onRemoved);
  // Posters left by tasks removed while the app was not running, and parts left by a crash.
  const tracked = new Set(deps.tracker.list().map((t) => prefixOf(t.id)));
  const ours = `.${process.pid}.part`;
  void prune(
    (name) =>
      name.endsWith(ours) ||
      (name.endsWith('.img') && tracked.has(name.slice(0, name.indexOf('-') + 1))),
  );

  return {
    pathFor(ref) {
      const file = fileOf(ref);
      if (existsSync(file)) return file;
      const task = deps.tracker.get(ref.taskId);
      if (task) void fetchFor(task);
      return null;
    },
    fetchFor,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
    close() {
      closed = true;
      deps.tracker.off('finished', onFinished);
      deps.tracker.off('removed', onRemoved);
      for (const controller of controllers) controller.abort();
    },
  };
}
