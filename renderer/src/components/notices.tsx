import { useNotices } from '../hooks/use-notices';
import { useT } from '../i18n/i18n';

export function Notices() {
  const { notices, dismiss } = useNotices();
  const { m } = useT();
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
            aria-label={m.notices.dismiss}
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
