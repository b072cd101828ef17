// One task in the grid: a big poster (the preview), the prompt, and one line of state. Its
// height is fixed (GRID.row) so the grid windows like the list without measuring.
import type { TrackedTask } from '../../../preload/contract';
import { timeAgo } from '../lib/format';
import { formatPercent, MEDIA_TEXT } from '../lib/media-text';
import { memo } from '../lib/memo';
import { draggableVideo } from '../lib/task-view';
import type { CardActions } from './card-actions';
import { PreviewPoster } from './preview';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';
import { cardMenuItems } from './task-card';
import { TimeLeft } from './time-left';
import { downloadOf } from '../lib/task-view';
import { useT } from '../i18n/i18n';

/** Fixed pixel heights of the grid, kept in step with .tile in tasks.css. */
export const GRID = { row: 176, gap: 8 } as const;

function stateLine(task: TrackedTask, now: number) {
  if (task.state === 'queued') return <span class="progress-text">{MEDIA_TEXT.queued}</span>;
  if (task.state === 'running' || task.state === 'stalled') {
    return (
      <>
        <ProgressBar value={task.progress} label={MEDIA_TEXT.generating} />
        <span class="progress-text">
          {task.progress != null ? formatPercent(task.progress) : MEDIA_TEXT.generating}
        </span>
        <TimeLeft finishAt={task.finishAt} short />
      </>
    );
  }
  const end = task.endedAt ?? task.lastCheckedAt;
  return <span class="card-ended">{end ? timeAgo(end, now) : ''}</span>;
}

function TaskTileImpl({
  task,
  actions,
  now,
  highlighted,
}: {
  task: TrackedTask;
  actions: CardActions;
  now: number;
  highlighted: boolean;
}) {
  const { m: all } = useT();
  const m = all.card;
  const dragVideo = draggableVideo(task);
  const video = task.videos[0];
  const menu = () => [
    ...(video && (downloadOf(task, video)?.status === 'done' || video.resultUrl)
      ? [{ label: m.open, run: () => actions.openVideo(task, video) }]
      : []),
    ...(video && downloadOf(task, video)?.status === 'done'
      ? [{ label: m.showInFolder, run: () => actions.reveal(task, video) }]
      : video?.resultUrl && !downloadOf(task, video)
        ? [{ label: m.download, run: () => actions.download(task, video) }]
        : []),
    ...cardMenuItems(task, actions),
  ];
  const classes = ['tile', `card-${task.state}`];
  if (highlighted) classes.push('card-highlight');
  if (!task.seen) classes.push('card-unseen');
  return (
    <article
      class={classes.join(' ')}
      draggable={!!dragVideo}
      onDragStart={(e) => {
        e.preventDefault();
        if (dragVideo) actions.startDrag(task, dragVideo);
      }}
      data-task-id={task.id}
      aria-label={task.promptText || m.task(task.id)}
    >
      <PreviewPoster task={task} />
      <div class="tile-head">
        <p class="prompt" title={task.promptText}>
          {task.promptText || <span class="muted">…</span>}
        </p>
        <button
          type="button"
          class="btn btn-small btn-ghost"
          aria-haspopup="menu"
          aria-label={m.moreActions}
          onClick={(e) => actions.openMenu(e.currentTarget as HTMLElement, menu())}
        >
          •••
        </button>
      </div>
      <div class="card-progress tile-state">
        {task.state === 'finished' || task.state === 'failed' ? (
          <StatusBadge state={task.state} />
        ) : null}
        {stateLine(task, now)}
      </div>
    </article>
  );
}

export const TaskTile = memo(TaskTileImpl);
