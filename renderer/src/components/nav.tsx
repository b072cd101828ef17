import type { AppStatus, View } from '../../../preload/contract';

const TABS: { view: View; label: string }[] = [
  { view: 'tasks', label: 'Tasks' },
  { view: 'new', label: 'New video' },
  { view: 'settings', label: 'Settings' },
];

export function Nav({
  view,
  onView,
  status,
  onTogglePause,
}: {
  view: View;
  onView: (v: View) => void;
  status: AppStatus | null;
  onTogglePause: () => void;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.view === view);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length]!;
    onView(next.view);
    document.getElementById(`tab-${next.view}`)?.focus();
  };
  return (
    <header class="nav">
      <nav class="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.view}
            id={`tab-${t.view}`}
            type="button"
            role="tab"
            aria-selected={view === t.view}
            aria-controls="view"
            tabIndex={view === t.view ? 0 : -1}
            class={view === t.view ? 'tab tab-on' : 'tab'}
            onClick={() => onView(t.view)}
          >
            {t.label}
            {t.view === 'tasks' && status?.activeCount ? (
              <span class="tab-count" aria-label={`${status.activeCount} active`}>
                {status.activeCount}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
      {status ? (
        <button
          type="button"
          class="btn btn-small btn-ghost"
          onClick={onTogglePause}
          title={status.paused ? 'Resume checking tasks' : 'Pause checking tasks'}
        >
          {status.paused ? 'Resume' : 'Pause'}
        </button>
      ) : null}
    </header>
  );
}
