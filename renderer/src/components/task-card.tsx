// One task in the list. Its height is fixed by cardHeight() so the list can window without
// measuring; every line below has a fixed height in the stylesheet to match.
import { memo } from '../lib/memo';
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import { formatDuration, timeAgo } from '../lib/format';
import { formatPercent, MEDIA_TEXT } from '../lib/media-text';
import {
  cardHeight,
  CARD,
  downloadOf,
  draggableVideo,
  errorText,
  hasDownloadLine,
  taskDuration,
  taskSeed,
  unknownStatus,
} from '../lib/task-view';
import type { CardActions } from './card-actions';
import { DownloadLine } from './download-line';
import type { MenuItem } from './menu';
import { PreviewPoster } from './preview';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';
import { TimeLeft } from './time-left';
import { VideoButtons, videoLinkItems } from './video-buttons';
import { VideoRow } from './video-row';
import { fmt, messages, useT } from '../i18n/i18n';

interface Props {
  task: TrackedTask;
  actions: CardActions;
  now: number;
  highlighted: boolean;
}

function progressLine(task: TrackedTask, now: number) {
  if (task.state === 'finished' || task.state === 'failed') {
    const end = task.endedAt ?? task.lastCheckedAt;
    const m = messages().card;
    const verb = task.state === 'finished' ? m.finished : m.failed;
    return (
      <span class="card-ended">
        {verb}
        {end ? ` ${timeAgo(end, now)}` : ''}
        {end && end > task.addedAt
          ? ` · ${m.took(fmt().duration((end - task.addedAt) / 1000))}`
          : ''}
      </span>
    );
  }
  if (task.state === 'queued') {
    return (
      <>
        <ProgressBar value={null} label={MEDIA_TEXT.waitingInQueue} />
        <span class="progress-text">{MEDIA_TEXT.queued}</span>
      </>
    );
  }
  return (
    <>
      <ProgressBar value={task.progress} label={MEDIA_TEXT.generating} />
      <span class="progress-text">
        {task.progress != null ? formatPercent(task.progress) : MEDIA_TEXT.generating}
      </span>
      <TimeLeft finishAt={task.finishAt} />
    </>
  );
}

/** The card's ••• menu: links, new video from the prompt, copy id, re-check, remove. */
export function cardMenuItems(task: TrackedTask, actions: CardActions): MenuItem[] {
  const single = task.videos.length === 1 ? task.videos[0] : undefined;
  const m = messages().card;
  return [
    ...(single ? videoLinkItems(task, single, actions) : []),
    ...(task.promptText
      ? [{ label: m.newFromPrompt, run: () => actions.generateFrom(task, 'again') }]
      : []),
    { label: m.copyTaskId, run: () => actions.copy(task.id, m.taskId) },
    { label: m.checkAgain, run: () => actions.recheck(task) },
    { label: m.remove, run: () => actions.remove(task), danger: true },
  ];
}

function TaskCardImpl({ task, actions, now, highlighted }: Props) {
  const { m: all, f } = useT();
  const m = all.card;
  const single: FeedVideo | undefined = task.videos.length === 1 ? task.videos[0] : undefined;
  const dragVideo = draggableVideo(task);
  const err = errorText(task);
  const seed = taskSeed(task);
  const duration = taskDuration(task);
  const singleDownload = single ? downloadOf(task, single) : undefined;

  const menuItems = () => cardMenuItems(task, actions);

  const onDragStart = (e: DragEvent) => {
    // Main starts a native drag of the real file; the page's own drag must not start.
    e.preventDefault();
    if (dragVideo) actions.startDrag(task, dragVideo);
  };

  const classes = ['card', `card-${task.state}`];
  if (highlighted) classes.push('card-highlight');
  if (dragVideo) classes.push('card-draggable');
  if (!task.seen) classes.push('card-unseen');

  return (
    <article
      class={classes.join(' ')}
      style={{ height: `${cardHeight(task) - CARD.gap}px` }}
      draggable={!!dragVideo}
      onDragStart={onDragStart}
      data-task-id={task.id}
      aria-label={task.promptText || m.task(task.id)}
      title={dragVideo ? m.dragHint : undefined}
    >
      <div class="card-top">
        <PreviewPoster task={task} />
        <div class="card-main">
          <div class="card-head">
            <p class="prompt" title={task.promptText}>
              {task.promptText || <span class="muted">{m.waiting}</span>}
            </p>
            <StatusBadge state={task.state} raw={unknownStatus(task.videos[0])} />
          </div>
          <div class="card-meta">
            {seed != null ? <span>{m.seed(String(seed))}</span> : null}
            {duration != null ? <span>{formatDuration(duration)}</span> : null}
            {task.videos.length > 1 ? <span>{m.videos(f.number(task.videos.length))}</span> : null}
            <span title={f.dateTime(task.addedAt)}>{m.added(timeAgo(task.addedAt, now))}</span>
          </div>
          <div class="card-progress">{progressLine(task, now)}</div>
        </div>
      </div>
      {err ? (
        <p class="card-error" title={err}>
          {err}
        </p>
      ) : null}
      {single && singleDownload && hasDownloadLine(task, single) ? (
        <DownloadLine download={singleDownload} onRetry={() => actions.download(task, single)} />
      ) : null}
      {task.videos.length > 1
        ? task.videos.map((v, i) => (
            <VideoRow key={v.id} task={task} video={v} index={i} actions={actions} />
          ))
        : null}
      <div class="card-actions">
        {single ? <VideoButtons task={task} video={single} actions={actions} /> : null}
        <span class="spacer" />
        <button
          type="button"
          class="btn btn-small btn-ghost"
          aria-haspopup="menu"
          aria-label={m.moreActions}
          title={m.moreActions}
          onClick={(e) => actions.openMenu(e.currentTarget as HTMLElement, menuItems())}
        >
          •••
        </button>
      </div>
    </article>
  );
}

export const TaskCard = memo(TaskCardImpl);
