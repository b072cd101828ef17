// Removing a task hides it at once and offers Undo; main is told only when the offer lapses,
// so an undo loses nothing (downloads, history) and needs no round trip.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PikaBridge, TrackedTask } from '../../../preload/contract';
import { errorMessage } from '../lib/format';
import type { useNotices } from './use-notices';

export const UNDO_MS = 6000;

export function usePendingRemoval(bridge: PikaBridge, notices: ReturnType<typeof useNotices>) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Set<string>());
  const { show } = notices;

  const unhide = useCallback((id: string) => {
    pending.current.delete(id);
    setHidden((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  }, []);

  const commit = useCallback(
    (id: string) => {
      if (!pending.current.has(id)) return;
      pending.current.delete(id);
      bridge.tasks.remove(id).then(
        () => unhide(id),
        (err: unknown) => {
          unhide(id);
          show(`Could not remove the task: ${errorMessage(err)}`, { kind: 'error' });
        },
      );
    },
    [bridge, show, unhide],
  );

  const remove = useCallback(
    (task: TrackedTask) => {
      pending.current.add(task.id);
      setHidden((s) => new Set(s).add(task.id));
      const name = task.promptText ? `“${task.promptText.slice(0, 30)}”` : 'Task';
      show(`${name} removed`, {
        timeoutMs: UNDO_MS,
        action: { label: 'Undo', run: () => unhide(task.id) },
        onExpire: () => commit(task.id),
      });
    },
    [show, unhide, commit],
  );

  // Closing the window must not lose a removal the user asked for.
  useEffect(() => {
    const flush = () => {
      for (const id of [...pending.current]) commit(id);
    };
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [commit]);

  return { hidden, remove };
}
