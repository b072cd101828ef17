import { describe, expect, it } from 'vitest';
import { createRateLearner, MIN_LEARNT_MAX, type LearntRate } from './learnt-rate';

const W = 60_000;
const learner = (patch: Partial<Parameters<typeof createRateLearner>[0]> = {}) =>
  createRateLearner({ startMax: 600, windowMs: W, capMax: null, remembered: null, ...patch });

/** Spends `n` requests at `at` through the learner's budget. */
function spend(l: ReturnType<typeof learner>, n: number, at: number): number {
  let sent = 0;
  for (let i = 0; i < n; i++) if (l.budget.tryTake(at)) sent++;
  return sent;
}

describe('the learnt request rate', () => {
  it('starts generous, bounded by the cap', () => {
    expect(learner().current()).toEqual({ max: 600, windowMs: W, limited: false });
    expect(learner({ capMax: 50 }).current().max).toBe(50);
  });

  it('a bare 429 cuts to 70 % of what was sent; a burst refused together cuts once', () => {
    const saved: LearntRate[] = [];
    const l = learner({ onLearnt: (r) => saved.push(r) });
    expect(spend(l, 120, 1_000)).toBe(120);
    expect(l.onRateLimited(1_010, 1_000, undefined)).toBe(1_010);
    expect(l.current()).toEqual({ max: 84, windowMs: W, limited: true });
    // Requests sent before the cut, refused after it: the same signal, no second cut.
    l.onRateLimited(1_020, 1_000, undefined);
    expect(l.current().max).toBe(84);
    // The budget now holds the 120 already sent: nothing more until they leave the window.
    expect(l.budget.tryTake(2_000)).toBe(false);
    expect(saved).toEqual([{ max: 84, windowMs: W, limited: true }]);
  });

  it('never learns below the floor of a few requests per window', () => {
    const l = learner();
    for (let i = 0; i < 30; i++) {
      spend(l, 1, i * 10);
      l.onRateLimited(i * 10 + 1, i * 10, undefined);
    }
    expect(l.current().max).toBe(MIN_LEARNT_MAX);
  });

  it('grows while it binds and answers are clean: doubling before any 429, then additive', () => {
    const l = learner({ startMax: 100 });
    l.onAnswer(0);
    l.onBound(10);
    l.onAnswer(W);
    expect(l.current().max).toBe(200);
    // A window where the budget never held anything back: no growth.
    l.onAnswer(2 * W);
    expect(l.current().max).toBe(200);
    spend(l, 100, 2 * W + 1);
    l.onRateLimited(2 * W + 2, 2 * W + 1, undefined);
    expect(l.current().max).toBe(70);
    l.onBound(2 * W + 3);
    l.onAnswer(3 * W + 3);
    expect(l.current().max).toBe(74); // +5 %, at least 1
  });

  it('follows stated limits at once, and waits out a spent window instead of drawing 429s', () => {
    const l = learner();
    // 120 stated, no window: a minute is assumed, and 80 % of it used.
    expect(l.onHeaders(0, { limit: 120, remaining: 100 }, 1)).toBe(0);
    expect(l.current()).toMatchObject({ max: 96, limited: true });
    // A reset of 30 s seen: the window is at least that long; 120 per 30 s is 192 per minute at 80 %.
    l.onHeaders(0, { limit: 120, remaining: 119, resetMs: 30_000 }, 1);
    expect(l.current().max).toBe(192);
    // 480 per 3 minutes, window named by the policy: 128 per our minute.
    l.onHeaders(0, { limit: 480, windowMs: 180_000 }, 1);
    expect(l.current().max).toBe(128);
    expect(
      l.onHeaders(5_000, { limit: 480, windowMs: 180_000, remaining: 1, resetMs: 9_000 }, 1),
    ).toBe(14_000);
    // A 429 with Retry-After: hold that long.
    expect(l.onRateLimited(20_000, 19_000, { retryAfterMs: 7_000 })).toBe(27_000);
    // Growth never passes a stated limit.
    l.onBound(30_000);
    l.onAnswer(30_000);
    l.onAnswer(30_000 + W);
    expect(l.current().max).toBeLessThanOrEqual(128);
  });

  it('starts from what was learnt before for this gateway, and the cap stays an upper bound', () => {
    const l = learner({ remembered: { max: 90, windowMs: W, limited: true } });
    expect(l.current()).toEqual({ max: 90, windowMs: W, limited: true });
    l.setCap(30);
    expect(l.current().max).toBe(30);
    l.onBound(0);
    l.onAnswer(0);
    l.onAnswer(W);
    expect(l.current().max).toBe(30);
    // A remembered rate for another window length is not comparable: start afresh.
    expect(learner({ remembered: { max: 5, windowMs: 1, limited: true } }).current().max).toBe(600);
  });
});
