// The app's notification wiring: tracker endings through the core policy to the notifier,
// clicks routed to the window. Time is a manual schedule, so nothing waits on a clock.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest, Schedule } from '../../core/notify/notification-policy';
import { defaultSettings } from '../../core/settings';
import { newTask, type TrackedTask } from '../../core/tasks/model';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { connectNotifications } from './notify-wiring';

const task = (id: string, prompt: string, state: 'finished' | 'failed' = 'finished') =>
  ({
    ...newTask(id, 0),
    promptText: prompt,
    state,
    endedAt: 1,
    attempts: 1,
    seen: false,
  }) satisfies TrackedTask;

function setup(enabled = true) {
  const tracker = new EventEmitter() as unknown as TaskTracker & EventEmitter;
  const shown: { request: NotificationRequest; click: () => void }[] = [];
  const opened: (string | null)[] = [];
  const settings = { ...defaultSettings('/tmp/videos'), notifications: enabled };
  let due: (() => void) | null = null;
  const schedule: Schedule = (run) => {
    due = run;
    return () => (due = null);
  };
  const wiring = connectNotifications({
    tracker,
    settings: { get: () => settings },
    notifier: { show: (request, click) => shown.push({ request, click }) },
    open: (id) => opened.push(id),
    schedule,
  });
  /** The summary window ends now. */
  const windowEnds = () => due?.();
  return { tracker, shown, opened, wiring, settings, windowEnds };
}

describe('notification wiring', () => {
  it('one ending -> one notification when the window ends, opening its task on click', () => {
    const { tracker, shown, opened, windowEnds } = setup();
    tracker.emit('finished', task('t1', 'a cat surfing'));
    expect(shown).toHaveLength(0);
    windowEnds();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.request).toMatchObject({
      kind: 'finished',
      taskId: 't1',
      title: 'Video ready',
    });
    expect(shown[0]!.request.body).toContain('a cat surfing');
    shown[0]!.click();
    expect(opened).toEqual(['t1']);
  });

  it('a failure opens its task too', () => {
    const { tracker, shown, opened, windowEnds } = setup();
    tracker.emit('failed', task('t9', 'a glass dragon', 'failed'));
    windowEnds();
    expect(shown[0]!.request).toMatchObject({ kind: 'failed', taskId: 't9' });
    shown[0]!.click();
    expect(opened).toEqual(['t9']);
  });

  it('several endings together -> one summary that opens the list', () => {
    const { tracker, shown, opened, windowEnds } = setup();
    tracker.emit('finished', task('t1', 'one'));
    tracker.emit('failed', task('t2', 'two', 'failed'));
    tracker.emit('finished', task('t3', 'three'));
    windowEnds();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.request).toMatchObject({ kind: 'summary', taskId: null });
    shown[0]!.click();
    expect(opened).toEqual([null]);
  });

  it('stalled tasks do not notify', () => {
    const { tracker, shown, wiring } = setup();
    tracker.emit('stalled', { ...task('t1', 'slow'), state: 'stalled' });
    wiring.flush();
    expect(shown).toHaveLength(0);
  });

  it('respects the setting, and hears nothing once closed', () => {
    const { tracker, shown, wiring, settings } = setup(false);
    tracker.emit('finished', task('t1', 'x'));
    wiring.flush();
    expect(shown).toHaveLength(0);
    settings.notifications = true;
    wiring.close();
    tracker.emit('finished', task('t2', 'y'));
    wiring.flush();
    expect(shown).toHaveLength(0);
    expect(tracker.listenerCount('finished') + tracker.listenerCount('failed')).toBe(0);
  });
});
