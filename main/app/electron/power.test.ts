import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPauseControl } from '../pause-control';
import { connectPowerEvents } from './power';

describe('power events', () => {
  it('sleep pauses polling; wake resumes it and polls everything now', () => {
    const power = new EventEmitter();
    const calls: string[] = [];
    const pauses = createPauseControl({
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      pollAllNow: () => calls.push('pollAllNow'),
    });
    connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, pauses);
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow']);
  });

  it('a locked screen keeps polling; unlocking re-checks everything at once', () => {
    const power = new EventEmitter();
    const calls: string[] = [];
    const pauses = createPauseControl({
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      pollAllNow: () => calls.push('pollAllNow'),
    });
    connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, pauses);
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
    const power = new EventEmitter();
    const calls: string[] = [];
    const pauses = createPauseControl({
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      pollAllNow: () => calls.push('pollAllNow'),
    });
    connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, pauses);
    pauses.set('user', true);
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause']);
    expect(pauses.has('user')).toBe(true);
  });
});
