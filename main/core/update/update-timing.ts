// When the app asks for updates. A tray app runs for weeks: a first look soon after start,
// then every few hours, and never so often that a release server (or a flaky network) sees
// more than one request an hour from one machine, whatever triggers the check.

export interface UpdateTiming {
  /** From start to the first automatic check: after start-up work, not during it. */
  firstDelayMs: number;
  /** Between two successful automatic checks. */
  intervalMs: number;
  /** The least time between the starts of two automatic checks, whatever happens. */
  minGapMs: number;
  /** After the first failure in a row; doubles with each further one… */
  failureBaseMs: number;
  /** …up to this. */
  failureMaxMs: number;
  /**
   * A check fell due while offline or on battery: look again after this long, for the
   * changes nobody reports (the OS's online state has no event).
   */
  blockedRecheckMs: number;
}

const HOUR = 60 * 60 * 1000;

export const UPDATE_TIMING: UpdateTiming = {
  firstDelayMs: 10_000,
  intervalMs: 6 * HOUR,
  minGapMs: HOUR,
  failureBaseMs: HOUR,
  failureMaxMs: 24 * HOUR,
  blockedRecheckMs: 15 * 60 * 1000,
};

/** Wait after `failures` failed checks in a row (1 h, 2 h, 4 h … 24 h with the defaults). */
export function failureBackoffMs(failures: number, timing: UpdateTiming): number {
  const doubled = timing.failureBaseMs * 2 ** Math.max(0, Math.min(failures - 1, 30));
  return Math.min(doubled, timing.failureMaxMs);
}

/** The clock the policy runs on: the real one in the app, a hand-moved one in tests. */
export interface UpdateClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: UpdateClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A pending update check must not keep a quitting process alive.
    timer.unref?.();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
