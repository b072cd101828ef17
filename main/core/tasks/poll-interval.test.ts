import { describe, expect, it } from 'vitest';
import { nextPollDelay, type IntervalInput } from './poll-interval';

const base: IntervalInput = {
  state: 'running',
  progress: 50,
  unchangedPolls: 0,
  floorMs: 5_000,
  capMs: 60_000,
};
const delay = (patch: Partial<IntervalInput>): number => nextPollDelay({ ...base, ...patch });

describe('nextPollDelay', () => {
  it('asks a queued task less often than a running one', () => {
    expect(delay({ state: 'queued', progress: null })).toBeGreaterThan(delay({ progress: 0 }));
  });

  it('asks more often as progress nears 100, reaching the floor', () => {
    const at = [0, 25, 50, 75, 90, 99].map((progress) => delay({ progress }));
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeLessThan(at[i - 1] as number);
    expect(delay({ progress: 96 })).toBe(5_000);
    expect(delay({ progress: 0 })).toBe(15_000);
  });

  it('slows down while nothing moves: a running task up to 3x the floor, others to the cap', () => {
    const stuck = [0, 1, 2].map((unchangedPolls) => delay({ progress: 50, unchangedPolls }));
    for (let i = 1; i < stuck.length; i++) expect(stuck[i]).toBeGreaterThan(stuck[i - 1] as number);
    // Stalled progress may jump any moment (or the video may just be done): seen within 15 s.
    expect(delay({ progress: 0, unchangedPolls: 50 })).toBe(15_000);
    expect(delay({ progress: 50, unchangedPolls: 50 })).toBe(15_000);
    expect(delay({ state: 'queued', unchangedPolls: 10 })).toBe(60_000);
  });

  it('a running task that reports no progress is asked at the floor, like a plain poller', () => {
    expect(delay({ progress: null, unchangedPolls: 0 })).toBe(5_000);
    expect(delay({ progress: null, unchangedPolls: 30 })).toBe(5_000);
  });

  it('polls a stalled task at the cap', () => {
    expect(delay({ state: 'stalled', progress: 99 })).toBe(60_000);
  });

  it('never leaves [floor, cap], even for odd input', () => {
    for (const progress of [null, -20, 0, 100, 250, Number.NaN]) {
      for (const unchangedPolls of [-3, 0, 5, 1e6]) {
        const d = delay({ progress, unchangedPolls });
        expect(d).toBeGreaterThanOrEqual(5_000);
        expect(d).toBeLessThanOrEqual(60_000);
      }
    }
    // A cap below the floor cannot make the delay shorter than the floor.
    expect(delay({ floorMs: 10_000, capMs: 2_000 })).toBe(10_000);
  });
});

describe('nextPollDelay with a predicted finish', () => {
  it('asks halfway while far from the end, and just after the end when near', () => {
    expect(delay({ msToFinish: 40_000 })).toBe(20_000);
    const near = delay({ msToFinish: 8_000 });
    expect(near).toBeGreaterThan(8_000);
    expect(near).toBeLessThan(8_500);
  });

  it('lands just after the end by a pad that scales with the floor, not with the wait', () => {
    expect(delay({ msToFinish: 8_000 })).toBe(8_050);
    expect(delay({ msToFinish: 6_000 })).toBe(6_050);
    // A tenth of the timings (the benchmark's time scale): a tenth of the pad.
    expect(delay({ floorMs: 500, capMs: 6_000, msToFinish: 800 })).toBe(805);
  });

  it('still keeps to the floor and the cap', () => {
    expect(delay({ msToFinish: 1_000 })).toBe(5_000);
    expect(delay({ msToFinish: -3_000 })).toBe(5_000);
    expect(delay({ msToFinish: 10 * 60_000 })).toBe(60_000);
  });

  it('falls back to the plain rule when the prediction ran out without news, or when queued', () => {
    expect(delay({ msToFinish: -1_000, unchangedPolls: 2 })).toBe(delay({ unchangedPolls: 2 }));
    // A prediction still ahead is followed even without news (a slow crawl between percents).
    expect(delay({ msToFinish: 8_000, unchangedPolls: 2 })).toBe(8_050);
    expect(delay({ state: 'queued', progress: null, msToFinish: 8_000 })).toBe(
      delay({ state: 'queued', progress: null }),
    );
  });
});
