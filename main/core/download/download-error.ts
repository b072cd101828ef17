// Every way a download can fail, as a kind the caller can act on and a message a person can
// read. Kinds that need the user (disk full, folder missing, not writable) are never retried.

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

  constructor(
    kind: DownloadErrorKind,
    message: string,
    extra: { status?: number; code?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
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
      return new DownloadError(
        'disk-full',
        `The disk is full: there is no space left to save ${fileName} in ${dir}. Free some space, then download again.`,
        { code, cause: error },
      );
    case 'ENOENT':
      return new DownloadError(
        'folder-missing',
        `The download folder ${dir} does not exist. Create it or choose another folder.`,
        { code, cause: error },
      );
    case 'ENOTDIR':
      return new DownloadError(
        'folder-missing',
        `The download folder ${dir} is not a folder. Choose another folder.`,
        { code, cause: error },
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DownloadError(
        'not-writable',
        `Cannot write to the download folder ${dir} (permission denied). Choose a folder you can write to.`,
        { code, cause: error },
      );
    default:
      return new DownloadError(
        'file-system',
        `Could not save ${fileName} in ${dir}: ${error instanceof Error ? error.message : String(error)}`,
        { code, cause: error },
      );
  }
}

export function abortedError(): DownloadError {
  return new DownloadError('aborted', 'The download was cancelled.');
}
