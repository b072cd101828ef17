import { describe, expect, it } from 'vitest';
import {
  addSample,
  emptyTrack,
  finishBy,
  predictedFinish,
  type ProgressTrack,
} from './progress-eta';

/** Samples of a task whose progress rises linearly 0 -> 99 over `runMs`, as whole percents. */
function linear(runMs: number, at: number[]): ProgressTrack {
  return at.reduce(
    (track, t) => addSample(track, t, Math.min(99, Math.floor((99 * t) / runMs))),
    emptyTrack(),
  );
}

describe('progress ETA', () => {
  it('is unknown until progress has moved', () => {
    expect(predictedFinish(emptyTrack())).toBeNull();
    expect(predictedFinish(addSample(emptyTrack(), 1000, 10))).toBeNull();
    expect(predictedFinish(addSample(addSample(emptyTrack(), 1000, 10), 5000, 10))).toBeNull();
  });

  it('predicts the end of a steady generation, sharper as samples spread', () => {
    const runMs = 150_000;
    const early = predictedFinish(linear(runMs, [10_000, 30_000])) as number;
    const late = predictedFinish(linear(runMs, [10_000, 30_000, 100_000, 140_000])) as number;
    expect(Math.abs(early - runMs)).toBeLessThan(0.05 * runMs);
    expect(Math.abs(late - runMs)).toBeLessThan(Math.abs(early - runMs) + 1);
    expect(Math.abs(late - runMs)).toBeLessThan(1_000);
  });

  it('keeps the first time a percent was seen, and restarts when progress goes back', () => {
    const t = addSample(addSample(emptyTrack(), 0, 10), 2000, 20);
    expect(addSample(t, 3000, 20)).toBe(t);
    expect(addSample(t, 4000, 5)).toEqual({
      first: [4000, 5],
      last: [4000, 5],
      seen: [[4000, 5]],
    });
    expect(addSample(t, 4000, null)).toBe(t);
  });

  it('bounds the end from above for steady generations, closing in as sightings add up', () => {
    // Many runs at odd speeds and phases: the bound is never before the true end.
    for (const runMs of [61_000, 97_300, 150_000, 249_900]) {
      for (const offset of [0, 333, 777, 1_234]) {
        const at = [0.05, 0.3, 0.55, 0.7, 0.8, 0.88, 0.93, 0.96].map(
          (f) => Math.round(f * runMs) + offset,
        );
        const bound = finishBy(linear(runMs, at)) as number;
        expect(bound).toBeGreaterThanOrEqual(runMs);
        // Within one percent step of the end: close enough to ask right there.
        expect(bound - runMs).toBeLessThanOrEqual(runMs / 99);
      }
    }
    const few = finishBy(linear(150_000, [10_000, 60_000])) as number;
    const many = finishBy(linear(150_000, [10_000, 60_000, 100_000, 121_000, 133_000, 141_000]));
    expect(many as number).toBeLessThanOrEqual(few);
  });

  it('gives no bound until two sightings are two percents apart, or for an unsteady pace', () => {
    expect(finishBy(emptyTrack())).toBeNull();
    expect(finishBy(addSample(addSample(emptyTrack(), 0, 10), 1000, 11))).toBeNull();
    expect(finishBy(addSample(addSample(emptyTrack(), 0, 10), 1000, 12))).not.toBeNull();
    // 10 -> 20 in 10 s, then 20 -> 80 in 2 s: no steady pace fits both, so the track starts
    // again from the jump (the last two sightings); a slow-down keeps only the newest one.
    const jumpy = [
      [0, 10],
      [10_000, 20],
      [12_000, 80],
    ].reduce((t, [at, p]) => addSample(t, at as number, p as number), emptyTrack());
    expect(jumpy.seen).toEqual([
      [10_000, 20],
      [12_000, 80],
    ]);
    const crawl = [
      [0, 10],
      [1_000, 50],
      [2_000, 90],
      [30_000, 91],
    ].reduce((t, [at, p]) => addSample(t, at as number, p as number), emptyTrack());
    expect(crawl.seen).toEqual([[30_000, 91]]);
    expect(finishBy(crawl)).toBeNull();
  });

  it('a stall then a jump: the pace after the jump predicts the end, not the stall', () => {
    // 0 % for 70 s, then 60 % and rising 2 % per second: ends near 119.5 s.
    const t = [
      [0, 0],
      [70_000, 60],
      [75_000, 70],
    ].reduce((acc, [at, p]) => addSample(acc, at as number, p as number), emptyTrack());
    const by = finishBy(t);
    expect(by).not.toBeNull();
    expect(by!).toBeGreaterThan(90_000);
    expect(by!).toBeLessThan(100_000);
  });

  it('keeps the first sighting and the latest ones when there are many', () => {
    let t = emptyTrack();
    for (let p = 0; p < 40; p++) t = addSample(t, p * 1000, p);
    expect(t.seen?.length).toBe(12);
    expect(t.seen?.[0]).toEqual([0, 0]);
    expect(t.seen?.[11]).toEqual([39_000, 39]);
  });
});
