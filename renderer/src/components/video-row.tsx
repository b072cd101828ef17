// One video of a task that holds several: its own state, progress, download and buttons.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import { downloadOf, hasDownloadLine } from '../lib/task-view';
import type { CardActions } from './card-actions';
import { DownloadLine } from './download-line';
import { ProgressBar } from './progress-bar';
import { VideoButtons, videoLinkItems } from './video-buttons';

const VIDEO_STATE: Record<FeedVideo['state'], string> = {
  queued: 'queued',
  running: 'generating',
  finished: 'ready',
  failed: 'failed',
};

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
  const name = `video ${index + 1}`;
  const d = downloadOf(task, video);
  const links = videoLinkItems(task, video, actions);
  return (
    <div class="video-row" data-video-id={video.id}>
      <div class="video-line">
        <span class="video-name">Video {index + 1}</span>
        <span class={`video-state video-state-${video.state}`}>
          {VIDEO_STATE[video.state]}
          {video.state === 'failed' && video.error ? `: ${video.error}` : ''}
        </span>
        {video.state === 'running' ? (
          <ProgressBar value={video.progress} label={`Progress of ${name}`} />
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
            aria-label={`Links of ${name}`}
            onClick={(e) => actions.openMenu(e.currentTarget as HTMLElement, links)}
          >
            Links
          </button>
        ) : null}
      </div>
    </div>
  );
}
