import { describe, expect, it } from 'vitest';
import { layout, visibleRange } from './windowing';

describe('windowing', () => {
  it('offsets add up the heights', () => {
    expect(layout([10, 20, 30]).offsets).toEqual([0, 10, 30, 60]);
  });

  it('shows only the items that meet the band', () => {
    const geo = layout(Array.from({ length: 10_000 }, () => 100));
    expect(visibleRange(geo, 0, 500, 0)).toEqual([0, 5]);
    expect(visibleRange(geo, 250, 500, 0)).toEqual([2, 8]);
    const [s, e] = visibleRange(geo, 500_000, 560, 200);
    expect(s).toBe(4998);
    expect(e).toBe(5008);
    expect(e - s).toBeLessThan(20);
  });

  it('copes with mixed heights, the end, and an empty list', () => {
    const geo = layout([50, 200, 50, 50]);
    expect(visibleRange(geo, 60, 10, 0)).toEqual([1, 2]);
    expect(visibleRange(geo, 10_000, 500, 0)).toEqual([4, 4]);
    expect(visibleRange(geo, 299, 500, 0)).toEqual([2, 4]);
    expect(visibleRange(geo, 300, 500, 0)).toEqual([3, 4]);
    expect(visibleRange(layout([]), 0, 500, 0)).toEqual([0, 0]);
  });
});
