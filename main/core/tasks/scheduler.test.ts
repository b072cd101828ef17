import { describe, expect, it } from 'vitest';
import { createRateBudget } from './rate-budget';
import { createScheduler, type SchedulerOptions } from './scheduler';
import { waitFor } from './test-wait';

/** A scheduler whose polls are promises the test settles by hand. */
function harness(patch: Partial<SchedulerOptions> = {}, progress: Record<string, number> = {}) {
  const started: { id: string; at: number; finish: () => void }[] = [];
  const scheduler = createScheduler({
    now: Date.now,
    maxInFlight: 10,
    budget: createRateBudget({ max: 1_000, windowMs: 1_000 }),
    run: (id) =>
      new Promise<void>((resolve) => {
        started.push({ id, at: Date.now(), finish: resolve });
      }),
    priority: (id) => progress[id] ?? -1,
    agingMs: 60_000,
    ...patch,
  });
  return { scheduler, started };
}

describe('scheduler', () => {
  it('runs a task when due, with one timer for many tasks, and none once idle', async () => {
    const { scheduler, started } = harness();
    const t0 = Date.now();
    scheduler.schedule('a', t0 + 40);
    scheduler.schedule('b', t0 + 20);
    await Promise.resolve();
    expect(scheduler.hasPendingTimer()).toBe(true);
    await waitFor(() => started.length === 2, 'both polls');
    expect(started.map((s) => s.id)).toEqual(['b', 'a']);
    expect((started[0] as { at: number }).at).toBeGreaterThanOrEqual(t0 + 20);
    expect((started[1] as { at: number }).at).toBeGreaterThanOrEqual(t0 + 40);
    // Only polls in flight: nothing to wake for.
    expect(scheduler.hasPendingTimer()).toBe(false);
    for (const s of started) s.finish();
    await waitFor(() => scheduler.inFlightCount() === 0, 'polls to end');
    expect(scheduler.hasPendingTimer()).toBe(false);
  });

  it('holds exactly one timer however many tasks wait', async () => {
    const { scheduler } = harness();
    const timers = (): number =>
      (process as unknown as { getActiveResourcesInfo(): string[] })
        .getActiveResourcesInfo()
        .filter((h) => h === 'Timeout').length;
    const before = timers();
    const t0 = Date.now();
    for (let i = 0; i < 50; i++) scheduler.schedule(`task-${i}`, t0 + 60_000 + i * 1_000);
    await Promise.resolve();
    expect(scheduler.hasPendingTimer()).toBe(true);
    expect(timers() - before).toBe(1);
    await scheduler.close();
    expect(timers() - before).toBe(0);
  });

  it('keeps at most maxInFlight polls running', async () => {
    const { scheduler, started } = harness({ maxInFlight: 2 });
    for (const id of ['a', 'b', 'c', 'd']) scheduler.schedule(id, Date.now());
    await waitFor(() => started.length === 2, 'two polls');
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toHaveLength(2);
    started[0]?.finish();
    await waitFor(() => started.length === 3, 'a third poll after one ended');
    expect(scheduler.inFlightCount()).toBe(2);
  });

  it('spends a tight budget on the tasks nearest to finishing first', async () => {
    const { scheduler, started } = harness(
      { budget: createRateBudget({ max: 2, windowMs: 150 }) },
      { low: 10, high: 90, mid: 50, none: -1 },
    );
    const at = Date.now();
    for (const id of ['low', 'none', 'mid', 'high']) scheduler.schedule(id, at);
    await waitFor(() => started.length === 2, 'the first two');
    expect(started.map((s) => s.id)).toEqual(['high', 'mid']);
    // The rest wait for the window to slide, on a timer.
    expect(scheduler.hasPendingTimer()).toBe(true);
    await waitFor(() => started.length === 4, 'the rest');
    expect(started.map((s) => s.id)).toEqual(['high', 'mid', 'low', 'none']);
    expect((started[2] as { at: number }).at - at).toBeGreaterThanOrEqual(145);
  });

  it('lets a long-waiting task overtake busier ones (no starvation under a tight budget)', async () => {
    const { scheduler, started } = harness(
      { budget: createRateBudget({ max: 1, windowMs: 30 }), agingMs: 100 },
      { old: 0, busy: 90 },
    );
    const at = Date.now();
    scheduler.schedule('old', at - 150); // overdue by 150 ms: +150 points
    scheduler.schedule('busy', at);
    await waitFor(() => started.length === 1, 'the first poll');
    expect(started[0]?.id).toBe('old');
  });

  it('launches nothing while paused or held, and holds no timer while paused', async () => {
    const { scheduler, started } = harness();
    scheduler.setPaused(true);
    scheduler.schedule('a', Date.now());
    await new Promise((r) => setTimeout(r, 20));
    expect(scheduler.hasPendingTimer()).toBe(false);
    expect(started).toHaveLength(0);
    const heldFrom = Date.now();
    scheduler.holdUntil(heldFrom + 60);
    scheduler.setPaused(false);
    await waitFor(() => started.length === 1, 'the poll after the hold');
    expect((started[0] as { at: number }).at).toBeGreaterThanOrEqual(heldFrom + 60);
  });

  it('cancel removes a task and its timer; close waits for polls in flight', async () => {
    const { scheduler, started } = harness();
    scheduler.schedule('a', Date.now() + 30);
    await Promise.resolve();
    expect(scheduler.hasPendingTimer()).toBe(true);
    scheduler.cancel('a');
    await Promise.resolve();
    expect(scheduler.hasPendingTimer()).toBe(false);
    scheduler.schedule('b', Date.now());
    await waitFor(() => started.length === 1, 'b');
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(false);
    started[0]?.finish();
    await closing;
    scheduler.schedule('c', Date.now());
    await new Promise((r) => setTimeout(r, 10));
    expect(scheduler.hasPendingTimer()).toBe(false);
    expect(started).toHaveLength(1);
  });
});
