import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPauseControl } from '../pause-control';
import { connectPowerEvents } from './power';

describe('power events', () => {
  it('sleep and lock pause polling; wake and unlock resume it and poll everything now', () => {
    const power = new EventEmitter();
    const calls: string[] = [];
    const pauses = createPauseControl({
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      pollAllNow: () => calls.push('pollAllNow'),
    });
    connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, pauses);
    power.emit('suspend');
    power.emit('lock-screen');
    power.emit('resume');
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow']);
    power.emit('lock-screen');
    power.emit('unlock-screen');
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow', 'pause', 'resume', 'pollAllNow']);
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
