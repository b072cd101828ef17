// Polling stops for several independent reasons: the user asked, the machine sleeps, the
// network is gone. The tracker has one pause switch, so reasons are combined
// here: polling resumes only when none is left, and the user's pause survives a wake-up.
import type { TaskTracker } from '../core/tasks/tracker-types';

export type PauseReason = 'user' | 'sleep' | 'offline';

export interface PauseControl {
  set(reason: PauseReason, paused: boolean): void;
  has(reason: PauseReason): boolean;
  /** Re-checks every active task now (the screen was unlocked), unless polling is paused. */
  recheck(): void;
  /** Called whenever the set of reasons changes. */
  onChange(listener: () => void): () => void;
}

export function createPauseControl(
  tracker: Pick<TaskTracker, 'pause' | 'resume' | 'pollAllNow'>,
): PauseControl {
  const reasons = new Set<PauseReason>();
  const listeners = new Set<() => void>();
  return {
    set(reason, paused) {
      const before = reasons.size;
      if (paused === reasons.has(reason)) return;
      if (paused) reasons.add(reason);
      else reasons.delete(reason);
      if (before === 0 && reasons.size > 0) tracker.pause();
      if (before > 0 && reasons.size === 0) {
        tracker.resume();
        // Back from sleep or offline: whatever finished meanwhile should show now.
        if (reason !== 'user') tracker.pollAllNow();
      }
      for (const listener of listeners) listener();
    },
    has: (reason) => reasons.has(reason),
    recheck() {
      if (reasons.size === 0) tracker.pollAllNow();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
