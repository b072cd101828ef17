import { describe, expect, it } from 'vitest';
import { addSample, emptyTrack, predictedFinish, type ProgressTrack } from './progress-eta';

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
    expect(addSample(t, 4000, 5)).toEqual({ first: [4000, 5], last: [4000, 5] });
    expect(addSample(t, 4000, null)).toBe(t);
  });
});
