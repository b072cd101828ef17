// The renderer's copy of the task list: filled once from tasks.list(), then kept current by
// the TaskChange batches main pushes. Plain module with no Preact, so it is tested directly.
import type { TaskChange, TrackedTask } from '../../../preload/contract';

export interface TaskStore {
  /** Newest first. The same array until something changes, so it can drive re-renders. */
  tasks(): readonly TrackedTask[];
  get(id: string): TrackedTask | undefined;
  /** Replaces everything (the answer of tasks.list()). */
  reset(tasks: readonly TrackedTask[]): void;
  apply(changes: readonly TaskChange[]): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Newest first. Tasks added together (one paste of several ids) share `addedAt`; the sort is
 * stable, so they keep the order they were added in, which is the order main lists and
 * announces them: the order they were pasted, not the order of their ids.
 */
function newestFirst(a: TrackedTask, b: TrackedTask): number {
  return b.addedAt - a.addedAt;
}

export function createTaskStore(): TaskStore {
  const byId = new Map<string, TrackedTask>();
  let snapshot: readonly TrackedTask[] = [];
  let dirty = false;
  const listeners = new Set<() => void>();

  const notify = (): void => {
    for (const l of [...listeners]) l();
  };

  return {
    tasks() {
      if (dirty) {
        // A progress tick re-sorts nothing in practice, but sorting a few thousand nearly
        // sorted items is cheap and keeps the order right whatever arrives.
        snapshot = [...byId.values()].sort(newestFirst);
        dirty = false;
      }
      return snapshot;
    },
    get: (id) => byId.get(id),
    reset(tasks) {
      byId.clear();
      for (const t of tasks) byId.set(t.id, t);
      dirty = true;
      notify();
    },
    apply(changes) {
      let changed = false;
      for (const change of changes) {
        switch (change.type) {
          case 'upsert':
            byId.set(change.task.id, change.task);
            changed = true;
            break;
          case 'patch': {
            const current = byId.get(change.id);
            // A patch for a task we do not hold (removed meanwhile) has nothing to apply to.
            if (!current) break;
            byId.set(change.id, { ...current, ...change.patch, id: current.id });
            changed = true;
            break;
          }
          case 'remove':
            changed = byId.delete(change.id) || changed;
            break;
        }
      }
      if (changed) {
        dirty = true;
        notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
