import type { ComponentChildren } from 'preact';
import { FILTERS, type TaskFilter } from '../lib/task-filter';

const LABELS: Record<TaskFilter, string> = {
  all: 'All',
  active: 'Active',
  finished: 'Finished',
  failed: 'Failed',
};

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
  /** More controls at the end of the bar (the layout toggle). */
  children?: ComponentChildren;
}) {
  return (
    <div class="filter-bar">
      <div class="chips" role="radiogroup" aria-label="Show">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={filter === f}
            class={filter === f ? 'chip chip-on' : 'chip'}
            onClick={() => onFilter(f)}
          >
            {LABELS[f]} <span class="chip-count">{counts[f]}</span>
          </button>
        ))}
      </div>
      <input
        type="search"
        class="search"
        placeholder="Search"
        aria-label="Search prompts"
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      {children}
    </div>
  );
}
