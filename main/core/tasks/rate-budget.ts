// A sliding-window request budget shared by all tasks: at most `max` requests in any
// `windowMs`. Sliding (not fixed buckets) so a burst at a bucket edge cannot double the rate.

export interface RateBudget {
  /** Takes one request slot if the window has room. */
  tryTake(now: number): boolean;
  /** Takes a slot even when the window is full (a poll that must go; it still counts). */
  take(now: number): void;
  /** Slots free right now. */
  remaining(now: number): number;
  /** When the next slot frees up (now if one is free). */
  nextFreeAt(now: number): number;
  setLimit(limit: { max: number; windowMs: number }): void;
}

export function createRateBudget(limit: { max: number; windowMs: number }): RateBudget {
  let { max, windowMs } = limit;
  // Start times of requests inside the window, oldest first.
  const taken: number[] = [];
  const prune = (now: number): void => {
    while (taken.length > 0 && (taken[0] as number) <= now - windowMs) taken.shift();
  };
  return {
    tryTake(now) {
      prune(now);
      if (taken.length >= max) return false;
      taken.push(now);
      return true;
    },
    take(now) {
      prune(now);
      taken.push(now);
    },
    remaining(now) {
      prune(now);
      return Math.max(0, max - taken.length);
    },
    nextFreeAt(now) {
      prune(now);
      if (taken.length < max) return now;
      // The slot of the request that leaves the window first.
      return (taken[taken.length - max] as number) + windowMs;
    },
    setLimit(next) {
      max = next.max;
      windowMs = next.windowMs;
    },
  };
}
