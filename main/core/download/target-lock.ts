// One downloader at a time per target file, across processes: the app and the command line
// saving into one folder must never write the same `.part` or place the same name.
//
// proper-lockfile: the lock is a `<name>.lock` folder made with mkdir (atomic and exclusive on
// every file system, network shares included, unlike O_EXCL on some), whose mtime the holder
// refreshes every few seconds; a lock not refreshed for `staleMs` belongs to a process that
// died and is taken over. It is released on exit too (signal-exit).
import { abortableSleep } from './abortable-sleep';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { abortedError, fileSystemError } from './download-error';

export const LOCK_SUFFIX = '.lock';
/** A lock whose holder has not refreshed it for this long is stale. */
export const STALE_LOCK_MS = 5_000;

export interface TargetLockOptions {
  signal?: AbortSignal;
  /** Pause between two tries while another process holds the lock. */
  retryMs?: number;
  staleMs?: number;
  /** Called once when the lock is held by another downloader and we start waiting. */
  onWait?: () => void;
}

export type Release = () => Promise<void>;

/** Waits (until `signal` aborts) for the lock of `dir/name`; resolves with its release. */
export async function lockTarget(
  dir: string,
  name: string,
  options: TargetLockOptions = {},
): Promise<Release> {
  const target = join(dir, name);
  let waited = false;
  for (;;) {
    if (options.signal?.aborted) throw abortedError();
    try {
      const release = await lock(target, {
        realpath: false,
        lockfilePath: `${target}${LOCK_SUFFIX}`,
        stale: options.staleMs ?? STALE_LOCK_MS,
        retries: 0,
        // Our lock was lost (its folder removed, or not refreshed in time): the download
        // goes on; the size check before placing catches another writer.
        onCompromised: () => undefined,
      });
      return () => release().catch(() => undefined);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw fileSystemError(error, dir, name);
    }
    if (!waited) {
      waited = true;
      options.onWait?.();
    }
    await abortableSleep(options.retryMs ?? 250, options.signal);
  }
}
