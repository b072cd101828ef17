// Writes a response body to the `.part` while the network keeps flowing.
//
// A ring of three batch buffers, allocated once: incoming bytes land in one while another is
// being written, with exactly one file write in flight; a full batch waits in the third so the
// socket keeps reading through a slow write instead of pausing. When the network outruns the
// disk the batches fill up to their bound and then the socket is paused (real backpressure).
// So memory stays flat whatever the size (three batches plus the socket's read buffer), and
// network and disk overlap.
// A batch is written when it is full, when the body ends, or once its first byte has waited
// `FLUSH_AFTER_MS`: writing every read as it came made a fast download ~1,200 writes of
// ~128 KB (a thread-pool hand-off each) instead of ~200 of 1 MB, and a slow one still reaches
// the disk (and the progress bar) within that time.
// The idle timeout is judged by timestamp from one timer, not re-armed per chunk.
import type { WritableFile } from './fs-port';
import type { MediaBody } from './media-stream';

/** Largest single write, and the size of each batch buffer. */
export const BATCH_BYTES = 1024 * 1024;

/** Batch buffers in the ring: one written, one filling, one spare. */
const BATCH_COUNT = 3;

/** Less room than this at the end of the batch: the batch counts as full. */
const MIN_TARGET_BYTES = 64 * 1024;

/** Longest a received byte waits in a batch that is not full before it is written. */
export const FLUSH_AFTER_MS = 100;

/** The body went past `limitBytes`: nothing past the limit was written. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The body is larger than ${limitBytes} bytes.`);
  }
}

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
  /** Most body bytes accepted: one more stops the body with `BodyTooLarge`. */
  limitBytes?: number;
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
    // A small ring: one batch being written, one filling, and spares so a full batch can
    // wait its turn while the socket keeps reading instead of pausing.
    const free: Buffer[] = [];
    for (let i = 1; i < BATCH_COUNT; i++) free.push(Buffer.allocUnsafe(BATCH_BYTES));
    let current: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
    let used = 0;
    // Full batches waiting for the write in flight to finish.
    const ready: Buffer[] = [];
    // Bytes that did not fit: only a read already under way when we paused lands here.
    let overflow: Buffer[] = [];
    let writing = false;
    let paused = false;
    let ended = false;
    let streamError: Error | null = null;
    let settled = false;
    let written = 0;
    let received = 0;
    const limit = options.limitBytes ?? Number.POSITIVE_INFINITY;
    let lastActivity = performance.now();
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    // When the batch being filled got its first byte, and the timer that writes it if it is
    // still not full by FLUSH_AFTER_MS.
    let firstByteAt = 0;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const syncEvery = options.syncEveryBytes ?? 0;
    let syncedUpTo = 0;
    let syncing: Promise<void> | null = null;
    let syncError: unknown = null;

    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      clearTimeout(flushTimer);
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

    const rotate = (): boolean => {
      const spare = free.pop();
      if (spare === undefined) return false;
      ready.push(current.subarray(0, used));
      current = spare;
      used = 0;
      return true;
    };
    const take = (chunk: Buffer) => {
      // Read straight into the batch (see `target` below): nothing to copy.
      if (chunk.buffer === current.buffer && chunk.byteOffset === current.byteOffset + used) {
        if (used === 0) firstByteAt = performance.now();
        used += chunk.byteLength;
        return;
      }
      let from = 0;
      while (from < chunk.byteLength) {
        if (used === BATCH_BYTES && !rotate()) break;
        if (used === 0) firstByteAt = performance.now();
        const n = Math.min(chunk.byteLength - from, BATCH_BYTES - used);
        chunk.copy(current, used, from, from + n);
        used += n;
        from += n;
      }
      if (from < chunk.byteLength) overflow.push(Buffer.from(chunk.subarray(from)));
    };
    const startWrite = () => {
      let batch: Buffer | undefined = ready.shift();
      if (batch === undefined) {
        batch = current.subarray(0, used);
        const spare = free.pop() as Buffer;
        current = spare;
        used = 0;
      }
      const spilled = overflow;
      overflow = [];
      for (const chunk of spilled) take(chunk);
      writing = true;
      const done = batch;
      file.write(done).then(
        () => {
          writing = false;
          // The whole batch buffer back (`done` may be a shorter view of it).
          free.push(Buffer.from(done.buffer, done.byteOffset, BATCH_BYTES));
          written += done.byteLength;
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
    const flushLater = (waitMs: number) => {
      if (flushTimer !== undefined) return;
      flushTimer = setTimeout(() => {
        flushTimer = undefined;
        next();
      }, waitMs);
    };
    const next = () => {
      if (settled) return;
      // A full batch is handed on (if a spare is free) so the next read lands in a fresh one,
      // even while a write is in flight; it goes out before anything that comes after it.
      if (BATCH_BYTES - used < MIN_TARGET_BYTES) rotate();
      if (writing) return;
      if (ready.length > 0) {
        startWrite();
      } else if (used > 0) {
        const waited = performance.now() - firstByteAt;
        if (ended || waited >= FLUSH_AFTER_MS) startWrite();
        else flushLater(FLUSH_AFTER_MS - waited);
      } else if (ended) {
        settle(streamError);
        return;
      }
      // Room again for a read straight into the batch: let the socket flow.
      const room = BATCH_BYTES - used >= MIN_TARGET_BYTES || free.length > 0;
      if (paused && !ended && room && overflow.length === 0) {
        paused = false;
        lastActivity = performance.now();
        body.resume();
      }
    };

    // Armed before the body starts: a body already complete ends (and settles) inside start.
    idleTimer = setTimeout(checkIdle, options.idleTimeoutMs);
    body.start({
      target() {
        if (overflow.length > 0) return null;
        return BATCH_BYTES - used >= MIN_TARGET_BYTES ? current.subarray(used) : null;
      },
      data(chunk) {
        if (settled || ended) return;
        lastActivity = performance.now();
        received += chunk.byteLength;
        if (received > limit) {
          ended = true;
          streamError = new BodyTooLarge(limit);
          body.destroy();
          next();
          return;
        }
        take(chunk);
        next();
        if (!paused && BATCH_BYTES - used < MIN_TARGET_BYTES && free.length === 0) {
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
        streamError ??= error;
        next();
      },
    });
  });
}
