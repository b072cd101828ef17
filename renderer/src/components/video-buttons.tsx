// The buttons one video gets: Open, then Download / Reveal / Retry as its download allows,
// the links go in the card's menu.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import { downloadOf } from '../lib/task-view';
import type { CardActions } from './card-actions';
import type { MenuItem } from './menu';

export function videoLinkItems(
  task: TrackedTask,
  video: FeedVideo,
  actions: CardActions,
): MenuItem[] {
  const items: MenuItem[] = [];
  if (video.resultUrl) {
    const url = video.resultUrl;
    items.push({ label: 'Copy video URL', run: () => actions.copy(url, 'Video URL') });
  }
  if (video.sharingUrl) {
    const url = video.sharingUrl;
    items.push({ label: 'Copy share URL', run: () => actions.copy(url, 'Share URL') });
  }
  if (video.state === 'finished' && video.resultUrl) {
    items.push({
      label: 'Extend this video…',
      run: () => actions.generateFrom(task, 'extend', video.id),
    });
  }
  return items;
}

export function VideoButtons({
  task,
  video,
  actions,
  label,
}: {
  task: TrackedTask;
  video: FeedVideo;
  actions: CardActions;
  /** Names the video in button labels when a task holds several. */
  label?: string;
}) {
  const d = downloadOf(task, video);
  const suffix = label ? ` ${label}` : '';
  const canOpen = d?.status === 'done' || !!video.resultUrl;
  return (
    <>
      {canOpen ? (
        <button
          type="button"
          class="btn btn-primary btn-small"
          aria-label={`Open${suffix}`}
          title={
            d?.status === 'done' ? 'Open the downloaded file' : 'Open the video in the browser'
          }
          onClick={() => actions.openVideo(task, video)}
        >
          Open
        </button>
      ) : null}
      {d?.status === 'done' ? (
        <button
          type="button"
          class="btn btn-small"
          aria-label={`Show in folder${suffix}`}
          onClick={() => actions.reveal(task, video)}
        >
          Show in folder
        </button>
      ) : video.resultUrl && d === undefined ? (
        // A running or failed download shows its own line (bar, or Retry) instead.
        <button
          type="button"
          class="btn btn-small"
          aria-label={`Download${suffix}`}
          onClick={() => actions.download(task, video)}
        >
          Download
        </button>
      ) : null}
    </>
  );
}
