// The one owner of poll timers. Tasks are entries with a due time; a single timer wakes the
// scheduler for the earliest one. It launches due polls within the in-flight limit and the
// global request budget, nearest-to-done first, and holds no timer at all when nothing is
// due, when it is paused, or when it only waits for polls in flight.
import type { RateBudget } from './rate-budget';

export interface SchedulerOptions {
  now: () => number;
  maxInFlight: number;
  budget: RateBudget;
  /** Performs one poll; must not reject (a rejection is treated as a finished poll). */
  run: (taskId: string) => Promise<void>;
  /** Higher goes first among due tasks (progress: nearest to finishing first), 0-100. */
  priority: (taskId: string) => number;
  /** Waiting this long past its due time is worth 100 priority points, so no task starves
   * behind busier ones when the budget is tight. */
  agingMs: number;
  /** The longest gap between two polls of a task that the budget may cause: a due task
   * whose last poll (or scheduling, before its first) is this old goes even when the budget
   * is spent, so the documented longest gap holds whatever the budget does. */
  maxGapMs?: number;
  /** The budget held a due task back (demand exceeds it). */
  onBound?: () => void;
}

export interface Scheduler {
  /** (Re)sets a task's next poll to epoch ms `at`. */
  schedule(taskId: string, at: number): void;
  cancel(taskId: string): void;
  dueAt(taskId: string): number | undefined;
  isInFlight(taskId: string): boolean;
  inFlightCount(): number;
  /** Nothing is launched while paused (polls in flight finish normally). */
  setPaused(paused: boolean): void;
  /** Global hold (e.g. after a 429): nothing is launched before `until`. */
  holdUntil(until: number): void;
  setMaxInFlight(max: number): void;
  setAgingMs(ms: number): void;
  setMaxGapMs(ms: number): void;
  /** Re-evaluates now (after limits or the budget changed). */
  kick(): void;
  hasPendingTimer(): boolean;
  /** Clears the timer and stops launching; resolves when polls in flight have ended. */
  close(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { now, budget, run, priority } = options;
  let agingMs = Math.max(1, options.agingMs);
  let maxGapMs = options.maxGapMs ?? Infinity;
  /** When each task was last launched (or first scheduled): the start of its current gap. */
  const gapFrom = new Map<string, number>();
  let maxInFlight = options.maxInFlight;
  const due = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let paused = false;
  let closed = false;
  let heldUntil = 0;
  let pumpQueued = false;

  // Changes made in one go (pollAllNow, a restart) are weighed together, so priority decides
  // among all of them rather than whoever was scheduled first.
  const requestPump = (): void => {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  };

  const clearTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const arm = (at: number): void => {
    clearTimer();
    timer = setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, at - now()),
    );
  };

  const launch = (taskId: string, t: number): void => {
    due.delete(taskId);
    gapFrom.set(taskId, t);
    const done = Promise.resolve()
      .then(() => run(taskId))
      .catch(() => undefined)
      .finally(() => {
        inFlight.delete(taskId);
        pump();
      });
    inFlight.set(taskId, done);
  };

  function pump(): void {
    clearTimer();
    if (closed || paused || due.size === 0) return;
    const t = now();
    if (t < heldUntil) return arm(heldUntil);
    // One pass per launch picks the best ready task: a completion usually frees one slot, and
    // sorting every due task each time (1,000 tracked) made garbage and CPU for nothing.
    let nextAt: number;
    for (;;) {
      let best: string | null = null;
      let bestScore = -Infinity;
      let bestAt = Infinity;
      nextAt = Infinity;
      for (const [id, at] of due) {
        if (inFlight.has(id)) continue; // rescheduled by its own poll when it returns
        if (at > t) {
          if (at < nextAt) nextAt = at;
          continue;
        }
        const score = priority(id) + (100 * (t - at)) / agingMs;
        if (score > bestScore || (score === bestScore && at < bestAt)) {
          best = id;
          bestScore = score;
          bestAt = at;
        }
      }
      if (best === null) break;
      // A full house is woken by the next poll that returns: no timer needed.
      if (inFlight.size >= maxInFlight) return;
      if (!budget.tryTake(t)) {
        options.onBound?.();
        return launchOverdue(t);
      }
      launch(best, t);
    }
    if (nextAt !== Infinity) arm(nextAt);
  }

  /** The budget is spent: launch only due tasks whose gap reached maxGapMs (the slot still
   * counts), and wake for the next such task or the next free slot, whichever comes first. */
  function launchOverdue(t: number): void {
    let wake = budget.nextFreeAt(t);
    const overdue: string[] = [];
    for (const [id, at] of due) {
      if (inFlight.has(id)) continue;
      const overdueAt = Math.max(at, (gapFrom.get(id) ?? at) + maxGapMs);
      if (overdueAt > t) wake = Math.min(wake, overdueAt);
      else overdue.push(id);
    }
    // Rare (only when the budget is spent and gaps reach the cap): sorting here costs nothing.
    overdue.sort((a, b) => priority(b) - priority(a));
    for (const id of overdue) {
      if (inFlight.size >= maxInFlight) return;
      budget.take(t);
      launch(id, t);
    }
    arm(wake);
  }

  return {
    schedule(taskId, at) {
      if (closed) return;
      if (!gapFrom.has(taskId)) gapFrom.set(taskId, now());
      due.set(taskId, at);
      requestPump();
    },
    cancel(taskId) {
      gapFrom.delete(taskId);
      if (due.delete(taskId)) requestPump();
    },
    dueAt: (taskId) => due.get(taskId),
    isInFlight: (taskId) => inFlight.has(taskId),
    inFlightCount: () => inFlight.size,
    setPaused(next) {
      paused = next;
      requestPump();
    },
    holdUntil(until) {
      heldUntil = Math.max(heldUntil, until);
      requestPump();
    },
    setMaxInFlight(max) {
      maxInFlight = max;
      requestPump();
    },
    setAgingMs(ms) {
      agingMs = Math.max(1, ms);
    },
    setMaxGapMs(ms) {
      maxGapMs = ms;
      requestPump();
    },
    kick: requestPump,
    hasPendingTimer: () => timer !== null,
    async close() {
      closed = true;
      clearTimer();
      due.clear();
      await Promise.all(inFlight.values());
    },
  };
}
