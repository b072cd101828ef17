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
  /** The first sighting of each percent, oldest first: the first one and the latest few. */
  seen?: [number, number][];
}

/** Sightings kept for `finishBy` (the first plus the latest ones). */
const MAX_SEEN = 12;

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
    return { first: sample, last: sample, seen: [sample] };
  if (progress === track.last[1]) return track; // no news: keep when it was first seen
  const seen = [...(track.seen ?? [track.first]), sample];
  if (seen.length > MAX_SEEN) seen.splice(1, 1);
  // The pace changed (a stall that ended in a jump, a race that turned into a crawl, a step
  // back seen only as a slower rise): what came before says little about the rest, so the
  // track starts again. After a speed-up the last two sightings span the new pace (had the
  // change come before the older one, the next sighting breaks the fit again and drops it);
  // after a slow-down the older one may predate the change, so only the newest is kept.
  if (!steady(seen)) {
    const sped = (sample[1] - track.last[1]) / Math.max(1, sample[0] - track.last[0]);
    const before = (track.last[1] - track.first[1]) / Math.max(1, track.last[0] - track.first[0]);
    return sped > before
      ? { first: track.last, last: sample, seen: [track.last, sample] }
      : { first: sample, last: sample, seen: [sample] };
  }
  return { first: track.first, last: sample, seen };
}

/** The sightings fit one steady pace (see finishBy). */
function steady(points: readonly [number, number][]): boolean {
  return paceBounds(points) !== null;
}

/** The slowest and fastest steady pace (ms per percent) all sightings allow, or null when
 * no steady pace fits them. */
function paceBounds(points: readonly [number, number][]): { slowest: number } | null {
  let slowest = Infinity;
  let fastest = 0;
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) {
      const [ta, pa] = points[a] as [number, number];
      const [tb, pb] = points[b] as [number, number];
      const dt = tb - ta;
      if (dt <= 0) continue;
      // x rose by less than (pb - pa + 1) and by more than (pb - pa - 1) percent in dt.
      if (pb - pa - 1 > 0) slowest = Math.min(slowest, dt / (pb - pa - 1));
      fastest = Math.max(fastest, dt / (pb - pa + 1));
    }
  }
  return fastest > slowest ? null : { slowest };
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

/**
 * The latest moment a steadily progressing task can finish, given every sighting: epoch ms,
 * or null while unknown or when the sightings do not fit a steady rate.
 *
 * A reported percent p means the true progress x was in [p, p + 1) at that moment. With a
 * steady pace of u ms per percent, any two sightings bound u; the slowest pace they allow,
 * applied from each sighting, bounds the finish, and the tightest of those wins. A poll
 * aimed there cannot land before the end (an early landing costs a whole floor interval),
 * and with each sighting at a random point of its percent the bound closes in on the true
 * end as sightings accumulate.
 */
export function finishBy(track: ProgressTrack): number | null {
  const points = track.seen ?? [];
  const bounds = paceBounds(points);
  if (bounds === null || !Number.isFinite(bounds.slowest)) return null;
  const slowest = bounds.slowest; // ms per percent
  let finish = Infinity;
  for (const [t, p] of points) finish = Math.min(finish, t + Math.max(0, FINISH_AT - p) * slowest);
  return finish;
}
