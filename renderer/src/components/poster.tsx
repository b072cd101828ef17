// A task's poster, served by main from app://poster. A quiet placeholder sits underneath and
// shows while the image loads, when it fails, and when there is none; the image loads lazily
// and decodes off the main thread so scrolling stays smooth.
import { useState } from 'preact/hooks';
import type { TrackedTask } from '../../../preload/contract';
import { appUrl } from '../lib/app-url';
import { posterRef } from '../lib/task-view';

export function Poster({ task }: { task: TrackedTask }) {
  const ref = posterRef(task);
  const url = ref ? appUrl('poster', ref) : null;
  const [shown, setShown] = useState<{ url: string; ok: boolean } | null>(null);
  const state = shown?.url === url ? (shown.ok ? 'loaded' : 'broken') : 'loading';
  return (
    <div class={`poster poster-${task.state} poster-${url ? state : 'none'}`} aria-hidden="true">
      <svg class="poster-mark" viewBox="0 0 24 24" width="24" height="24">
        <path d="M4 6h11a1 1 0 0 1 1 1v3l4-3v10l-4-3v3a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z" />
      </svg>
      {url && state !== 'broken' ? (
        <img
          key={url}
          class="poster-img"
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={() => setShown({ url, ok: true })}
          onError={() => setShown({ url, ok: false })}
        />
      ) : null}
    </div>
  );
}
