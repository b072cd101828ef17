// What to ask next, for one task: when its next poll should go, from its state, its progress
// sightings and how long nothing has changed. Split out of the tracker's closure (which wires
// this, the scheduler and the learnt budget together) so the rule reads in one place.
import type { TrackedTask } from './model';
import { nextPollDelay } from './poll-interval';
import { finishBy, predictedFinish, type ProgressTrack } from './progress-eta';

export interface NextPollInput {
  task: Pick<TrackedTask, 'state' | 'progress'>;
  progress: ProgressTrack;
  unchangedPolls: number;
  floorMs: number;
  capMs: number;
  now: number;
}

/** Epoch ms at which the task is predicted to be done, or null while unknown. */
export function predictedEnd(progress: ProgressTrack, floorMs: number): number | null {
  // The latest end the sightings allow (a poll there cannot come too early), else the
  // estimate from the overall rate.
  const latest = finishBy(progress);
  const estimate = predictedFinish(progress);
  // The bound can lie far past the estimate (a slow crawl shows a new percent only every
  // several seconds): landing a quarter floor past the estimate then costs less than waiting
  // for the bound.
  return latest !== null && estimate !== null
    ? Math.min(latest, estimate + floorMs / 4)
    : (latest ?? estimate);
}

/** Epoch ms of the task's next poll. */
export function nextPollAt(input: NextPollInput): number {
  const end = predictedEnd(input.progress, input.floorMs);
  return (
    input.now +
    nextPollDelay({
      state: input.task.state,
      progress: input.task.progress,
      unchangedPolls: input.unchangedPolls,
      msToFinish: end === null ? null : end - input.now,
      floorMs: input.floorMs,
      capMs: input.capMs,
    })
  );
}
