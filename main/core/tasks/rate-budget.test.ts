import { describe, expect, it } from 'vitest';
import { createRateBudget } from './rate-budget';

describe('rate budget (sliding window)', () => {
  it('allows max requests per window and frees slots as they slide out', () => {
    const budget = createRateBudget({ max: 3, windowMs: 1_000 });
    expect(budget.tryTake(0)).toBe(true);
    expect(budget.tryTake(100)).toBe(true);
    expect(budget.tryTake(200)).toBe(true);
    expect(budget.tryTake(300)).toBe(false);
    expect(budget.remaining(300)).toBe(0);
    expect(budget.nextFreeAt(300)).toBe(1_000);
    expect(budget.tryTake(999)).toBe(false);
    expect(budget.tryTake(1_000)).toBe(true);
    expect(budget.nextFreeAt(1_000)).toBe(1_100);
  });

  it('slides: no burst of 2x max across a bucket edge', () => {
    const budget = createRateBudget({ max: 10, windowMs: 1_000 });
    let granted = 0;
    for (let t = 900; t < 1_900; t += 10) if (budget.tryTake(t)) granted++;
    expect(granted).toBe(10);
  });

  it('takes new limits at once', () => {
    const budget = createRateBudget({ max: 1, windowMs: 1_000 });
    expect(budget.tryTake(0)).toBe(true);
    expect(budget.tryTake(1)).toBe(false);
    budget.setLimit({ max: 2, windowMs: 1_000 });
    expect(budget.tryTake(2)).toBe(true);
    expect(budget.nextFreeAt(3)).toBe(1_000);
  });
});
