// Which tasks the list shows: one of four filters plus a free-text search.
import type { TaskState, TrackedTask } from '../../../preload/contract';

export type TaskFilter = 'all' | 'active' | 'finished' | 'failed';

export const FILTERS: readonly TaskFilter[] = ['all', 'active', 'finished', 'failed'];

const FILTER_STATES: Record<Exclude<TaskFilter, 'all'>, readonly TaskState[]> = {
  active: ['queued', 'running', 'stalled'],
  finished: ['finished'],
  failed: ['failed'],
};

export function matchesFilter(task: TrackedTask, filter: TaskFilter): boolean {
  return filter === 'all' || FILTER_STATES[filter].includes(task.state);
}

/** Case-insensitive; every word must appear in the prompt or the task id. */
export function matchesQuery(task: TrackedTask, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${task.promptText}\n${task.id}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function filterTasks(
  tasks: readonly TrackedTask[],
  filter: TaskFilter,
  query: string,
  hidden?: ReadonlySet<string>,
): TrackedTask[] {
  return tasks.filter(
    (t) => !hidden?.has(t.id) && matchesFilter(t, filter) && matchesQuery(t, query),
  );
}

export function countByFilter(
  tasks: readonly TrackedTask[],
  hidden?: ReadonlySet<string>,
): Record<TaskFilter, number> {
  const counts: Record<TaskFilter, number> = { all: 0, active: 0, finished: 0, failed: 0 };
  for (const t of tasks) {
    if (hidden?.has(t.id)) continue;
    counts.all++;
    for (const f of FILTERS) if (f !== 'all' && matchesFilter(t, f)) counts[f]++;
  }
  return counts;
}
