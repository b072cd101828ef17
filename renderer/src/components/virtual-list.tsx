// Renders only the items near the visible band, so thousands of tasks scroll smoothly.
// Heights are known up front (no measuring); positions are set from script, which the
// page's CSP allows (it forbids only style attributes written in the HTML).
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { layout, visibleRange } from '../lib/windowing';

interface Props<T> {
  items: readonly T[];
  height: (item: T) => number;
  keyOf: (item: T) => string;
  render: (item: T) => ComponentChildren;
  /** Scroll this key into view (changes to the value trigger the scroll). */
  scrollTo?: { key: string } | null;
  label: string;
  overscan?: number;
}

export function VirtualList<T>({
  items,
  height,
  keyOf,
  render,
  scrollTo,
  label,
  overscan = 400,
}: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  // The last heights, reused for an item still at the same place while `height` is the same
  // function: an update batch replaces a few tasks, so only those are measured again, not all
  // 10,000 on every batch.
  const last = useRef<{
    items: readonly T[];
    height: (item: T) => number;
    heights: number[];
  } | null>(null);
  const geo = useMemo(() => {
    const prev = last.current?.height === height ? last.current : undefined;
    const heights = items.map((item, i) =>
      prev && prev.items[i] === item ? prev.heights[i]! : height(item),
    );
    last.current = { items, height, heights };
    return layout(heights);
  }, [items, height]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // A DOM without layout (tests) reports 0: assume a tray window's height.
    const measure = () => setViewport(el.clientHeight || 560);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!scrollTo || !ref.current) return;
    const i = items.findIndex((it) => keyOf(it) === scrollTo.key);
    if (i < 0) return;
    const el = ref.current;
    const itemTop = geo.offsets[i]!;
    const itemBottom = geo.offsets[i + 1]!;
    if (itemTop < el.scrollTop || itemBottom > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, itemTop - 8);
      setTop(el.scrollTop);
    }
    // Only a new request scrolls; later list changes must not pull the view back.
  }, [scrollTo]);

  // A list that just got shorter (filter, search) may leave a stale scroll position behind.
  const total = geo.offsets[items.length]!;
  const [start, end] = visibleRange(
    geo,
    Math.min(top, Math.max(0, total - viewport)),
    viewport,
    overscan,
  );
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <div
        key={keyOf(item)}
        class="vlist-row"
        role="listitem"
        style={{ transform: `translateY(${geo.offsets[i]}px)` }}
      >
        {render(item)}
      </div>,
    );
  }

  return (
    <div
      class="vlist"
      ref={ref}
      role="list"
      aria-label={label}
      onScroll={(e) => setTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vlist-inner" style={{ height: `${total}px` }}>
        {rows}
      </div>
    </div>
  );
}
