// The arithmetic of a windowed list: item offsets from known heights, and which items meet
// the visible band. Separate from the component so it is tested without a layout engine.

export interface Layout {
  /** offsets[i] = top of item i; offsets[n] = total height. */
  offsets: number[];
}

export function layout(heights: readonly number[]): Layout {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return { offsets };
}

/** First index whose bottom is below `y` (binary search). */
function firstBelow(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items [start, end) that meet [top - overscan, top + height + overscan]. */
export function visibleRange(
  { offsets }: Layout,
  top: number,
  height: number,
  overscan: number,
): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const start = firstBelow(offsets, Math.max(0, top - overscan));
  let end = start;
  const bottom = top + height + overscan;
  while (end < n && offsets[end]! < bottom) end++;
  return [start, Math.max(end, Math.min(start + 1, n))];
}
