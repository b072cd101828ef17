import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../core/notify/notification-policy';
import type { TrackedTask } from '../../core/tasks/model';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { connectNotifications } from './notify-wiring';

const task = (id: string, prompt: string): TrackedTask =>
  ({
    id,
    promptText: prompt,
    videos: [],
    state: 'finished',
    seen: false,
  }) as unknown as TrackedTask;

function setup(enabled = true) {
  const tracker = new EventEmitter() as unknown as TaskTracker & EventEmitter;
  const shown: { request: NotificationRequest; click: () => void }[] = [];
  const opened: (string | null)[] = [];
  const settings = { notifications: enabled };
  const wiring = connectNotifications({
    tracker,
    settings: { get: () => ({ notifications: settings.notifications }) as never },
    notifier: { show: (request, click) => shown.push({ request, click }) },
    open: (id) => opened.push(id),
    windowMs: 10,
  });
  return { tracker, shown, opened, wiring, settings };
}

describe('notification wiring', () => {
  it('one ending -> one notification that opens its task on click', async () => {
    const { tracker, shown, opened } = setup();
    tracker.emit('finished', task('t1', 'a cat surfing'));
    await expect.poll(() => shown.length, { timeout: 2000 }).toBe(1);
    expect(shown[0]!.request).toMatchObject({
      kind: 'finished',
      taskId: 't1',
      title: 'Video ready',
    });
    expect(shown[0]!.request.body).toContain('a cat surfing');
    shown[0]!.click();
    expect(opened).toEqual(['t1']);
  });

  it('several endings together -> one summary that opens the list', async () => {
    const { tracker, shown, opened } = setup();
    tracker.emit('finished', task('t1', 'one'));
    tracker.emit('failed', { ...task('t2', 'two'), state: 'failed' });
    tracker.emit('finished', task('t3', 'three'));
    await expect.poll(() => shown.length, { timeout: 2000 }).toBe(1);
    expect(shown[0]!.request).toMatchObject({ kind: 'summary', taskId: null });
    shown[0]!.click();
    expect(opened).toEqual([null]);
  });

  it('respects the setting and stops on close', async () => {
    const { tracker, shown, wiring, settings } = setup(false);
    tracker.emit('finished', task('t1', 'x'));
    await new Promise((r) => setTimeout(r, 30));
    expect(shown).toHaveLength(0);
    settings.notifications = true;
    wiring.close();
    tracker.emit('finished', task('t2', 'y'));
    await new Promise((r) => setTimeout(r, 30));
    expect(shown).toHaveLength(0);
  });
});
