// Poll timing defaults and the bridge from the user's Settings (seconds, minutes) to the
// tracker's milliseconds. The request budget is not a guess here: the tracker learns each
// gateway's limit (learnt-rate.ts); the user's cap, when set, bounds it.
import type { Settings } from '../settings';
import type { PollSettings } from './tracker-types';

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  firstPollMs: 3_000,
  floorMs: 5_000,
  capMs: 60_000,
  stalledAfterMs: 60 * 60_000,
  maxInFlight: 4,
  // No cap unless the user sets one: the budget is learnt from the gateway's answers, starting
  // generous at 3,000 per minute (a plain 5-second poller with 250 tasks), doubling while it
  // holds demand back and answers are clean, and cut on the first 429.
  budget: { max: Infinity, windowMs: 60_000 },
  budgetStartMax: 3_000,
};

/** The user-facing timing settings, converted for the tracker (`updateSettings` takes this). */
export function pollSettingsFrom(
  settings: Pick<Settings, 'pollFloorSec' | 'pollCapSec' | 'stalledAfterMin' | 'pollMaxPerMin'>,
): Pick<PollSettings, 'floorMs' | 'capMs' | 'stalledAfterMs' | 'budget'> {
  const cap = settings.pollMaxPerMin;
  return {
    floorMs: Math.round(settings.pollFloorSec * 1000),
    capMs: Math.round(settings.pollCapSec * 1000),
    stalledAfterMs: Math.round(settings.stalledAfterMin * 60_000),
    // Older settings files lack the field: no cap.
    budget: {
      max: Number.isFinite(cap) && cap > 0 ? Math.round(cap) : Infinity,
      windowMs: DEFAULT_POLL_SETTINGS.budget.windowMs,
    },
  };
}

function positive(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    // eslint-disable-next-line main-text/no-literal-error-text -- settings are validated (and worded) before they get here
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
      max:
        merged.budget.max === Infinity
          ? Infinity
          : Math.floor(positive('budget.max', merged.budget.max, 1)),
      windowMs: positive('budget.windowMs', merged.budget.windowMs, 1),
    },
    budgetStartMax: Math.floor(positive('budgetStartMax', merged.budgetStartMax, 1)),
  };
}
