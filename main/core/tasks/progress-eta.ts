// Predicts when a running task will finish from how fast its progress rises, so the tracker
// can ask right when the video should be ready instead of every few seconds: fewer requests
// and a finished video noticed sooner.
//
// Progress arrives as whole percents, so each sample is read as the middle of its percent, and
// the rate is measured from the first running sample, whose distance to the latest one only
// grows: the estimate gets sharper as the end comes near, where it matters.

export interface ProgressTrack {
  /** First sample seen while running: [epoch ms, percent]. */
  first: [number, number] | null;
  /** Latest sample: [epoch ms, percent]. */
  last: [number, number] | null;
}

/** Generations report at most 99 while running and finish when they would pass it. */
const FINISH_AT = 99;

export function emptyTrack(): ProgressTrack {
  return { first: null, last: null };
}

/** Returns the track with a new sample (progress going down restarts it: a re-run). */
export function addSample(
  track: ProgressTrack,
  at: number,
  progress: number | null,
): ProgressTrack {
  if (progress === null || !Number.isFinite(progress)) return track;
  const sample: [number, number] = [at, progress];
  if (!track.first || !track.last || progress < track.last[1])
    return { first: sample, last: sample };
  if (progress === track.last[1]) return track; // no news: keep when it was first seen
  return { first: track.first, last: sample };
}

/** Epoch ms at which the task should finish, or null while the rate is unknown. */
export function predictedFinish(track: ProgressTrack): number | null {
  const { first, last } = track;
  if (!first || !last) return null;
  const dp = last[1] - first[1];
  const dt = last[0] - first[0];
  if (dp <= 0 || dt <= 0) return null;
  const rate = dp / dt; // percent per ms
  return last[0] + Math.max(0, FINISH_AT - (last[1] + 0.5)) / rate;
}
