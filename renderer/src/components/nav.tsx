import type { AppStatus, View } from '../../../preload/contract';
import { useT } from '../i18n/i18n';

const TABS: { view: View; label: 'tasks' | 'newVideo' | 'settings' }[] = [
  { view: 'tasks', label: 'tasks' },
  { view: 'new', label: 'newVideo' },
  { view: 'settings', label: 'settings' },
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
  const { m, f } = useT();
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
      <nav class="tabs" role="tablist" aria-label={m.nav.views} onKeyDown={onKeyDown}>
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
            {m.nav[t.label]}
            {t.view === 'tasks' && status?.activeCount ? (
              <span class="tab-count" aria-label={m.nav.active(f.number(status.activeCount))}>
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
          title={status.paused ? m.nav.resumeTitle : m.nav.pauseTitle}
        >
          {status.paused ? m.nav.resume : m.nav.pause}
        </button>
      ) : null}
    </header>
  );
}
