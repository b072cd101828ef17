import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { DEFAULT_POLL_SETTINGS, pollSettingsFrom, resolvePollSettings } from './poll-settings';

describe('poll settings', () => {
  it('defaults: first poll ~3 s, 5-60 s, stalled after 60 min, 4 in flight, learnt budget', () => {
    expect(DEFAULT_POLL_SETTINGS).toEqual({
      firstPollMs: 3_000,
      floorMs: 5_000,
      capMs: 60_000,
      stalledAfterMs: 3_600_000,
      maxInFlight: 4,
      budget: { max: Infinity, windowMs: 60_000 },
      budgetStartMax: 3_000,
    });
  });

  it('converts the user settings (seconds, minutes) to milliseconds', () => {
    const settings = {
      ...defaultSettings('/tmp'),
      pollFloorSec: 2.5,
      pollCapSec: 90,
      stalledAfterMin: 30,
      pollMaxPerMin: 120,
    };
    expect(pollSettingsFrom(settings)).toEqual({
      floorMs: 2_500,
      capMs: 90_000,
      stalledAfterMs: 1_800_000,
      budget: { max: 120, windowMs: 60_000 },
    });
    // 0 (and a field missing from an older file): no cap.
    expect(pollSettingsFrom({ ...settings, pollMaxPerMin: 0 }).budget.max).toBe(Infinity);
    expect(resolvePollSettings(pollSettingsFrom(defaultSettings('/tmp')))).toEqual(
      DEFAULT_POLL_SETTINGS,
    );
  });

  it('fills gaps, keeps the cap at or above the floor, and refuses nonsense', () => {
    expect(resolvePollSettings({ budget: { max: 10 } as never })).toMatchObject({
      budget: { max: 10, windowMs: 60_000 },
    });
    expect(() => resolvePollSettings({ budget: { max: 0, windowMs: 1 } })).toThrow(/budget.max/);
    expect(resolvePollSettings({ floorMs: 10_000, capMs: 1_000 })).toMatchObject({
      floorMs: 10_000,
      capMs: 10_000,
    });
    expect(() => resolvePollSettings({ floorMs: 0 })).toThrow(/floorMs/);
    expect(() => resolvePollSettings({ maxInFlight: Number.NaN })).toThrow(/maxInFlight/);
    expect(() => resolvePollSettings({ stalledAfterMs: -1 })).toThrow(/stalledAfterMs/);
  });
});
