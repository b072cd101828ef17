// Removing a task hides it at once and offers Undo; main is told only when the offer lapses,
// so an undo loses nothing (downloads, history) and needs no round trip.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PikaBridge, TrackedTask } from '../../../preload/contract';
import { errorMessage } from '../lib/format';
import type { useNotices } from './use-notices';
import { useT } from '../i18n/i18n';

export const UNDO_MS = 6000;

export function usePendingRemoval(bridge: PikaBridge, notices: ReturnType<typeof useNotices>) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Set<string>());
  const { show } = notices;
  const m = useT().m.actions;

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
          show(m.removeFailed(errorMessage(err)), { kind: 'error' });
        },
      );
    },
    [bridge, show, unhide, m],
  );

  const remove = useCallback(
    (task: TrackedTask) => {
      pending.current.add(task.id);
      setHidden((s) => new Set(s).add(task.id));
      show(task.promptText ? m.removed(`“${task.promptText.slice(0, 30)}”`) : m.removedTask, {
        timeoutMs: UNDO_MS,
        action: { label: m.undo, run: () => unhide(task.id) },
        onExpire: () => commit(task.id),
      });
    },
    [show, unhide, commit, m],
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
