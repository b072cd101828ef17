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
//
// Never a wrong file: a `.part` is continued only from the same file on the server (its
// validator and size kept beside it in a resume record, sent as If-Range, checked against the
// 206), the body must be the bytes asked for (no unrequested Content-Encoding, no https ->
// http redirect, not empty, within the announced or the hard size cap), nothing is written
// through a symbolic link, and a video counts as saved only from a record naming its full id.
// One downloader at a time per target name (a lock shared with other processes), and the
// folder is fsynced after the file is placed.
import { say } from '../text/message-ref';
import { abortableSleep } from './abortable-sleep';
import { basename, join } from 'node:path';
import { DownloadError, abortedError, fileSystemError } from './download-error';
import { numberedName, partName, videoFileName } from './file-name';
import { nodeFs, type DownloadFs, type WritableFile } from './fs-port';
import { BodyTooLarge, WriteFailure, writeBody } from './body-writer';
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
import {
  readResumeRecord,
  removeResumeRecord,
  writeResumeRecord,
  type ResumeRecord,
} from './resume-record';
import { recordSaved, savedEntry } from './saved-index';
import { lockTarget } from './target-lock';

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
  /** Extra certificate authority to trust for https (tests' own CA). */
  ca?: string;
  /** Largest file accepted, announced or not. Default 4 GiB. */
  maxBytes?: number;
  /**
   * Slowest transfer kept open: fewer than `bytes` written in any `windowMs` stops the
   * attempt (the `.part` is kept and resumed). Default 16 KiB in 60 s.
   */
  rateFloor?: { bytes: number; windowMs: number };
  /** Pause between two tries while another downloader holds this file's lock. */
  lockRetryMs?: number;
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
    | 'maxBytes'
    | 'rateFloor'
    | 'lockRetryMs'
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
  maxBytes: 4 * 1024 ** 3,
  rateFloor: { bytes: 16 * 1024, windowMs: 60_000 },
  lockRetryMs: 250,
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

/** Too slow for the rate floor: retried, but never counted as progress. */
class TooSlow extends DownloadError {}

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

function mebibytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

/** Size of the `.part` (0 when absent); anything but a regular file there is refused. */
async function partSizeOf(s: Settings, path: string): Promise<number> {
  let info;
  try {
    info = await s.fs.lstat(path);
  } catch {
    return 0;
  }
  if (!info.isFile()) {
    throw new DownloadError('file-system', say('download.notAFile', path), { code: 'EFTYPE' });
  }
  return info.size;
}

/** A regular file (not a link) of exactly `bytes` at `path`. */
async function isIntact(fs: DownloadFs, path: string, bytes: number): Promise<boolean> {
  const info = await fs.lstat(path).catch(() => null);
  return info !== null && info.isFile() && info.size === bytes;
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

/** True when both paths name one file (a hard link left by a crash after placing). */
async function sameFile(fs: DownloadFs, a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([fs.lstat(a).catch(() => null), fs.lstat(b).catch(() => null)]);
  return (
    x !== null &&
    y !== null &&
    x.ino !== undefined &&
    x.ino === y.ino &&
    x.dev === y.dev &&
    x.isFile()
  );
}

/**
 * Moves the finished `.part` to the first free name; never replaces an existing file nor
 * writes through a link there; then flushes the folder so the new name survives a crash.
 */
async function placeFile(fs: DownloadFs, dir: string, name: string, part: string): Promise<string> {
  for (let n = 1; n <= 999; n++) {
    const target = join(dir, numberedName(name, n));
    try {
      await fs.link(part, target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') {
        // Placed before, and the crash came before the `.part` was removed.
        if (await sameFile(fs, part, target)) {
          await fs.unlink(part).catch(() => undefined);
          await fs.syncDir(dir);
          return target;
        }
        continue;
      }
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) {
        if ((await fs.lstat(target).catch(() => null)) !== null) continue;
        try {
          await fs.rename(part, target);
          await fs.syncDir(dir);
        } catch (renameError) {
          throw fileSystemError(renameError, dir, name);
        }
        return target;
      }
      throw fileSystemError(error, dir, name);
    }
    await fs.syncDir(dir).catch(() => undefined);
    await fs.unlink(part).catch(() => undefined);
    return target;
  }
  throw new DownloadError('file-system', say('download.noFreeName', name, dir));
}

interface Attempt {
  url: string;
  videoId: string;
  partPath: string;
  partSize: number;
  /** What the `.part` holds (null when it is empty). */
  resume: ResumeRecord | null;
  name: string;
  meter: ProgressMeter;
}

function tooLarge(s: Settings, bytes: number, status: number): DownloadError {
  return new DownloadError(
    'http',
    say('download.announcedTooLarge', bytes, mebibytes(s.maxBytes)),
    { status },
  );
}

/** What a response means for the `.part`: where its body starts and the file's full size. */
function planBody(
  s: Settings,
  a: Attempt,
  response: MediaResponse,
): { start: number; total: number | null } {
  const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    // Asked for with Accept-Encoding: identity; saving these bytes would save a wrong file.
    throw new DownloadError('http', say('download.compressed', encoding), {
      status: response.status,
    });
  }
  const length = contentLength(response.headers);
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (a.partSize === 0 || a.resume === null) {
      // A 206 from the first byte is the file's beginning (some CDNs always answer so).
      if (range?.start === 0 && range.total !== null && range.total > 0) {
        if (range.total > s.maxBytes) throw tooLarge(s, range.total, response.status);
        return { start: 0, total: range.total };
      }
      throw new DownloadError('http', say('download.partNotAsked'), { status: 206 });
    }
    // Only the rest of the very file the `.part` came from may be appended to it.
    if (
      !range ||
      range.start !== a.partSize ||
      range.total !== a.resume.total ||
      rangeValidator(response.headers) !== a.resume.validator ||
      (length !== null && length !== a.resume.total - a.partSize)
    ) {
      throw new StartOver();
    }
    return { start: a.partSize, total: a.resume.total };
  }
  if (length === 0) {
    throw new DownloadError('http', say('download.emptyFile200'), { status: response.status });
  }
  if (length !== null && length > s.maxBytes) throw tooLarge(s, length, response.status);
  return { start: 0, total: length };
}

async function dropPart(s: Settings, partPath: string): Promise<void> {
  await s.fs.unlink(partPath).catch(() => undefined);
  await removeResumeRecord(partPath);
}

async function runAttempt(s: Settings, a: Attempt): Promise<DownloadResult> {
  const controller = new AbortController();
  const outer = s.signal;
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut: string | null = null;
  let tooSlow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let floorTimer: ReturnType<typeof setInterval> | undefined;
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
    if (tooSlow) {
      const { bytes, windowMs } = s.rateFloor;
      throw new TooSlow(
        'network',
        say('download.tooSlow', Math.round(bytes / 1024), windowMs / 1000),
        { cause: error },
      );
    }
    if (timedOut) {
      throw new DownloadError('network', say('download.timedOut', timedOut), {
        cause: error,
      });
    }
    const e = error as { code?: string; message?: string; cause?: { code?: string } };
    const detail = e.code ?? e.cause?.code ?? e.message ?? String(error);
    throw new DownloadError('network', say('download.connFailed', detail), {
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
        ifRange: a.resume?.validator ?? null,
        signal: controller.signal,
        maxRedirects: s.maxRedirects,
        ...(s.ca === undefined ? {} : { ca: s.ca }),
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
      if (a.partSize > 0 && range?.total === a.partSize && a.resume?.total === a.partSize) {
        return await finish(s, a, a.partSize);
      }
      if (a.partSize > 0) throw new StartOver();
    }
    if (status !== 200 && status !== 206) {
      response.body.destroy();
      const wait = retryAfterMs(response.headers, s.backoff.maxMs);
      throw Object.assign(
        new DownloadError('http', say('download.httpStatus', status), { status }),
        { retryAfterMs: wait },
      );
    }

    let plan: { start: number; total: number | null };
    try {
      plan = planBody(s, a, response);
    } catch (error) {
      response.body.destroy();
      throw error;
    }

    try {
      if (plan.start === 0) {
        // The old record goes before the `.part` is emptied, the new one only after: a crash
        // in between leaves a `.part` without a record, which is never continued.
        await removeResumeRecord(a.partPath);
        file = await s.fs.openForWrite(a.partPath, 'truncate');
        const validator = rangeValidator(response.headers);
        if (validator !== null && plan.total !== null) {
          await writeResumeRecord(a.partPath, {
            videoId: a.videoId,
            validator,
            total: plan.total,
          });
        }
      } else {
        file = await s.fs.openForWrite(a.partPath, 'append');
      }
    } catch (error) {
      response.body.destroy();
      throw fileSystemError(error, s.dir, a.name);
    }
    a.meter.update(plan.start, plan.total, true);
    // The headers came: from here the body's own idle timeout applies.
    clearTimeout(timer);
    let written = 0;
    let mark = 0;
    floorTimer = setInterval(() => {
      if (written - mark < s.rateFloor.bytes) {
        tooSlow = true;
        controller.abort();
      }
      mark = written;
    }, s.rateFloor.windowMs);
    const limit = (plan.total ?? s.maxBytes) - plan.start;
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
          onWritten: (n) => {
            written = n;
            a.meter.update(plan.start + n, plan.total);
          },
          syncEveryBytes: SYNC_BEHIND_BYTES,
          limitBytes: limit,
        }));
    } catch (error) {
      if (error instanceof WriteFailure) throw fileSystemError(error.error, s.dir, a.name);
      if (error instanceof BodyTooLarge) {
        await file.close().catch(() => undefined);
        file = null;
        await dropPart(s, a.partPath);
        if (plan.total !== null) {
          throw new DownloadError('size-mismatch', say('download.moreThanAnnounced', plan.total));
        }
        throw new DownloadError('http', say('download.moreThanLimit', mebibytes(s.maxBytes)));
      }
      return fail(error);
    } finally {
      clearInterval(floorTimer);
      if (!response.body.complete) response.body.destroy();
    }
    if (bytes === 0) {
      await file.close().catch(() => undefined);
      file = null;
      await dropPart(s, a.partPath);
      throw new DownloadError('http', say('download.emptyFile'), { status });
    }
    if (plan.total !== null && bytes < plan.total) {
      throw new DownloadError('network', say('download.closedEarly', bytes, plan.total));
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
    // same `.part` despite the lock (one that lost it as stale) would show here.
    if ((await partSizeOf(s, a.partPath)) !== bytes) {
      await dropPart(s, a.partPath);
      throw new DownloadError('size-mismatch', say('download.partChanged'));
    }
    a.meter.update(bytes, plan.total ?? bytes, true);
    return await finish(s, a, bytes);
  } finally {
    clearTimeout(timer);
    clearInterval(floorTimer);
    outer?.removeEventListener('abort', onOuterAbort);
    if (file) await file.close().catch(() => undefined);
  }
}

async function finish(s: Settings, a: Attempt, bytes: number): Promise<DownloadResult> {
  const path = await placeFile(s.fs, s.dir, a.name, a.partPath);
  await removeResumeRecord(a.partPath);
  // Without this record the file still exists; it only will not be recognised as this video.
  await recordSaved(s.dir, a.videoId, basename(path), bytes).catch(() => undefined);
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

  if (s.previous && (await isIntact(s.fs, s.previous.path, s.previous.bytes))) {
    return { path: s.previous.path, bytes: s.previous.bytes, reused: true };
  }
  await checkFolder(s.fs, s.dir, name);
  const url = checkMediaUrl(video.url).href;
  // The app and the command line may both be saving this name right now: one at a time.
  const release = await lockTarget(s.dir, name, {
    retryMs: s.lockRetryMs,
    ...(s.signal ? { signal: s.signal } : {}),
  });
  try {
    const saved = await savedEntry(s.dir, video.videoId);
    if (saved && (await isIntact(s.fs, saved.path, saved.bytes))) {
      return { path: saved.path, bytes: saved.bytes, reused: true };
    }
    return await downloadLocked(s, video, name, partPath, url);
  } finally {
    await release();
  }
}

async function downloadLocked(
  s: Settings,
  video: VideoToDownload,
  name: string,
  partPath: string,
  firstUrl: string,
): Promise<DownloadResult> {
  let url = firstUrl;
  let refreshed = false;
  let failures = 0;
  let startOvers = 0;
  const meter = createProgressMeter(s.onProgress, s.progressIntervalMs);
  for (;;) {
    if (s.signal?.aborted) throw abortedError();
    let partSize = await partSizeOf(s, partPath);
    let resume = partSize > 0 ? await readResumeRecord(partPath) : null;
    if (
      partSize > 0 &&
      (resume === null || resume.videoId !== video.videoId || partSize > resume.total)
    ) {
      // Nothing says which file these bytes came from: they cannot be continued.
      await dropPart(s, partPath);
      partSize = 0;
      resume = null;
    }
    try {
      return await runAttempt(s, {
        url,
        videoId: video.videoId,
        partPath,
        partSize,
        resume,
        name,
        meter,
      });
    } catch (error) {
      if (s.signal?.aborted) throw abortedError();
      if (error instanceof StartOver) {
        // A server that keeps refusing to continue is answered with fresh full downloads.
        if (++startOvers > s.retries) {
          throw new DownloadError('http', say('download.partsDoNotFit'));
        }
        await dropPart(s, partPath);
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
          say('download.expired', error.status, refreshed ? 1 : 0),
          { status: error.status },
        );
      }
      if (!isRetryable(error)) throw error;
      // Progress counts only when the next attempt can continue it (a resume record exists).
      const progressed =
        !(error instanceof TooSlow) &&
        (await partSizeOf(s, partPath).catch(() => 0)) > partSize &&
        (await readResumeRecord(partPath)) !== null;
      failures = progressed ? 1 : failures + 1;
      if (failures > s.retries) {
        const last = (error as DownloadError).ref ?? (error as Error).message;
        throw new DownloadError(
          (error as DownloadError).kind,
          say('download.failedAfter', failures, last),
          { status: (error as DownloadError).status, cause: error },
        );
      }
      const hinted = (error as { retryAfterMs?: number | null }).retryAfterMs ?? null;
      const exp = Math.min(s.backoff.maxMs, s.backoff.baseMs * 2 ** (failures - 1));
      const wait = hinted ?? exp / 2 + Math.random() * (exp / 2);
      await abortableSleep(wait, s.signal);
    }
  }
}
