// When to ask the gateway for the token's credit. Pure: the clock is passed in.
//
// Asked only when something happened: the window opened, a generation was accepted, a task
// finished, or the user pressed Refresh. Never on a timer of its own, so an idle app stays
// at zero wake-ups. At most once a minute: an event inside the minute is either dropped
// (the window opening again) or, when it means the credit moved (a generation, a finished
// task, the button), served once at the end of that minute. A gateway that does not offer
// credit is not asked again until the base URL or the token changes, or a day has passed.

export type RefreshReason = 'open' | 'generated' | 'finished' | 'manual';

export type RefreshDecision =
  | { kind: 'fetch' }
  /** Ask at `at` (epoch ms): the minute since the last request is not over. */
  | { kind: 'later'; at: number }
  | { kind: 'skip'; why: 'no-token' | 'not-offered' | 'recent' };

export const MIN_GAP_MS = 60_000;
export const NOT_OFFERED_RETRY_MS = 24 * 3600_000;

/** Reasons that mean the credit has moved since the last reading. */
const MOVED: ReadonlySet<RefreshReason> = new Set(['generated', 'finished', 'manual']);

export interface RefreshPolicy {
  /**
   * `identity` names the base URL and token together (null: no token). A new identity
   * forgets the last request and a "not offered" answer.
   */
  decide(reason: RefreshReason, identity: string | null, now: number): RefreshDecision;
  /** A request left now. */
  started(now: number): void;
  /** What the request found. */
  settled(outcome: 'offered' | 'not-offered' | 'failed', now: number): void;
  /** The identity the last decision was about changed (so a view of the old one is stale). */
  changed(identity: string | null): boolean;
}

export function createRefreshPolicy(
  options: { minGapMs?: number; notOfferedRetryMs?: number } = {},
): RefreshPolicy {
  const minGapMs = options.minGapMs ?? MIN_GAP_MS;
  const retryMs = options.notOfferedRetryMs ?? NOT_OFFERED_RETRY_MS;
  let identity: string | null = null;
  let lastStart: number | null = null;
  let notOfferedAt: number | null = null;

  const adopt = (next: string | null): void => {
    if (next === identity) return;
    identity = next;
    lastStart = null;
    notOfferedAt = null;
  };

  return {
    decide(reason, next, now) {
      adopt(next);
      if (identity === null) return { kind: 'skip', why: 'no-token' };
      if (notOfferedAt !== null && now - notOfferedAt < retryMs)
        return { kind: 'skip', why: 'not-offered' };
      if (lastStart !== null && now - lastStart < minGapMs) {
        return MOVED.has(reason)
          ? { kind: 'later', at: lastStart + minGapMs }
          : { kind: 'skip', why: 'recent' };
      }
      return { kind: 'fetch' };
    },
    started(now) {
      lastStart = now;
    },
    settled(outcome, now) {
      if (outcome === 'not-offered') notOfferedAt = now;
      else if (outcome === 'offered') notOfferedAt = null;
    },
    changed: (next) => next !== identity,
  };
}
