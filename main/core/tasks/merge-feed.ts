// Folding a feed answer into a tracked task, and telling which changes matter on disk.
// Pure, so the rules (what is a state change, what is only progress) are tested alone.
import type { FeedTask, FeedVideo, VideoState } from '../api/types';
import type { ChangedKeys } from './tracker-types';
import type { TaskState, TrackedTask } from './model';

export function taskStateOf(state: VideoState): TaskState {
  return state; // the shared names mean the same; 'stalled' is decided by the tracker
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The keys whose values differ between two versions of a task. */
export function changedKeys(before: TrackedTask, after: TrackedTask): ChangedKeys {
  const keys: ChangedKeys = [];
  for (const key of Object.keys(after) as (keyof TrackedTask)[]) {
    if (!same(before[key], after[key])) keys.push(key);
  }
  return keys;
}

/** A video without its progress: what is worth writing to disk. */
function durablePart(video: FeedVideo): Omit<FeedVideo, 'progress'> {
  const { progress: _progress, ...rest } = video;
  return rest;
}

/** True when a change must be written: anything but progress numbers and poll bookkeeping. */
export function needsWrite(before: TrackedTask, after: TrackedTask, keys: ChangedKeys): boolean {
  for (const key of keys) {
    if (key === 'progress' || key === 'lastCheckedAt' || key === 'attempts') continue;
    if (key === 'finishAt') continue;
    if (key === 'videos') {
      if (!same(before.videos.map(durablePart), after.videos.map(durablePart))) return true;
      continue;
    }
    if (key === 'downloads') {
      // In-progress byte counts are progress; a started, finished or failed download is not.
      const settled = (t: TrackedTask): unknown =>
        Object.fromEntries(
          Object.entries(t.downloads).map(([id, d]) => [
            id,
            d.status === 'downloading' ? 'downloading' : d,
          ]),
        );
      if (!same(settled(before), settled(after))) return true;
      continue;
    }
    return true;
  }
  return false;
}

/**
 * The task after a good feed answer (before the stalled rule). A queued answer with no
 * videos or prompt does not erase what an earlier answer told us.
 */
export function mergeFeed(task: TrackedTask, feed: FeedTask, at: number): TrackedTask {
  const state = taskStateOf(feed.state);
  const ended = state === 'finished' || state === 'failed';
  const wasEnded = task.state === 'finished' || task.state === 'failed';
  return {
    ...task,
    promptText: feed.promptText !== '' ? feed.promptText : task.promptText,
    videos: feed.videos.length > 0 || task.videos.length === 0 ? feed.videos : task.videos,
    state,
    progress: state === 'finished' ? 100 : feed.progress,
    lastCheckedAt: at,
    endedAt: ended
      ? wasEnded && task.state === state && task.endedAt !== null
        ? task.endedAt
        : at
      : null,
    lastError: null,
    // Unseen marks an ending the user has not looked at; a task running again has none.
    seen: ended ? (task.state !== state ? false : task.seen) : true,
  };
}
