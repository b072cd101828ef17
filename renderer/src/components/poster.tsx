import { useState } from 'preact/hooks';
import type { TrackedTask } from '../../../preload/contract';
import { posterOf } from '../lib/task-view';

export function Poster({ task }: { task: TrackedTask }) {
  const url = posterOf(task);
  const [failed, setFailed] = useState<string | null>(null);
  if (!url || failed === url) {
    return (
      <div class={`poster poster-empty poster-${task.state}`} aria-hidden="true">
        <svg viewBox="0 0 24 24" width="24" height="24">
          <path d="M4 6h11a1 1 0 0 1 1 1v3l4-3v10l-4-3v3a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z" />
        </svg>
      </div>
    );
  }
  return (
    <img
      class="poster"
      src={url}
      alt=""
      loading="lazy"
      referrerpolicy="no-referrer"
      draggable={false}
      onError={() => setFailed(url)}
    />
  );
}
