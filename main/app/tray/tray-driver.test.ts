import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { TrackedTask } from '../../core/tasks/model';
import type { TaskTracker, TrackerStatus } from '../../core/tasks/tracker-types';
import type { TrayState } from '../../core/tray/tray-state';
import { createTrayDriver } from './tray-driver';

function task(id: string, over: Partial<TrackedTask> = {}): TrackedTask {
  return {
    id,
    promptText: 'a cat',
    videos: [],
    state: 'running',
    progress: 10,
    addedAt: 1,
    lastCheckedAt: null,
    endedAt: null,
    lastError: null,
    attempts: 0,
    downloads: {},
    seen: true,
    ...over,
  };
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
  it('shows the state at once, then follows changes, skipping ones that look the same', async () => {
    const fake = fakeTracker();
    let online = true;
    let paused = false;
    const applied: TrayState[] = [];
    const driver = createTrayDriver({
      tracker: fake.tracker,
      online: () => online,
      paused: () => paused,
      apply: (s) => applied.push(s),
      delayMs: 5,
    });
    expect(applied.map((s) => s.state)).toEqual(['idle']);

    fake.set([task('a')]);
    await expect.poll(() => applied.length, { timeout: 2000 }).toBe(2);
    expect(applied[1]!.state).toBe('working');
    fake.set([task('a', { state: 'finished', seen: false })]);
    await expect.poll(() => applied.at(-1)!.state, { timeout: 2000 }).toBe('unseen');
    expect(applied.at(-1)!.badgeCount).toBe(1);
    const count = applied.length;
    fake.emitter.emit('status', {});
    await new Promise((r) => setTimeout(r, 30));
    expect(applied).toHaveLength(count); // nothing changed: nothing applied

    online = false;
    fake.set([task('b')], { paused: false });
    driver.refresh();
    await expect.poll(() => applied.at(-1)!.error, { timeout: 2000 }).toBe('offline');
    fake.set([task('b')], { tokenRejected: true });
    await expect.poll(() => applied.at(-1)!.error, { timeout: 2000 }).toBe('token-rejected');
    fake.set([task('b')], { tokenRejected: false });
    paused = true;
    driver.refresh();
    await expect.poll(() => applied.at(-1)!.state, { timeout: 2000 }).toBe('paused');
    driver.close();
    expect(fake.emitter.listenerCount('changed')).toBe(0);
  });
});
