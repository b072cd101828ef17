// Every way a download can fail, as a kind the caller can act on and a message a person can
// read. Kinds that need the user (disk full, folder missing, not writable) are never retried.
import { join } from 'node:path';
import { renderMessage, say, type MessageRef } from '../text/message-ref';

export type DownloadErrorKind =
  | 'disk-full' // ENOSPC / EDQUOT
  | 'folder-missing' // the download folder does not exist or is not a folder
  | 'not-writable' // EACCES / EPERM / EROFS
  | 'file-system' // any other file error
  | 'expired' // the result URL answers 403/404/410 even after asking the feed again
  | 'http' // another HTTP status the download cannot go on from
  | 'network' // connection refused/reset, timeouts, retries exhausted
  | 'size-mismatch' // the body did not match the announced length
  | 'bad-url' // not an http(s) URL, or a redirect elsewhere / too many redirects
  | 'aborted'; // cancelled through the AbortSignal

export class DownloadError extends Error {
  readonly kind: DownloadErrorKind;
  /** HTTP status, when one caused this. */
  readonly status: number | undefined;
  /** The file-system error code (ENOSPC, EACCES, ...), when one caused this. */
  readonly code: string | undefined;
  /** The words as data for the reader's language; absent for the few kept as plain English. */
  readonly ref: MessageRef | undefined;

  constructor(
    kind: DownloadErrorKind,
    message: string | MessageRef,
    extra: { status?: number; code?: string; cause?: unknown } = {},
  ) {
    super(
      typeof message === 'string' ? message : renderMessage(message, 'en'),
      extra.cause === undefined ? undefined : { cause: extra.cause },
    );
    this.ref = typeof message === 'string' ? undefined : message;
    this.name = kind === 'aborted' ? 'AbortError' : 'DownloadError';
    this.kind = kind;
    this.status = extra.status;
    this.code = extra.code;
  }

  /** Only the user can fix these: retrying would fail the same way. */
  get needsUser(): boolean {
    return (
      this.kind === 'disk-full' || this.kind === 'folder-missing' || this.kind === 'not-writable'
    );
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns a file-system error met while saving into a DownloadError that says what to do. */
export function fileSystemError(error: unknown, dir: string, fileName: string): DownloadError {
  if (error instanceof DownloadError) return error;
  const code = codeOf(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DownloadError('disk-full', say('download.diskFull', fileName, dir), {
        code,
        cause: error,
      });
    case 'ENOENT':
      return new DownloadError('folder-missing', say('download.folderMissing', dir), {
        code,
        cause: error,
      });
    case 'ENOTDIR':
      return new DownloadError('folder-missing', say('download.notAFolder', dir), {
        code,
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DownloadError('not-writable', say('download.notWritable', dir), {
        code,
        cause: error,
      });
    case 'EFTYPE': // fs-port: not a regular file where the video or its .part goes
    case 'ELOOP': // O_NOFOLLOW met a symbolic link there
      return new DownloadError(
        'file-system',
        say('download.notAFile', pathOf(error, dir, fileName)),
        {
          code,
          cause: error,
        },
      );
    default:
      return new DownloadError(
        'file-system',
        say(
          'download.couldNotSave',
          fileName,
          dir,
          error instanceof Error ? error.message : String(error),
        ),
        { code, cause: error },
      );
  }
}

export function abortedError(): DownloadError {
  return new DownloadError('aborted', say('download.cancelled'));
}

/** The path the file system named (Node errors carry it), else where the file was going. */
function pathOf(error: unknown, dir: string, fileName: string): string {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' && path !== '' ? path : join(dir, fileName);
}
