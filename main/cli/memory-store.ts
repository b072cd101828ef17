// A task store that keeps the list in memory only: `pika-tray watch` follows the tasks it is
// given for one run and must not touch the app's saved task list.
import type { TrackedTask } from '../core/tasks/model';
import type { LoadResult, TaskStore } from '../core/tasks/storage';

export interface MemoryTaskStore extends TaskStore {
  /** The list as last saved (copies, so later changes to the tracker's objects don't leak in). */
  saved(): TrackedTask[];
}

export function createMemoryStore(initial: TrackedTask[] = []): MemoryTaskStore {
  let tasks = structuredClone(initial);
  return {
    load: (): LoadResult => ({ tasks: structuredClone(tasks), recoveredFrom: null, dropped: 0 }),
    save(next) {
      tasks = structuredClone(next);
    },
    saved: () => structuredClone(tasks),
  };
}
