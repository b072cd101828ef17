// Turns a stream of byte counts into throttled progress reports with a smoothed rate, so a
// fast download does not flood the UI (or IPC) with an event per chunk.

export interface DownloadProgress {
  /** Bytes of the file on disk so far (a resumed download starts above 0). */
  bytes: number;
  /** The whole file's size, when the server said. */
  total: number | null;
  /** Bytes per second, smoothed; null until there is a measurement. */
  rate: number | null;
}

export interface ProgressMeter {
  /** Records the file's size so far; reports when the interval has passed (or `force`). */
  update(bytes: number, total: number | null, force?: boolean): void;
}

export function createProgressMeter(
  report: ((progress: DownloadProgress) => void) | undefined,
  intervalMs: number,
  now: () => number = () => performance.now(),
): ProgressMeter {
  let lastAt: number | null = null;
  let lastBytes = 0;
  let rate: number | null = null;
  return {
    update(bytes, total, force = false) {
      if (!report) return;
      const at = now();
      if (lastAt === null) {
        lastAt = at;
        lastBytes = bytes;
        report({ bytes, total, rate });
        return;
      }
      const elapsed = at - lastAt;
      if (elapsed < intervalMs) {
        if (!force) return;
        // Reported now (the last bytes, say), but a rate taken over a few milliseconds would
        // be one write's size over its gap, not the network's speed: keep the one we have.
        report({ bytes, total, rate: rate === null ? null : Math.round(rate) });
        return;
      }
      if (elapsed > 0 && bytes >= lastBytes) {
        const sample = ((bytes - lastBytes) * 1000) / elapsed;
        // Exponential smoothing: steady enough to read, quick to follow a real change.
        rate = rate === null ? sample : rate * 0.6 + sample * 0.4;
      }
      lastAt = at;
      lastBytes = bytes;
      report({ bytes, total, rate: rate === null ? null : Math.round(rate) });
    },
  };
}
