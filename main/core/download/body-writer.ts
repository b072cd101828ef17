// Writes a response body to the `.part` while the network keeps flowing.
//
// Two batch buffers, allocated once: incoming bytes are copied into one while the other is
// being written, with exactly one file write in flight. When the network outruns the disk the
// batch grows up to its bound and then the socket is paused (real backpressure); when the disk
// is faster, each write starts as soon as there is something to write. So memory stays flat
// whatever the size (two batches plus the socket's read buffer), and network and disk overlap.
// The idle timeout is judged by timestamp from one timer, not re-armed per chunk.
import type { WritableFile } from './fs-port';
import type { MediaBody } from './media-stream';

/** Largest single write, and the size of each of the two batch buffers. */
export const BATCH_BYTES = 1024 * 1024;

/** Less room than this at the end of the batch: read into the stream's own buffer instead. */
const MIN_TARGET_BYTES = 64 * 1024;

/** A failed file write (as opposed to a failed connection). */
export class WriteFailure extends Error {
  constructor(readonly error: unknown) {
    super('The file write failed.');
  }
}

export interface BodyWriteOptions {
  /** Time allowed without body bytes while we are reading (not while the disk holds us up). */
  idleTimeoutMs: number;
  /** Called once when no byte came for `idleTimeoutMs`; expected to stop the body. */
  onIdle: () => void;
  /** Called after each write with how many body bytes are on disk so far. */
  onWritten: (bytesWritten: number) => void;
  /**
   * Flush behind: after this many bytes, an fsync runs beside the next writes, so the final
   * fsync (crash safety before the rename) finds little left to do. 0 turns it off.
   */
  syncEveryBytes?: number;
}

/**
 * Reads `body` into `file`; resolves with the bytes written once the body has ended. On a
 * connection error the bytes already received are written first (so a resume need not fetch
 * them again) and then the error is thrown; a failed write throws `WriteFailure`.
 */
export function writeBody(
  body: MediaBody,
  file: WritableFile,
  options: BodyWriteOptions,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const buffers = [Buffer.allocUnsafe(BATCH_BYTES), Buffer.allocUnsafe(BATCH_BYTES)];
    let fill = 0;
    let used = 0;
    // Bytes that did not fit: only a read already under way when we paused lands here.
    let overflow: Buffer[] = [];
    let writing = false;
    let paused = false;
    let ended = false;
    let streamError: Error | null = null;
    let settled = false;
    let written = 0;
    let lastActivity = performance.now();
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const syncEvery = options.syncEveryBytes ?? 0;
    let syncedUpTo = 0;
    let syncing: Promise<void> | null = null;
    let syncError: unknown = null;

    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      // Never leave a background fsync running past the end: the caller closes the file next.
      void Promise.resolve(syncing).then(() => {
        const failure = error ?? (syncError === null ? null : new WriteFailure(syncError));
        if (failure === null) resolve(written);
        else reject(failure);
      });
    };
    const syncBehind = () => {
      if (syncEvery <= 0 || syncing || written - syncedUpTo < syncEvery) return;
      syncedUpTo = written;
      syncing = file.sync().then(
        () => {
          syncing = null;
        },
        (error: unknown) => {
          syncing = null;
          syncError ??= error;
        },
      );
    };
    const checkIdle = () => {
      if (settled || ended) return;
      const quiet = performance.now() - lastActivity;
      if (paused || writing || quiet < options.idleTimeoutMs) {
        idleTimer = setTimeout(
          checkIdle,
          Math.max(1, options.idleTimeoutMs - (paused || writing ? 0 : quiet)),
        );
        return;
      }
      options.onIdle();
    };

    const take = (chunk: Buffer) => {
      const target = buffers[fill] as Buffer;
      // Read straight into the batch (see `target` below): nothing to copy.
      if (chunk.buffer === target.buffer && chunk.byteOffset === target.byteOffset + used) {
        used += chunk.byteLength;
        return;
      }
      const n = Math.min(chunk.byteLength, BATCH_BYTES - used);
      chunk.copy(target, used, 0, n);
      used += n;
      if (n < chunk.byteLength) overflow.push(Buffer.from(chunk.subarray(n)));
    };
    const startWrite = () => {
      const batch = (buffers[fill] as Buffer).subarray(0, used);
      fill ^= 1;
      used = 0;
      const spilled = overflow;
      overflow = [];
      for (const chunk of spilled) take(chunk);
      writing = true;
      file.write(batch).then(
        () => {
          writing = false;
          written += batch.byteLength;
          lastActivity = performance.now();
          options.onWritten(written);
          if (syncError !== null) {
            settle(new WriteFailure(syncError));
            body.destroy();
            return;
          }
          syncBehind();
          next();
        },
        (error: unknown) => {
          writing = false;
          settle(new WriteFailure(error));
          body.destroy();
        },
      );
    };
    const next = () => {
      if (settled || writing) return;
      if (used > 0) {
        startWrite();
      } else if (ended) {
        settle(streamError);
        return;
      }
      // Room again for a read straight into the batch: let the socket flow.
      if (paused && !ended && BATCH_BYTES - used >= MIN_TARGET_BYTES && overflow.length === 0) {
        paused = false;
        lastActivity = performance.now();
        body.resume();
      }
    };

    body.start({
      target() {
        const room = BATCH_BYTES - used;
        return room >= MIN_TARGET_BYTES && overflow.length === 0
          ? (buffers[fill] as Buffer).subarray(used)
          : null;
      },
      data(chunk) {
        if (settled || ended) return;
        lastActivity = performance.now();
        take(chunk);
        if (!writing) startWrite();
        else if (!paused && BATCH_BYTES - used < MIN_TARGET_BYTES) {
          paused = true;
          body.pause();
        }
      },
      end() {
        ended = true;
        next();
      },
      error(error) {
        ended = true;
        streamError = error;
        next();
      },
    });
    idleTimer = setTimeout(checkIdle, options.idleTimeoutMs);
  });
}
