// Short messages at the bottom of the window ("Copied", a refused drag, an undo offer).
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface NoticeOptions {
  kind?: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Milliseconds before it goes; errors stay longer by default. */
  timeoutMs?: number;
  /** Runs when the notice leaves without its action being taken. */
  onExpire?: () => void;
}

interface NoticeApi {
  notices: Notice[];
  show(text: string, options?: NoticeOptions): number;
  dismiss(id: number, acted?: boolean): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(
    new Map<number, { timer: ReturnType<typeof setTimeout>; onExpire?: () => void }>(),
  );
  const nextId = useRef(1);

  const dismiss = useCallback((id: number, acted = false) => {
    const entry = timers.current.get(id);
    if (entry) {
      clearTimeout(entry.timer);
      timers.current.delete(id);
      if (!acted) entry.onExpire?.();
    }
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const show = useCallback(
    (text: string, options: NoticeOptions = {}) => {
      const id = nextId.current++;
      const kind = options.kind ?? 'info';
      const timeoutMs = options.timeoutMs ?? (kind === 'error' ? 8000 : 3000);
      const timer = setTimeout(() => dismiss(id), timeoutMs);
      timers.current.set(id, { timer, onExpire: options.onExpire });
      // Keep the stack short: the oldest plain message gives way.
      setNotices((list) => [...list.slice(-2), { id, text, kind, action: options.action }]);
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const { timer, onExpire } of pending.values()) {
        clearTimeout(timer);
        onExpire?.();
      }
      pending.clear();
    };
  }, []);

  const api = useMemo(() => ({ notices, show, dismiss }), [notices, show, dismiss]);
  return <NoticeContext.Provider value={api}>{children}</NoticeContext.Provider>;
}

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices outside <NoticeProvider>');
  return api;
}
