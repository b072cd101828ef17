import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './virtual-list';

interface Item {
  id: string;
  h: number;
}

afterEach(cleanup);

const list = (items: readonly Item[], height: (item: Item) => number) => (
  <VirtualList
    items={items}
    height={height}
    keyOf={(it) => it.id}
    render={(it) => <span>{it.id}</span>}
    label="Items"
  />
);

const offsetOf = (id: string) =>
  screen.getByText(id).parentElement!.style.transform.replace(/[^\d.]/g, '');

describe('virtual list', () => {
  it('measures again only the items an update replaced, and places the rows by the new heights', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, h: 100 }));
    const asked: string[] = [];
    const height = (it: Item) => (asked.push(it.id), it.h);
    const { rerender } = render(list(items, height));
    expect(asked).toHaveLength(1000);
    expect(offsetOf('t2')).toBe('200');

    // One item replaced (a progress patch), taller now: only it is measured, and the rows
    // after it move down.
    asked.length = 0;
    const next = items.slice();
    next[1] = { id: 't1', h: 150 };
    rerender(list(next, height));
    expect(asked).toEqual(['t1']);
    expect(offsetOf('t2')).toBe('250');

    // A new item at the top shifts every place: all are measured again.
    asked.length = 0;
    rerender(list([{ id: 'new', h: 100 }, ...next], height));
    expect(asked).toHaveLength(1001);
    expect(offsetOf('t2')).toBe('350');

    // Another height function (another layout) measures everything with it.
    asked.length = 0;
    const flat = (it: Item) => (asked.push(it.id), 50);
    rerender(list(next, flat));
    expect(asked).toHaveLength(1000);
    expect(offsetOf('t2')).toBe('100');
  });
});
