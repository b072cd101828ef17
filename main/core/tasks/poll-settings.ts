// Poll timing defaults and the bridge from the user's Settings (seconds, minutes) to the
// tracker's milliseconds. Defaults stay far below gateways' limits of a few hundred requests
// per 3 minutes per IP, so one user with many tasks is never the one who gets throttled.
import type { Settings } from '../settings';
import type { PollSettings } from './tracker-types';

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  firstPollMs: 3_000,
  floorMs: 5_000,
  capMs: 60_000,
  stalledAfterMs: 60 * 60_000,
  maxInFlight: 4,
  budget: { max: 100, windowMs: 180_000 },
};

/** The user-facing timing settings, converted for the tracker (`updateSettings` takes this). */
export function pollSettingsFrom(
  settings: Pick<Settings, 'pollFloorSec' | 'pollCapSec' | 'stalledAfterMin'>,
): Pick<PollSettings, 'floorMs' | 'capMs' | 'stalledAfterMs'> {
  return {
    floorMs: Math.round(settings.pollFloorSec * 1000),
    capMs: Math.round(settings.pollCapSec * 1000),
    stalledAfterMs: Math.round(settings.stalledAfterMin * 60_000),
  };
}

function positive(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`Poll setting ${name} must be a number >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/** Fills gaps from `base` and rejects nonsense; a cap below the floor is raised to the floor. */
export function resolvePollSettings(
  patch: Partial<PollSettings> = {},
  base: PollSettings = DEFAULT_POLL_SETTINGS,
): PollSettings {
  const merged = { ...base, ...patch, budget: { ...base.budget, ...patch.budget } };
  const floorMs = positive('floorMs', merged.floorMs, 1);
  return {
    floorMs,
    capMs: Math.max(floorMs, positive('capMs', merged.capMs, 1)),
    firstPollMs: positive('firstPollMs', merged.firstPollMs, 0),
    stalledAfterMs: positive('stalledAfterMs', merged.stalledAfterMs, 1),
    maxInFlight: Math.floor(positive('maxInFlight', merged.maxInFlight, 1)),
    budget: {
      max: Math.floor(positive('budget.max', merged.budget.max, 1)),
      windowMs: positive('budget.windowMs', merged.budget.windowMs, 1),
    },
  };
}
