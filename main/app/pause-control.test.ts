import { describe, expect, it } from 'vitest';
import { createOnlineWatch } from './online-watch';
import { trackerLog } from '../../test/support/tracker-log';
import { createPauseControl } from './pause-control';

describe('pause control', () => {
  it('resumes only when every reason is gone, keeping the user pause over a wake-up', () => {
    const { calls, tracker } = trackerLog();
    const pauses = createPauseControl(tracker);
    pauses.set('user', true);
    pauses.set('sleep', true);
    pauses.set('sleep', false);
    expect(calls).toEqual(['pause']);
    pauses.set('user', false);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('polls everything at once after sleep or going offline', () => {
    const { calls, tracker } = trackerLog();
    const pauses = createPauseControl(tracker);
    pauses.set('offline', true);
    pauses.set('offline', true);
    pauses.set('offline', false);
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow']);
  });
});

describe('online watch', () => {
  it('runs no timer while online and re-checks only while offline', async () => {
    let net = true;
    const changes: boolean[] = [];
    const watch = createOnlineWatch({
      isOnline: () => net,
      onChange: (o) => changes.push(o),
      recheckMs: 5,
    });
    watch.networkFailed(); // a failure while the OS says online: still online
    expect(watch.online()).toBe(true);
    net = false;
    watch.networkFailed();
    expect(watch.online()).toBe(false);
    net = true;
    await expect.poll(() => watch.online(), { timeout: 2000, interval: 5 }).toBe(true);
    expect(changes).toEqual([false, true]);
    watch.close();
  });

  it('an answer proves we are online', () => {
    let net = false;
    const watch = createOnlineWatch({ isOnline: () => net, onChange: () => {}, recheckMs: 60_000 });
    watch.networkFailed();
    expect(watch.online()).toBe(false);
    watch.answered();
    expect(watch.online()).toBe(true);
    net = true;
    watch.close();
  });
});
