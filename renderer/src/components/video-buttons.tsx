// The buttons one video gets: Open, then Download / Reveal / Retry as its download allows,
// the links go in the card's menu.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import { downloadOf } from '../lib/task-view';
import type { CardActions } from './card-actions';
import type { MenuItem } from './menu';
import { messages, useT } from '../i18n/i18n';

export function videoLinkItems(
  task: TrackedTask,
  video: FeedVideo,
  actions: CardActions,
): MenuItem[] {
  const m = messages().card;
  const items: MenuItem[] = [];
  if (video.resultUrl) {
    const url = video.resultUrl;
    items.push({ label: m.copyVideoUrl, run: () => actions.copy(url, m.videoUrl) });
  }
  if (video.sharingUrl) {
    const url = video.sharingUrl;
    items.push({ label: m.copyShareUrl, run: () => actions.copy(url, m.shareUrl) });
  }
  if (video.state === 'finished' && video.resultUrl) {
    items.push({
      label: m.extend,
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
  const m = useT().m.card;
  const d = downloadOf(task, video);
  // Alone in its card the visible word names the button; beside others it names the video too.
  const named = (action: string) => (label ? m.actionOn(action, label) : undefined);
  const canOpen = d?.status === 'done' || !!video.resultUrl;
  return (
    <>
      {canOpen ? (
        <button
          type="button"
          class="btn btn-primary btn-small"
          aria-label={named(m.open)}
          title={d?.status === 'done' ? m.openFileTitle : m.openLinkTitle}
          onClick={() => actions.openVideo(task, video)}
        >
          {m.open}
        </button>
      ) : null}
      {d?.status === 'done' ? (
        <button
          type="button"
          class="btn btn-small"
          aria-label={named(m.showInFolder)}
          onClick={() => actions.reveal(task, video)}
        >
          {m.showInFolder}
        </button>
      ) : video.resultUrl && d === undefined ? (
        // A running or failed download shows its own line (bar, or Retry) instead.
        <button
          type="button"
          class="btn btn-small"
          aria-label={named(m.download)}
          onClick={() => actions.download(task, video)}
        >
          {m.download}
        </button>
      ) : null}
    </>
  );
}
