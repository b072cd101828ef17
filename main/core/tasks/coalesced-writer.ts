// Writes the task list at most once per `delayMs`: the first change after a quiet spell is
// written on the next tick, later ones ride along with the following write. No timer runs
// while nothing is waiting to be written.

export interface CoalescedWriter {
  /** Something worth writing changed. */
  markDirty(): void;
  /** Writes now if anything is pending (also used before a first poll and on close). */
  flush(): void;
  /** Writes now, pending or not. */
  writeNow(): void;
  hasPendingTimer(): boolean;
  /** Writes what is pending; from then on every change is written at once (no timers). */
  close(): void;
}

export function createCoalescedWriter(options: {
  write: () => void;
  delayMs: number;
  now: () => number;
  /** A failed write keeps the data pending; it is tried again on the next change or flush. */
  onError: (error: unknown) => void;
}): CoalescedWriter {
  const { write, delayMs, now, onError } = options;
  let dirty = false;
  let lastWriteAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const clear = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const writeNow = (): void => {
    clear();
    dirty = false;
    lastWriteAt = now();
    try {
      write();
    } catch (error) {
      dirty = true;
      onError(error);
    }
  };
  return {
    markDirty() {
      dirty = true;
      if (closed) return writeNow();
      if (timer !== null) return;
      const wait = Math.max(0, lastWriteAt + delayMs - now());
      timer = setTimeout(writeNow, wait);
    },
    flush() {
      if (dirty) writeNow();
    },
    writeNow,
    hasPendingTimer: () => timer !== null,
    close() {
      closed = true;
      if (dirty) writeNow();
      clear();
    },
  };
}
