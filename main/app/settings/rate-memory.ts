// Remembers the request rate the tracker learnt, per gateway origin, in the settings file
// (electron-store in the app, conf in plain Node), so a restart starts from what the gateway
// allowed instead of drawing the same 429s again. A stored value that is not readable is
// ignored (learning starts afresh); the origin is read at each call, so a changed base URL
// reads and writes its own entry.
import type { LearntRate } from '../../core/tasks/learnt-rate';
import type { RateMemory } from '../../core/tasks/create-tracker';

export const RATE_KEY = 'learntRates';
/** Entries kept: the most recently learnt ones (a user rarely has more than a few gateways). */
const KEEP = 20;

interface Stored extends LearntRate {
  learntAt: number;
}

export function createRateMemory(options: {
  store: { get(key: string): unknown; set(key: string, value: unknown): void };
  baseUrl: () => string;
  now?: () => number;
}): RateMemory {
  const now = options.now ?? Date.now;
  const origin = (): string | null => {
    try {
      return new URL(options.baseUrl()).origin;
    } catch {
      return null;
    }
  };
  const all = (): Record<string, Stored> => {
    const value = options.store.get(RATE_KEY);
    return value !== null && typeof value === 'object' ? (value as Record<string, Stored>) : {};
  };
  return {
    load() {
      const key = origin();
      const entry = key === null ? undefined : all()[key];
      if (
        !entry ||
        typeof entry !== 'object' ||
        !Number.isInteger(entry.max) ||
        entry.max < 1 ||
        typeof entry.windowMs !== 'number' ||
        !(entry.windowMs > 0) ||
        typeof entry.limited !== 'boolean'
      )
        return null;
      return { max: entry.max, windowMs: entry.windowMs, limited: entry.limited };
    },
    save(rate) {
      const key = origin();
      if (key === null) return;
      const next = { ...all(), [key]: { ...rate, learntAt: now() } };
      const kept = Object.entries(next)
        .sort(([, a], [, b]) => (b.learntAt ?? 0) - (a.learntAt ?? 0))
        .slice(0, KEEP);
      options.store.set(RATE_KEY, Object.fromEntries(kept));
    },
  };
}
