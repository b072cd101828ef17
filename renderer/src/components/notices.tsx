import { useNotices } from '../hooks/use-notices';

export function Notices() {
  const { notices, dismiss } = useNotices();
  return (
    <div class="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          class={`notice notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span class="notice-text">{n.text}</span>
          {n.action ? (
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                dismiss(n.id, true);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button
            type="button"
            class="link-button"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
