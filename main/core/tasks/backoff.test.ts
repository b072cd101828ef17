import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from './backoff';

describe('backoff', () => {
  it('doubles its ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffCeiling(a, 100, 1_000))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(backoffCeiling(1_000, 100, 1_000)).toBe(1_000);
  });

  it('uses full jitter: anywhere from 0 to the ceiling', () => {
    const at = (random: number): number =>
      backoffDelay({ attempt: 3, baseMs: 100, capMs: 10_000, random: () => random });
    expect(at(0)).toBe(0);
    expect(at(0.5)).toBe(200);
    expect(at(0.999_999)).toBe(399);
    const samples = Array.from({ length: 200 }, () =>
      backoffDelay({ attempt: 3, baseMs: 100, capMs: 10_000, random: Math.random }),
    );
    expect(Math.min(...samples)).toBeLessThan(100);
    expect(Math.max(...samples)).toBeGreaterThan(300);
    expect(Math.max(...samples)).toBeLessThan(400);
  });

  it('never undercuts Retry-After or the minimum', () => {
    expect(
      backoffDelay({ attempt: 1, baseMs: 100, capMs: 1_000, retryAfterMs: 5_000, random: () => 1 }),
    ).toBe(5_000);
    expect(
      backoffDelay({ attempt: 1, baseMs: 100, capMs: 1_000, minMs: 50, random: () => 0 }),
    ).toBe(50);
  });
});
