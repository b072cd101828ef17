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
  /** Milliseconds until the task is predicted to finish (progress-eta), or null. */
  msToFinish?: number | null;
}

/** The deciding poll lands this share of the floor (50 ms at the default 5 s) past the
 * predicted end, against timer and clock jitter. No margin proportional to the wait: the end
 * the tracker passes is the latest one its sightings allow (finishBy), and sightings are
 * timed when the answer arrives, after the server looked, so a poll aimed there is already
 * late enough; a proportional margin only delayed every detection (about 0.1 s at the
 * median in the polling bench) without preventing an early landing. */
const LANDING_PAD = 0.01;

/** Growth per poll without news: 1.5x, so a stuck task reaches the cap after a few polls. */
const STUCK_GROWTH = 1.5;

export function nextPollDelay(input: IntervalInput): number {
  const { floorMs, capMs } = input;
  const cap = Math.max(floorMs, capMs);
  if (input.state === 'stalled') return cap;
  const eta = input.msToFinish;
  // A prediction is followed while it has not run out, or while news keeps coming; a task
  // still running after its predicted end with no news falls back to the gaps below.
  if (
    input.state === 'running' &&
    eta != null &&
    Number.isFinite(eta) &&
    (input.unchangedPolls < 2 || eta > 0)
  ) {
    // Far from the end: ask halfway there, which sharpens the prediction. Near it: ask just
    // after the predicted end, so the finished video is noticed within moments.
    const remaining = Math.max(0, eta);
    const delay = remaining > 2 * floorMs ? remaining / 2 : remaining + LANDING_PAD * floorMs;
    return Math.round(Math.min(cap, Math.max(floorMs, delay)));
  }
  let base: number;
  if (input.state === 'queued') {
    base = floorMs * 4;
  } else if (input.progress === null || !Number.isFinite(input.progress)) {
    // Running without any progress reported: nothing tells when it ends, so it is asked at
    // the floor, as often as a plain poller would, and no more.
    if (input.state === 'running') return floorMs;
    base = floorMs * 2;
  } else {
    // 3x the floor at 0 %, the floor itself from 95 % on.
    const remaining = Math.min(1, Math.max(0, (95 - input.progress) / 95));
    base = floorMs * (1 + 2 * remaining);
  }
  const stuck = Number.isFinite(input.unchangedPolls)
    ? Math.min(Math.max(0, input.unchangedPolls), 20)
    : 0;
  // A running task without news still finishes some time: its progress may be stalled before
  // a jump, or never reported at all. Its gap stops growing at 3x the floor (the gap at 0 %),
  // so the jump or the end is seen within moments, at well under the naive poller's cost.
  const growthCap = input.state === 'running' ? Math.max(base, floorMs * 3) : cap;
  const delay = Math.min(growthCap, base * STUCK_GROWTH ** stuck);
  return Math.round(Math.min(cap, Math.max(floorMs, delay)));
}
