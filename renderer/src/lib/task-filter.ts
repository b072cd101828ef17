// Which tasks the list shows: one of four filters plus a free-text search.
import type { TaskState, TrackedTask } from '../../../preload/contract';

export type TaskFilter = 'all' | 'active' | 'finished' | 'failed';

export const FILTERS: readonly TaskFilter[] = ['all', 'active', 'finished', 'failed'];

const FILTER_STATES: Record<Exclude<TaskFilter, 'all'>, readonly TaskState[]> = {
  active: ['queued', 'running', 'stalled'],
  finished: ['finished'],
  failed: ['failed'],
};

/** The one filter besides 'all' each state belongs to (FILTER_STATES turned around). */
const FILTER_OF: Partial<Record<TaskState, Exclude<TaskFilter, 'all'>>> = {};
for (const [f, states] of Object.entries(FILTER_STATES) as [
  Exclude<TaskFilter, 'all'>,
  readonly TaskState[],
][])
  for (const s of states) FILTER_OF[s] = f;

export function matchesFilter(task: TrackedTask, filter: TaskFilter): boolean {
  return filter === 'all' || FILTER_STATES[filter].includes(task.state);
}

const queryWords = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

function matchesWords(task: TrackedTask, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const hay = `${task.promptText}\n${task.id}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Case-insensitive; every word must appear in the prompt or the task id. */
export function matchesQuery(task: TrackedTask, query: string): boolean {
  return matchesWords(task, queryWords(query));
}

export function filterTasks(
  tasks: readonly TrackedTask[],
  filter: TaskFilter,
  query: string,
  hidden?: ReadonlySet<string>,
): TrackedTask[] {
  // The query is split once per call, not once per task (this runs on every update batch).
  const words = queryWords(query);
  if (words.length === 0 && filter === 'all' && !hidden?.size) return tasks.slice();
  return tasks.filter(
    (t) => !hidden?.has(t.id) && matchesFilter(t, filter) && matchesWords(t, words),
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
    const f = FILTER_OF[t.state];
    if (f) counts[f]++;
  }
  return counts;
}
