import { describe, expect, it } from 'vitest';
import { nextPollAt, predictedEnd } from './next-poll';
import { addSample, emptyTrack, finishBy, predictedFinish } from './progress-eta';

const track = (points: [number, number][]) =>
  points.reduce((t, [at, p]) => addSample(t, at, p), emptyTrack());

describe('next poll', () => {
  it('lands a quarter floor past the estimate when the bound is looser', () => {
    // A crawl: one percent every 10 s, seen at 90, 92 and 94 (bound loose, estimate close).
    const t = track([
      [0, 90],
      [20_000, 92],
      [40_000, 94],
    ]);
    const estimate = predictedFinish(t)!;
    expect(finishBy(t)!).toBeGreaterThan(estimate + 5_000);
    expect(predictedEnd(t, 5_000)).toBe(estimate + 1_250);
  });

  it('takes the bound when it is the tighter one, and the plain rule without sightings', () => {
    const t = track([
      [0, 10],
      [10_000, 30],
      [20_000, 50],
      [30_000, 70],
    ]);
    expect(predictedEnd(t, 5_000)).toBe(Math.min(finishBy(t)!, predictedFinish(t)! + 1_250));
    const queued = nextPollAt({
      task: { state: 'queued', progress: null },
      progress: emptyTrack(),
      unchangedPolls: 0,
      floorMs: 5_000,
      capMs: 60_000,
      now: 1_000,
    });
    expect(queued).toBe(1_000 + 20_000);
  });
});
