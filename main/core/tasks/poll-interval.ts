// How long to wait before asking about a task again. Generations take minutes, so a queued
// task or one whose progress is not moving is asked less often, and a task close to done is
// asked often so the user hears about it promptly. Always within [floor, cap].
import type { TaskState } from './model';

export interface IntervalInput {
  state: TaskState;
  /** 0-100, or null when the server did not say. */
  progress: number | null;
  /** Polls in a row that brought no news (same state and progress as before). */
  unchangedPolls: number;
  floorMs: number;
  capMs: number;
}

/** Growth per poll without news: 1.5x, so a stuck task reaches the cap after a few polls. */
const STUCK_GROWTH = 1.5;

export function nextPollDelay(input: IntervalInput): number {
  const { floorMs, capMs } = input;
  const cap = Math.max(floorMs, capMs);
  if (input.state === 'stalled') return cap;
  let base: number;
  if (input.state === 'queued') {
    base = floorMs * 4;
  } else if (input.progress === null || !Number.isFinite(input.progress)) {
    base = floorMs * 2;
  } else {
    // 3x the floor at 0 %, the floor itself from 95 % on.
    const remaining = Math.min(1, Math.max(0, (95 - input.progress) / 95));
    base = floorMs * (1 + 2 * remaining);
  }
  const stuck = Number.isFinite(input.unchangedPolls)
    ? Math.min(Math.max(0, input.unchangedPolls), 20)
    : 0;
  const delay = base * STUCK_GROWTH ** stuck;
  return Math.round(Math.min(cap, Math.max(floorMs, delay)));
}
