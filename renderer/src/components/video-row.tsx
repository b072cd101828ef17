// One video of a task that holds several: its own state, progress, download and buttons.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import { downloadOf, hasDownloadLine } from '../lib/task-view';
import type { CardActions } from './card-actions';
import { DownloadLine } from './download-line';
import { ProgressBar } from './progress-bar';
import { VideoButtons, videoLinkItems } from './video-buttons';
import { useT } from '../i18n/i18n';

const VIDEO_STATE = {
  queued: 'videoQueued',
  running: 'videoRunning',
  finished: 'videoFinished',
  failed: 'videoFailed',
} as const satisfies Record<FeedVideo['state'], string>;

export function VideoRow({
  task,
  video,
  index,
  actions,
}: {
  task: TrackedTask;
  video: FeedVideo;
  index: number;
  actions: CardActions;
}) {
  const { m: all, f } = useT();
  const m = all.card;
  const name = m.videoName(f.number(index + 1));
  const d = downloadOf(task, video);
  const links = videoLinkItems(task, video, actions);
  return (
    <div class="video-row" data-video-id={video.id}>
      <div class="video-line">
        <span class="video-name">{m.videoTitle(f.number(index + 1))}</span>
        <span class={`video-state video-state-${video.state}`}>
          {m[VIDEO_STATE[video.state]]}
          {video.state === 'failed' && video.error ? ` · ${all.app.serverSaid(video.error)}` : ''}
        </span>
        {video.state === 'running' ? (
          <ProgressBar value={video.progress} label={m.progressOf(name)} />
        ) : null}
      </div>
      <div class="video-actions">
        {d && hasDownloadLine(task, video) ? (
          <DownloadLine download={d} onRetry={() => actions.download(task, video)} />
        ) : (
          <VideoButtons task={task} video={video} actions={actions} label={name} />
        )}
        <span class="spacer" />
        {links.length ? (
          <button
            type="button"
            class="btn btn-small btn-ghost"
            aria-haspopup="menu"
            aria-label={m.linksOf(name)}
            onClick={(e) => actions.openMenu(e.currentTarget as HTMLElement, links)}
          >
            {m.links}
          </button>
        ) : null}
      </div>
    </div>
  );
}
