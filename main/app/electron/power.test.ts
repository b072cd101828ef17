import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { trackerLog } from '../../../test/support/tracker-log';
import { createPauseControl } from '../pause-control';
import { connectPowerEvents } from './power';

/** Power events wired to a pause control over a tracker that logs its calls. */
function connected() {
  const power = new EventEmitter();
  const { calls, tracker } = trackerLog();
  const pauses = createPauseControl(tracker);
  connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, pauses);
  return { power, calls, pauses };
}

describe('power events', () => {
  it('sleep pauses polling; wake resumes it and polls everything now', () => {
    const { power, calls } = connected();
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow']);
  });

  it('a locked screen keeps polling; unlocking re-checks everything at once', () => {
    const { power, calls, pauses } = connected();
    power.emit('lock-screen');
    expect(calls).toEqual([]);
    power.emit('unlock-screen');
    expect(calls).toEqual(['pollAllNow']);
    // Paused by the user: unlocking does not poll behind their back.
    pauses.set('user', true);
    power.emit('unlock-screen');
    expect(calls).toEqual(['pollAllNow', 'pause']);
  });

  it('a user pause outlasts a wake-up', () => {
    const { power, calls, pauses } = connected();
    pauses.set('user', true);
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause']);
    expect(pauses.has('user')).toBe(true);
  });
});
