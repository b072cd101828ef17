// Downloads one finished video to the download folder.
//
// The body streams to `<name>.part` through two bounded batches, one being written while the
// socket fills the other (the socket pauses when both are busy, so memory stays flat whatever
// the size: see body-writer.ts), is checked against the announced length, flushed to disk
// (partly behind the writes, finally before placing), and only then linked into place under a
// name that never replaces another file. A crash or Ctrl-C at
// any moment leaves at most the `.part`, which the next attempt resumes with a Range request.
// Network errors and 5xx are retried with backoff; an expired link (403/404/410) is refreshed
// once through the caller; problems only the user can fix (disk full, folder missing or not
// writable) fail at once with a message that says what to do.
import { join } from 'node:path';
import { DownloadError, abortedError, fileSystemError } from './download-error';
import { isNameOfVideo, numberedName, partName, videoFileName } from './file-name';
import { nodeFs, type DownloadFs, type WritableFile } from './fs-port';
import { WriteFailure, writeBody } from './body-writer';
import {
  checkMediaUrl,
  contentLength,
  parseContentRange,
  rangeValidator,
  retryAfterMs,
} from './media-request';
import { openMediaStream, type MediaStreamResponse as MediaResponse } from './media-stream';
import type { MediaAccess } from '../http/media-access';
import { createProgressMeter, type DownloadProgress, type ProgressMeter } from './progress-meter';

export type { DownloadProgress } from './progress-meter';

export interface VideoToDownload {
  taskId: string;
  videoId: string;
  /** The video's result URL from the feed. */
  url: string;
  /** The task's prompt and the video's seed, for the file name. */
  prompt: string;
  seed: number | null;
}

export interface DownloadResult {
  /** Absolute path of the finished file. */
  path: string;
  bytes: number;
  /** True when a complete earlier download of this video was found and kept. */
  reused: boolean;
}

export interface DownloadOptions {
  /** Folder to save into; it must exist. */
  dir: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Asks the feed again for a fresh result URL; called at most once, when the link expired. */
  refreshUrl?: (taskId: string, videoId: string) => Promise<string | null>;
  /** Where this video was saved before (the tracker's record): reused when still intact. */
  previous?: { path: string; bytes: number } | null;
  fs?: DownloadFs;
  /** Failures in a row without new bytes before giving up. Default 5. */
  retries?: number;
  /** Backoff between retries: base doubles per failure up to max, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** Time allowed for the response headers. Default 30 s. */
  headersTimeoutMs?: number;
  /** Time allowed between two chunks of the body. Default 30 s. */
  idleTimeoutMs?: number;
  /** Least time between two progress reports. Default 250 ms. */
  progressIntervalMs?: number;
  maxRedirects?: number;
  maxNameBytes?: number;
  /** Network configuration and guard for the video's host, or a getter read at each attempt
   * (the settings may change); default: proxy variables. */
  access?: MediaAccess | (() => MediaAccess);
}

type Settings = Required<
  Pick<
    DownloadOptions,
    | 'retries'
    | 'backoff'
    | 'headersTimeoutMs'
    | 'idleTimeoutMs'
    | 'progressIntervalMs'
    | 'maxRedirects'
    | 'fs'
  >
> &
  DownloadOptions;

const DEFAULTS = {
  retries: 5,
  backoff: { baseMs: 500, maxMs: 15_000 },
  headersTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  progressIntervalMs: 250,
  maxRedirects: 5,
};

/** How often the `.part` is flushed behind the writes, so the last fsync is short. */
const SYNC_BEHIND_BYTES = 4 * 1024 * 1024;

/** The link answered "gone": ask the feed for a fresh one. */
class ExpiredLink extends Error {
  constructor(readonly status: number) {
    super(`The video link answered HTTP ${status}.`);
  }
}

/** The `.part` cannot be continued: empty it and start over (not counted as a failure). */
class StartOver extends Error {}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof DownloadError)) return false;
  if (error.kind === 'network' || error.kind === 'size-mismatch') return true;
  const status = error.status ?? 0;
  return error.kind === 'http' && (status >= 500 || status === 408 || status === 429);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function sizeOf(fs: DownloadFs, path: string): Promise<number> {
  try {
    const info = await fs.stat(path);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

async function checkFolder(fs: DownloadFs, dir: string, name: string): Promise<void> {
  let info;
  try {
    info = await fs.stat(dir);
  } catch (error) {
    throw fileSystemError(error, dir, name);
  }
  if (!info.isDirectory()) {
    throw fileSystemError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), dir, name);
  }
}

/** Moves the finished `.part` to the first free name; never replaces an existing file. */
async function placeFile(fs: DownloadFs, dir: string, name: string, part: string): Promise<string> {
  for (let n = 1; n <= 999; n++) {
    const target = join(dir, numberedName(name, n));
    try {
      await fs.link(part, target);
      await fs.unlink(part).catch(() => undefined);
      return target;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) {
        if ((await fs.stat(target).catch(() => null)) !== null) continue;
        try {
          await fs.rename(part, target);
        } catch (renameError) {
          throw fileSystemError(renameError, dir, name);
        }
        return target;
      }
      throw fileSystemError(error, dir, name);
    }
  }
  throw new DownloadError('file-system', `Could not find a free file name for ${name} in ${dir}.`);
}

interface Attempt {
  url: string;
  partPath: string;
  partSize: number;
  candidates: string[];
  name: string;
  meter: ProgressMeter;
  /** What identifies the file being downloaded, learnt from the first answer. */
  validator: { value: string | null };
}

/**
 * An earlier complete download of this video in the folder, judged by its size: kept as the
 * result (the `.part` is dropped) instead of saving a second copy.
 */
async function reuseEarlier(
  s: Settings,
  a: Attempt,
  bytes: number,
): Promise<DownloadResult | null> {
  for (const candidate of a.candidates) {
    const path = join(s.dir, candidate);
    const info = await s.fs.stat(path).catch(() => null);
    if (info?.isFile() && info.size === bytes) {
      await s.fs.unlink(a.partPath).catch(() => undefined);
      return { path, bytes, reused: true };
    }
  }
  return null;
}

/** What a response means for the `.part`: where its body starts and the file's full size. */
function planBody(
  response: MediaResponse,
  partSize: number,
): { start: number; total: number | null } {
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const length = encoded ? null : contentLength(response.headers);
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (!range || range.start === null || encoded) throw new StartOver();
    if (range.start !== partSize) {
      if (partSize === 0) {
        throw new DownloadError(
          'http',
          'The video server sent part of the file that was not asked for.',
          { status: 206 },
        );
      }
      throw new StartOver();
    }
    const total = range.total ?? (length === null ? null : range.start + length);
    return { start: range.start, total };
  }
  return { start: 0, total: length };
}

async function runAttempt(s: Settings, a: Attempt): Promise<DownloadResult> {
  const controller = new AbortController();
  const outer = s.signal;
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = what;
      controller.abort();
    }, ms);
  };
  const fail = (error: unknown): never => {
    if (outer?.aborted) throw abortedError();
    if (error instanceof DownloadError || error instanceof ExpiredLink) throw error;
    if (error instanceof StartOver) throw error;
    if (timedOut) {
      throw new DownloadError('network', `The video server did not send ${timedOut} in time.`, {
        cause: error,
      });
    }
    const e = error as { code?: string; message?: string; cause?: { code?: string } };
    const detail = e.code ?? e.cause?.code ?? e.message ?? String(error);
    throw new DownloadError('network', `The connection to the video server failed (${detail}).`, {
      cause: error,
    });
  };

  let file: WritableFile | null = null;
  try {
    arm(s.headersTimeoutMs, 'an answer');
    let response: MediaResponse;
    try {
      response = await openMediaStream(a.url, {
        rangeStart: a.partSize,
        ifRange: a.validator.value,
        signal: controller.signal,
        maxRedirects: s.maxRedirects,
        ...(s.access === undefined
          ? {}
          : { access: typeof s.access === 'function' ? s.access() : s.access }),
      });
    } catch (error) {
      return fail(error);
    }
    const status = response.status;
    if (status === 403 || status === 404 || status === 410) {
      response.body.destroy();
      throw new ExpiredLink(status);
    }
    if (status === 416) {
      response.body.destroy();
      const range = parseContentRange(response.headers.get('content-range'));
      // The `.part` already holds the whole file (the crash came after the last byte).
      if (a.partSize > 0 && range?.total === a.partSize) {
        return (await reuseEarlier(s, a, a.partSize)) ?? (await finish(s, a, a.partSize));
      }
      if (a.partSize > 0) throw new StartOver();
    }
    if (status !== 200 && status !== 206) {
      response.body.destroy();
      const wait = retryAfterMs(response.headers, s.backoff.maxMs);
      throw Object.assign(
        new DownloadError('http', `The video server answered HTTP ${status}.`, { status }),
        { retryAfterMs: wait },
      );
    }

    a.validator.value = rangeValidator(response.headers) ?? a.validator.value;
    let plan: { start: number; total: number | null };
    try {
      plan = planBody(response, a.partSize);
    } catch (error) {
      response.body.destroy();
      throw error;
    }
    if (plan.total !== null) {
      const earlier = await reuseEarlier(s, a, plan.total);
      if (earlier) {
        response.body.destroy();
        return earlier;
      }
    }

    try {
      file = await s.fs.openForWrite(a.partPath, plan.start > 0 ? 'append' : 'truncate');
    } catch (error) {
      response.body.destroy();
      throw fileSystemError(error, s.dir, a.name);
    }
    a.meter.update(plan.start, plan.total, true);
    // The headers came: from here the body's own idle timeout applies.
    clearTimeout(timer);
    let bytes: number;
    try {
      bytes =
        plan.start +
        (await writeBody(response.body, file, {
          idleTimeoutMs: s.idleTimeoutMs,
          onIdle: () => {
            timedOut = 'data';
            controller.abort();
          },
          onWritten: (written) => a.meter.update(plan.start + written, plan.total),
          syncEveryBytes: SYNC_BEHIND_BYTES,
        }));
    } catch (error) {
      if (error instanceof WriteFailure) throw fileSystemError(error.error, s.dir, a.name);
      return fail(error);
    } finally {
      if (!response.body.complete) response.body.destroy();
    }
    if (plan.total !== null && bytes < plan.total) {
      throw new DownloadError(
        'network',
        `The connection closed after ${bytes} of ${plan.total} bytes.`,
      );
    }
    if (plan.total !== null && bytes > plan.total) {
      await file.close().catch(() => undefined);
      file = null;
      await s.fs.unlink(a.partPath).catch(() => undefined);
      throw new DownloadError(
        'size-mismatch',
        `The video server sent ${bytes} bytes where it announced ${plan.total}.`,
      );
    }
    try {
      await file.sync();
      const toClose = file;
      file = null;
      await toClose.close();
    } catch (error) {
      throw fileSystemError(error, s.dir, a.name);
    }
    // The file on disk must hold exactly what we received: another process appending to the
    // same `.part` (the app and the command line saving into one folder) would show here.
    if ((await sizeOf(s.fs, a.partPath)) !== bytes) {
      await s.fs.unlink(a.partPath).catch(() => undefined);
      throw new DownloadError(
        'size-mismatch',
        'The partial file changed while downloading (is another download saving into the same folder?).',
      );
    }
    a.meter.update(bytes, plan.total ?? bytes, true);
    // Without a length up front, an earlier copy can only be recognised now.
    const earlier = plan.total === null ? await reuseEarlier(s, a, bytes) : null;
    return earlier ?? (await finish(s, a, bytes));
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    if (file) await file.close().catch(() => undefined);
  }
}

async function finish(s: Settings, a: Attempt, bytes: number): Promise<DownloadResult> {
  const path = await placeFile(s.fs, s.dir, a.name, a.partPath);
  return { path, bytes, reused: false };
}

/** Downloads one video; resolves with where it was saved, rejects with a DownloadError. */
export async function downloadVideo(
  video: VideoToDownload,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const s: Settings = { ...DEFAULTS, fs: nodeFs, ...options };
  if (s.signal?.aborted) throw abortedError();
  const name = videoFileName(video, s.maxNameBytes);
  const partPath = join(s.dir, partName(name));

  if (s.previous) {
    const info = await s.fs.stat(s.previous.path).catch(() => null);
    if (info?.isFile() && info.size === s.previous.bytes) {
      return { path: s.previous.path, bytes: info.size, reused: true };
    }
  }
  await checkFolder(s.fs, s.dir, name);
  let candidates: string[];
  try {
    candidates = (await s.fs.readdir(s.dir)).filter((n) => isNameOfVideo(n, video.videoId));
  } catch (error) {
    throw fileSystemError(error, s.dir, name);
  }

  let url = checkMediaUrl(video.url).href;
  let refreshed = false;
  let failures = 0;
  let startOvers = 0;
  const meter = createProgressMeter(s.onProgress, s.progressIntervalMs);
  const validator = { value: null as string | null };
  for (;;) {
    if (s.signal?.aborted) throw abortedError();
    const partSize = await sizeOf(s.fs, partPath);
    try {
      return await runAttempt(s, {
        url,
        partPath,
        partSize,
        candidates,
        name,
        meter,
        validator,
      });
    } catch (error) {
      if (s.signal?.aborted) throw abortedError();
      if (error instanceof StartOver) {
        // A server that keeps refusing to continue is answered with fresh full downloads.
        if (++startOvers > s.retries) {
          throw new DownloadError('http', 'The video server keeps sending parts that do not fit.');
        }
        await s.fs.unlink(partPath).catch(() => undefined);
        continue;
      }
      if (error instanceof ExpiredLink) {
        if (!refreshed && s.refreshUrl) {
          refreshed = true;
          const fresh = await s.refreshUrl(video.taskId, video.videoId).catch(() => null);
          if (fresh) {
            url = checkMediaUrl(fresh).href;
            continue;
          }
        }
        throw new DownloadError(
          'expired',
          `The video link has expired (HTTP ${error.status})${refreshed ? ' and asking the feed again gave no working link' : ''}.`,
          { status: error.status },
        );
      }
      if (!isRetryable(error)) throw error;
      const progressed = (await sizeOf(s.fs, partPath)) > partSize;
      failures = progressed ? 1 : failures + 1;
      if (failures > s.retries) {
        const last = (error as Error).message;
        throw new DownloadError(
          (error as DownloadError).kind,
          `The download failed after ${failures} attempts: ${last}`,
          { status: (error as DownloadError).status, cause: error },
        );
      }
      const hinted = (error as { retryAfterMs?: number | null }).retryAfterMs ?? null;
      const exp = Math.min(s.backoff.maxMs, s.backoff.baseMs * 2 ** (failures - 1));
      const wait = hinted ?? exp / 2 + Math.random() * (exp / 2);
      await sleep(wait, s.signal);
    }
  }
}
