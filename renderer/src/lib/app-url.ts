// URLs of what main serves the page besides itself: app://poster/<task>/<video> and
// app://video/<task>/<video>. Main resolves the ids to the cached poster, the saved file or
// the result URL; the page never names a remote host or a path.
//
// Served from app:// (the app), the routes are their own hosts. Served from anywhere else
// (the end-to-end harness over http://127.0.0.1), the same routes are asked of the page's own
// origin under /app/<host>/, which the harness hands to main's real route table.
import type { VideoRef } from '../../../preload/contract';

export type MediaHost = 'poster' | 'video';

export function appUrl(host: MediaHost, ref: VideoRef): string {
  const path = `${encodeURIComponent(ref.taskId)}/${encodeURIComponent(ref.videoId)}`;
  if (location.protocol === 'app:') return `app://${host}/${path}`;
  return `${location.origin}/app/${host}/${path}`;
}
