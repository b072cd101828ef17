// The request budget, learnt from the gateway instead of guessed. It starts generous, grows
// while it binds and answers come back clean (doubling until the first 429 ever seen, then
// a few percent per window), is cut sharply on a 429 (to 70 % of what we actually sent over
// the last window, which is what the gateway just refused), and is set at once to what
// rate-limit headers say when a gateway sends them. The user's cap is always an upper bound.
// Spent through the same sliding-window RateBudget the scheduler already knows.
import type { RateLimitInfo } from '../api/types';
import { createRateBudget, type RateBudget } from './rate-budget';

export interface LearntRate {
  /** Requests allowed per `windowMs`. */
  max: number;
  windowMs: number;
  /** A 429 (or a limit header) has been seen: grow additively from now on. */
  limited: boolean;
}

export interface RateLearnerOptions {
  /** Start from this many requests per window (unless a remembered rate is lower). */
  startMax: number;
  windowMs: number;
  /** The user's cap per window, or null for none. */
  capMax: number | null;
  /** What was learnt for this gateway before (a previous run), or null. */
  remembered: LearntRate | null;
  /** Told whenever the learnt rate changes, to remember it across restarts. */
  onLearnt?: (rate: LearntRate) => void;
}

export interface RateLearner {
  readonly budget: RateBudget;
  current(): LearntRate;
  /** A clean answer came back at `now`. */
  onAnswer(now: number): void;
  /** The budget refused a request at `now` (demand exceeded it). */
  onBound(now: number): void;
  /** A 429 at `now` for a request sent at `sentAt`. Returns when requests may resume (a hold)
   * from what the headers say. Requests sent before the last cut do not cut again: a burst of
   * them refused together is one signal, not several. */
  onRateLimited(now: number, sentAt: number, info: RateLimitInfo | undefined): number;
  /** An answer's rate-limit headers. Returns a hold until (0 for none). */
  onHeaders(now: number, info: RateLimitInfo, inFlight: number): number;
  /** A new cap and window (the user's setting changed). */
  setCap(capMax: number | null, windowMs?: number): void;
}

/** Share of what a 429 showed we sent that we keep (multiplicative decrease). */
const DECREASE = 0.7;
/** Share of a limit a header states that we use, leaving room for other clients of the key and
 * for the gateway counting arrivals where we count sends. */
const HEADER_SHARE = 0.8;
/** Additive increase per clean window once limited, as a share of the rate (at least 1). */
const INCREASE = 0.05;
/** Never learn below this many requests per window: polling must go on, and a 429 after a
 * request or two (another client of the same key or IP) says little about our share. */
export const MIN_LEARNT_MAX = 12;

export function createRateLearner(options: RateLearnerOptions): RateLearner {
  let windowMs = options.windowMs;
  let capMax = options.capMax;
  const bound = (n: number): number =>
    Math.max(1, Math.floor(capMax === null ? n : Math.min(capMax, n)));
  const remembered =
    options.remembered && options.remembered.windowMs === windowMs ? options.remembered : null;
  let max = bound(remembered ? Math.min(remembered.max, options.startMax) : options.startMax);
  let limited = remembered?.limited ?? false;
  /** Limit stated by headers (per our window): learning never goes above it. */
  let statedMax: number | null = null;
  let cleanSince: number | null = null;
  let cutAt = -Infinity;
  /** The longest reset time seen: the server's window when no policy names it. */
  let longestReset = 0;
  const stated = (info: RateLimitInfo): number => {
    if (info.resetMs !== undefined) longestReset = Math.max(longestReset, info.resetMs);
    return statedLimit(info, windowMs, longestReset);
  };
  let boundInWindow = false;
  const budget = createRateBudget({ max, windowMs });

  const set = (next: number, why: 'cut' | 'grow' | 'header'): void => {
    const value = Math.max(Math.min(MIN_LEARNT_MAX, bound(Infinity)), bound(next));
    if (why !== 'grow') limited = true;
    if (value === max && why === 'grow') return;
    max = value;
    budget.setLimit({ max, windowMs });
    options.onLearnt?.({ max, windowMs, limited });
  };

  return {
    budget,
    current: () => ({ max, windowMs, limited }),
    onAnswer(now) {
      if (cleanSince === null) cleanSince = now;
      if (now - cleanSince < windowMs) return;
      // A whole window clean: grow, but only if the budget held demand back in it.
      if (boundInWindow) {
        const grown = limited ? max + Math.max(1, Math.round(max * INCREASE)) : max * 2;
        set(statedMax === null ? grown : Math.min(statedMax, grown), 'grow');
      }
      boundInWindow = false;
      cleanSince = now;
    },
    onBound() {
      boundInWindow = true;
    },
    onRateLimited(now, sentAt, info) {
      cleanSince = now;
      boundInWindow = false;
      let hold = now;
      if (info?.retryAfterMs !== undefined) hold = Math.max(hold, now + info.retryAfterMs);
      if (info?.resetMs !== undefined) hold = Math.max(hold, now + info.resetMs);
      if (info?.limit !== undefined) {
        statedMax = stated(info);
        set(statedMax, 'header');
      } else if (sentAt >= cutAt) {
        // What we sent over the window is more than the gateway allows: keep a share of it.
        const sent = max - budget.remaining(now);
        set(Math.min(max, sent) * DECREASE, 'cut');
        cutAt = now;
      }
      return hold;
    },
    onHeaders(now, info, inFlight) {
      if (info.limit !== undefined) {
        const limit = stated(info);
        if (limit !== statedMax || max > limit) {
          statedMax = limit;
          set(limit, 'header');
        }
      }
      // The window is (nearly) spent: wait for its reset rather than draw 429s.
      if (info.remaining !== undefined && info.resetMs !== undefined && info.remaining <= inFlight)
        return now + info.resetMs;
      return 0;
    },
    setCap(next, nextWindowMs) {
      if (nextWindowMs !== undefined && nextWindowMs !== windowMs) {
        max = Math.max(1, Math.round((max * nextWindowMs) / windowMs));
        if (statedMax !== null) statedMax = Math.round((statedMax * nextWindowMs) / windowMs);
        windowMs = nextWindowMs;
      }
      capMax = next;
      set(next === null ? max : Math.min(max, next), 'grow');
      budget.setLimit({ max, windowMs });
    },
  };
}

/** A stated limit per the server's window, as requests per our window (with some room). */
function statedLimit(info: RateLimitInfo, windowMs: number, longestReset: number): number {
  const limit = info.limit ?? 0;
  // Without a stated window: the longest reset time seen (a window's first answer says its
  // whole length), else the common one minute; too short a guess is corrected by a 429.
  const serverWindow = info.windowMs ?? (longestReset >= 1_000 ? longestReset : 60_000);
  return Math.floor((limit * HEADER_SHARE * windowMs) / serverWindow);
}
