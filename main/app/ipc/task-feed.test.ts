import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { newTask, type TrackedTask } from '../../core/tasks/model';
import type { TaskTracker, TrackerStatus } from '../../core/tasks/tracker-types';
import type { AppStatus, EventChannels } from '../../../preload/contract';
import { createTaskFeed } from './task-feed';

// The feed only listens: an emitter with the tracker's event names is all it touches.
function emitterTracker() {
  const emitter = new EventEmitter();
  return { emitter, tracker: emitter as unknown as TaskTracker };
}

function task(id: string, over: Partial<TrackedTask> = {}): TrackedTask {
  return { ...newTask(id, 1), ...over };
}

function setup(flushMs = 20) {
  const { emitter, tracker } = emitterTracker();
  const sent: { channel: string; payload: unknown }[] = [];
  let status: AppStatus = {
    paused: false,
    online: true,
    tokenState: 'accepted',
    activeCount: 0,
    storeRecoveredFrom: null,
  };
  let resolveNext: (() => void) | null = null;
  const feed = createTaskFeed({
    tracker,
    flushMs,
    status: () => status,
    send: (channel, payload) => {
      sent.push({ channel, payload });
      resolveNext?.();
    },
  });
  const nextSend = () =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no send within 2 s')), 2000);
      resolveNext = () => {
        clearTimeout(t);
        resolve();
      };
    });
  return {
    emitter,
    feed,
    sent,
    nextSend,
    setStatus: (s: Partial<AppStatus>) => (status = { ...status, ...s }),
  };
}

describe('task feed', () => {
  it('coalesces a burst of progress ticks into one batch', async () => {
    const { emitter, sent, nextSend } = setup();
    const next = nextSend();
    emitter.emit('added', task('a'));
    for (let p = 1; p <= 300; p++)
      emitter.emit('changed', task('a', { progress: p }), ['progress']);
    emitter.emit('changed', task('b', { progress: 5 }), ['progress']);
    for (let p = 6; p <= 50; p++)
      emitter.emit('changed', task('b', { progress: p }), ['progress', 'lastCheckedAt']);
    await next;
    expect(sent).toHaveLength(1);
    const batch = sent[0]!.payload as EventChannels['tasks:changed'];
    expect(batch).toHaveLength(2);
    expect(batch[0]).toMatchObject({ type: 'upsert', task: { id: 'a', progress: 300 } });
    expect(batch[1]).toEqual({
      type: 'patch',
      id: 'b',
      patch: { progress: 50, lastCheckedAt: null },
    });
  });

  it('sends state changes as upserts and removals as removes, in order', async () => {
    const { emitter, sent, nextSend, feed } = setup();
    const next = nextSend();
    emitter.emit('changed', task('a', { progress: 10 }), ['progress']);
    emitter.emit('changed', task('a', { state: 'finished', progress: 100 }), ['state', 'progress']);
    emitter.emit('removed', 'b');
    emitter.emit('changed', task('b', { progress: 3 }), ['progress']); // stale after removal
    await next;
    expect(sent[0]!.payload).toEqual([
      { type: 'upsert', task: task('a', { state: 'finished', progress: 100 }) },
      { type: 'remove', id: 'b' },
    ]);
    feed.close();
  });

  it('pushes status changes once, and not when nothing changed', async () => {
    const { emitter, sent, nextSend, feed, setStatus } = setup(5);
    let next = nextSend();
    const trackerStatus: TrackerStatus = { paused: true, tokenRejected: false, activeCount: 1 };
    setStatus({ paused: true });
    emitter.emit('status', trackerStatus);
    emitter.emit('status', trackerStatus);
    await next;
    expect(sent).toEqual([
      { channel: 'app:status', payload: expect.objectContaining({ paused: true }) },
    ]);
    feed.statusChanged();
    feed.flush();
    expect(sent).toHaveLength(1);
    next = nextSend();
    setStatus({ online: false });
    feed.statusChanged();
    await next;
    expect(sent[1]).toEqual({
      channel: 'app:status',
      payload: expect.objectContaining({ online: false }),
    });
  });

  it('stops listening when closed, sending what was pending', () => {
    const { emitter, sent, feed } = setup(10_000);
    emitter.emit('added', task('a'));
    feed.close();
    expect(sent).toHaveLength(1);
    emitter.emit('added', task('b'));
    expect(emitter.listenerCount('added')).toBe(0);
    expect(sent).toHaveLength(1);
  });
});
