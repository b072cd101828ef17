// The meter with its own clock: throttling, the smoothed rate, and a forced last report that
// does not turn one write's size over a few milliseconds into a rate.
import { expect, it } from 'vitest';
import { createProgressMeter, type DownloadProgress } from './progress-meter';

function meter(intervalMs = 250) {
  let now = 0;
  const reports: DownloadProgress[] = [];
  const m = createProgressMeter(
    (p) => reports.push(p),
    intervalMs,
    () => now,
  );
  return { m, reports, at: (ms: number) => (now = ms) };
}

it('reports at most once per interval, with the rate over that interval', () => {
  const { m, reports, at } = meter();
  m.update(0, 1000);
  at(100);
  m.update(100, 1000);
  expect(reports).toHaveLength(1);
  at(250);
  m.update(250, 1000);
  expect(reports.at(-1)).toEqual({ bytes: 250, total: 1000, rate: 1000 });
});

it('smooths the rate so one slow interval does not swing it all the way', () => {
  const { m, reports, at } = meter();
  m.update(0, null);
  at(1000);
  m.update(1000, null);
  at(2000);
  m.update(1100, null);
  expect(reports.at(-1)?.rate).toBe(Math.round(1000 * 0.6 + 100 * 0.4));
});

it('a forced report inside the interval gives the bytes but keeps the measured rate', () => {
  const { m, reports, at } = meter();
  m.update(0, 2_000_000);
  at(250);
  m.update(100_000, 2_000_000);
  expect(reports.at(-1)?.rate).toBe(400_000);
  // The last batch lands 3 ms later: 1.9 MB in 3 ms is the disk, not the network.
  at(253);
  m.update(2_000_000, 2_000_000, true);
  expect(reports.at(-1)).toEqual({ bytes: 2_000_000, total: 2_000_000, rate: 400_000 });
  // And the next interval is measured from the last real sample, not from the forced report.
  at(500);
  m.update(2_000_000, 2_000_000);
  expect(reports.at(-1)?.rate).toBe(Math.round(400_000 * 0.6 + ((1_900_000 * 1000) / 250) * 0.4));
});
