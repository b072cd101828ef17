import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newTask, type TrackedTask } from '../../core/tasks/model';
import type { TaskTracker, TrackerStatus } from '../../core/tasks/tracker-types';
import type { TrayState } from '../../core/tray/tray-state';
import { createTrayDriver } from './tray-driver';

function task(id: string, over: Partial<TrackedTask> = {}): TrackedTask {
  return { ...newTask(id, 1), promptText: 'a cat', state: 'running', progress: 10, ...over };
}

// The driver reads list() and status() and listens to events: that is all this stands in for.
function fakeTracker() {
  const emitter = new EventEmitter();
  let tasks: TrackedTask[] = [];
  let status: TrackerStatus = { paused: false, tokenRejected: false, activeCount: 0 };
  const tracker = Object.assign(emitter, {
    list: () => tasks,
    status: () => status,
  }) as unknown as TaskTracker;
  return {
    tracker,
    set(next: TrackedTask[], s: Partial<TrackerStatus> = {}) {
      tasks = next;
      status = { ...status, ...s };
      emitter.emit('changed', next[0], ['progress']);
    },
    emitter,
  };
}

describe('tray driver', () => {
  afterEach(() => vi.useRealTimers());

  it('swaps the icon when only the theme changed', () => {
    vi.useFakeTimers();
    const fake = fakeTracker();
    let variant = 'light';
    const applied: string[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => true,
      paused: () => false,
      variant: () => variant,
      apply: (s, v) => applied.push(`${s.state} ${v}`),
      delayMs: 5,
    });
    // nativeTheme 'updated' -> refresh(): same tasks, same state, other theme.
    variant = 'dark';
    driver.refresh();
    vi.advanceTimersByTime(10);
    driver.refresh();
    vi.advanceTimersByTime(10);
    expect(applied).toEqual(['idle light', 'idle dark']);
    driver.close();
  });

  it('shows the state at once, then follows changes, skipping ones that look the same', () => {
    vi.useFakeTimers();
    const fake = fakeTracker();
    let online = true;
    let paused = false;
    let tokenTest: 'rejected' | 'ok' = 'ok';
    const applied: TrayState[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => online,
      paused: () => paused,
      tokenRejected: () => tokenTest === 'rejected' || fake.tracker.status().tokenRejected,
      apply: (s) => applied.push(s),
      delayMs: 5,
    });
    expect(applied.map((s) => s.state)).toEqual(['idle']);

    fake.set([task('a')]);
    // Coalesced: nothing until the delay has passed.
    expect(applied).toHaveLength(1);
    vi.advanceTimersByTime(5);
    expect(applied.map((s) => s.state)).toEqual(['idle', 'working']);
    fake.set([task('a', { state: 'finished', seen: false })]);
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)).toMatchObject({ state: 'unseen', badgeCount: 1 });
    const count = applied.length;
    fake.emitter.emit('status', {});
    vi.advanceTimersByTime(50);
    expect(applied).toHaveLength(count); // nothing changed: nothing applied

    online = false;
    fake.set([task('b')], { paused: false });
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.error).toBe('offline');
    fake.set([task('b')], { tokenRejected: true });
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.error).toBe('token-rejected');
    fake.set([task('b')], { tokenRejected: false });
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.error).toBe('offline');
    // A token test that was refused shows too, not only a 401 from the feed.
    tokenTest = 'rejected';
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.error).toBe('token-rejected');
    tokenTest = 'ok';
    paused = true;
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.state).toBe('paused');
    // A change already scheduled when it closes is dropped with its timer.
    paused = false;
    driver.refresh();
    expect(vi.getTimerCount()).toBe(1);
    const before = applied.length;
    driver.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(50);
    expect(applied).toHaveLength(before);
    expect(fake.emitter.listenerCount('changed')).toBe(0);
  });

  it("without a token source it reads the tracker's 401", () => {
    const fake = fakeTracker();
    fake.set([task('a')], { tokenRejected: true });
    const applied: TrayState[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => true,
      paused: () => false,
      apply: (s) => applied.push(s),
    });
    expect(applied).toEqual([expect.objectContaining({ state: 'error', error: 'token-rejected' })]);
    driver.close();
  });

  it('shows the proxy the gateway fails at, and drops it when the proxy works again', () => {
    vi.useFakeTimers();
    const fake = fakeTracker();
    fake.set([task('a')]);
    let proxy: string | null = null;
    const applied: TrayState[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => true,
      paused: () => false,
      proxyUnreachable: () => proxy,
      apply: (s) => applied.push(s),
      delayMs: 5,
    });
    expect(applied.at(-1)!.state).toBe('working');
    proxy = 'http://127.0.0.1:7890';
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)).toEqual({
      state: 'error',
      error: 'proxy-unreachable',
      tooltip: 'Proxy unreachable (http://127.0.0.1:7890) — 1 video waiting',
    });
    proxy = null;
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.state).toBe('working');
    driver.close();
  });
});

describe('tray driver credit line', () => {
  it('puts the credit line in the tooltip and follows it on refresh', () => {
    vi.useFakeTimers();
    const fake = fakeTracker();
    let credit: string | null = 'Credit: $3.61';
    const applied: TrayState[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => true,
      paused: () => false,
      credit: () => credit,
      apply: (s) => applied.push(s),
      delayMs: 5,
    });
    expect(applied.at(-1)!.tooltip).toBe('Pika Tray — no videos generating\nCredit: $3.61');
    credit = 'Credit: unlimited';
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.tooltip.split('\n').at(-1)).toBe('Credit: unlimited');
    credit = null;
    driver.refresh();
    vi.advanceTimersByTime(5);
    expect(applied.at(-1)!.tooltip).toBe('Pika Tray — no videos generating');
    driver.close();
  });
});
