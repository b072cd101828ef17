// Connects a TaskStore to the bridge: subscribe first, then load the list, so no change
// pushed after the list was read is missed.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PikaBridge, TaskChange } from '../../../preload/contract';
import { errorMessage } from '../lib/format';
import { createTaskStore, type TaskStore } from '../store/task-store';

export interface TaskStoreState {
  store: TaskStore;
  loaded: boolean;
  loadError: string | null;
  reload(): void;
}

export function connectStore(
  bridge: PikaBridge,
  store: TaskStore,
  onLoaded: (error: string | null) => void,
): () => void {
  let listed = false;
  let closed = false;
  const off = bridge.tasks.onChange((changes: TaskChange[]) => {
    // Changes pushed before the list's answer are already in that answer: IPC keeps order
    // on one window's channel, and applying them again could roll progress back.
    if (listed) store.apply(changes);
  });
  bridge.tasks.list().then(
    (tasks) => {
      if (closed) return;
      store.reset(tasks);
      listed = true;
      onLoaded(null);
    },
    (err: unknown) => {
      if (!closed) onLoaded(errorMessage(err));
    },
  );
  return () => {
    closed = true;
    off();
  };
}

export function useTaskStore(bridge: PikaBridge): TaskStoreState {
  const store = useMemo(() => createTaskStore(), []);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      connectStore(bridge, store, (error) => {
        setLoadError(error);
        setLoaded(error === null);
      }),
    [bridge, store, attempt],
  );
  return { store, loaded, loadError, reload: () => setAttempt((n) => n + 1) };
}

/** Re-renders when the store changes; returns its current (newest-first) list. */
export function useTasks(store: TaskStore) {
  const [tasks, setTasks] = useState(store.tasks());
  useEffect(() => {
    setTasks(store.tasks());
    return store.subscribe(() => setTasks(store.tasks()));
  }, [store]);
  return tasks;
}
