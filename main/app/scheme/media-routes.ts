// app://poster/<task>/<video> and app://video/<task>/<video>: the images and videos the
// window shows, served by main. The page names a video only by its task and video ids; main
// looks the rest up (the cached poster file, the downloaded file or the result URL), so the
// renderer never fetches a remote host nor names a path on disk.
//
// A video not downloaded yet is streamed through main from its result URL rather than loaded
// by the page from https: (which would need media-src https: — any host — in the page's
// policy): main's HTTP client is the one that knows the user's proxy, and the page's policy
// stays 'self' plus the app's own routes.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { FeedVideo } from '../../core/api/types';
import { isValidTaskId } from '../../core/tasks/task-id';
import type { TrackedTask } from '../../core/tasks/model';
import type { VideoRef } from '../../../preload/contract';
import type { ResolvedFile } from '../downloads/resolve-file';
import type { RouteHandler } from './app-scheme';
import { readRange } from './byte-range';

const VIDEO_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** `/<task>/<video>` → the reference, or null when either id is not well-formed. */
export function refFromPath(path: string): VideoRef | null {
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== '') return null;
  const [, taskId = '', videoId = ''] = parts;
  if (!isValidTaskId(taskId) || !VIDEO_ID.test(videoId)) return null;
  return { taskId, videoId };
}

/** The path the page asks for: both ids URL-encoded (they are already URL-safe). */
export function mediaPath(ref: VideoRef): string {
  return `/${encodeURIComponent(ref.taskId)}/${encodeURIComponent(ref.videoId)}`;
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
const notFound = () => text(404, 'Not found');

interface Lookup {
  get(taskId: string): TrackedTask | undefined;
}

function videoOf(tracker: Lookup, ref: VideoRef): { task: TrackedTask; video: FeedVideo } | null {
  const task = tracker.get(ref.taskId);
  const video = task?.videos.find((v) => v.id === ref.videoId);
  return task && video ? { task, video } : null;
}

/** The image type from the file's first bytes: the cache stores posters as `.img`. */
function imageType(head: Buffer): string | null {
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === '\x89PNG') return 'image/png';
  if (head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (head.subarray(0, 3).toString('latin1') === 'GIF') return 'image/gif';
  return null;
}

export interface PosterSource {
  pathFor(ref: VideoRef): string | null;
  fetchFor(task: TrackedTask): Promise<void>;
}

/** Posters from the poster cache; one not cached yet is fetched first (the page waits). */
export function posterRoute(deps: { tracker: Lookup; posters: PosterSource }): RouteHandler {
  return async ({ path }) => {
    const ref = refFromPath(path);
    const found = ref && videoOf(deps.tracker, ref);
    if (!ref || !found || found.video.state !== 'finished') return notFound();
    let file = deps.posters.pathFor(ref);
    if (!file) {
      await deps.posters.fetchFor(found.task);
      file = deps.posters.pathFor(ref);
    }
    if (!file) return notFound();
    const handle = await open(file, 'r').catch(() => null);
    if (!handle) return notFound();
    try {
      const body = await handle.readFile();
      const type = imageType(body);
      if (!type) return notFound();
      return new Response(body, {
        status: 200,
        // A poster of a finished video never changes: scrolling back needs no new read.
        headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=86400' },
      });
    } finally {
      await handle.close();
    }
  };
}

const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
};

/** Serves one file with Range support: 206 + Content-Range for a part, 416 when past it. */
export async function serveFileRange(
  file: string,
  rangeHeader: string | null,
  type: string,
): Promise<Response> {
  const info = await stat(file);
  const size = info.size;
  const range = readRange(rangeHeader, size);
  const common = { 'Content-Type': type, 'Accept-Ranges': 'bytes' };
  if (range.kind === 'unsatisfiable') {
    return text(416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}` });
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  const body =
    size === 0
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range.kind === 'part' ? 206 : 200,
    headers: {
      ...common,
      'Content-Length': String(size === 0 ? 0 : end - start + 1),
      ...(range.kind === 'part' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    },
  });
}

/** What streams a video that is not downloaded from its result URL (main's HTTP client). */
export type RemoteMedia = (
  url: string,
  range: string | null,
  signal: AbortSignal | undefined,
) => Promise<Response>;

export function videoRoute(deps: {
  tracker: Lookup;
  /** The checks drag-out and open use: the recorded file, inside the download folder. */
  resolveFile(ref: VideoRef): ResolvedFile;
  remote?: RemoteMedia;
}): RouteHandler {
  return async ({ path, headers, signal }) => {
    const ref = refFromPath(path);
    const found = ref && videoOf(deps.tracker, ref);
    if (!ref || !found || found.video.state !== 'finished') return notFound();
    const range = headers?.get('range') ?? null;
    const download = found.task.downloads[ref.videoId];
    if (download?.status === 'done') {
      const file = deps.resolveFile(ref);
      // Recorded as downloaded but refused (gone, moved out of the folder): never served.
      if (!file.ok) return text(404, file.message);
      const type = VIDEO_TYPES[extname(file.path).toLowerCase()] ?? 'video/mp4';
      return serveFileRange(file.path, range, type);
    }
    const url = found.video.resultUrl;
    if (!url || !deps.remote || !/^https?:\/\//i.test(url)) return notFound();
    return deps.remote(url, range, signal);
  };
}
