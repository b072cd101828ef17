// Sleep and screen lock stop polling (nobody is looking, and a sleeping machine's requests
// fail anyway); waking or unlocking re-checks everything at once (see pause-control.ts).
import type { PowerMonitor } from 'electron';
import type { PauseControl } from '../pause-control';

export const SLEEP_EVENTS = ['suspend', 'lock-screen'] as const;
export const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

export function connectPowerEvents(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  pauses: Pick<PauseControl, 'set'>,
): void {
  for (const event of SLEEP_EVENTS)
    powerMonitor.on(event as 'suspend', () => pauses.set('sleep', true));
  for (const event of WAKE_EVENTS)
    powerMonitor.on(event as 'resume', () => pauses.set('sleep', false));
}
