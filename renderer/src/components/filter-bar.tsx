import type { ComponentChildren } from 'preact';
import { FILTERS, type TaskFilter } from '../lib/task-filter';
import { useT } from '../i18n/i18n';

export function FilterBar({
  filter,
  counts,
  query,
  onFilter,
  onQuery,
  children,
}: {
  filter: TaskFilter;
  counts: Record<TaskFilter, number>;
  query: string;
  onFilter: (f: TaskFilter) => void;
  onQuery: (q: string) => void;
  /**
   * More controls after the chips (the layout toggle): in the 380 px window they end the
   * chips' row and the search box takes the next one, rather than wrapping on their own.
   */
  children?: ComponentChildren;
}) {
  const { m } = useT();
  return (
    <div class="filter-bar">
      <div class="chips" role="radiogroup" aria-label={m.filter.show}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={filter === f}
            class={filter === f ? 'chip chip-on' : 'chip'}
            onClick={() => onFilter(f)}
          >
            {m.filter[f]} <span class="chip-count">{counts[f]}</span>
          </button>
        ))}
      </div>
      {children}
      <input
        type="search"
        class="search"
        placeholder={m.filter.search}
        aria-label={m.filter.searchLabel}
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
    </div>
  );
}
