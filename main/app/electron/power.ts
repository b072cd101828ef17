// Sleep stops polling (a sleeping machine's requests fail anyway); waking re-checks everything
// at once (see pause-control.ts). A locked screen does not stop it: people lock the screen and
// walk away while a video renders, and expect the notification and the downloaded file to be
// there when they come back. Unlocking re-checks at once all the same, in case a poll is due.
import type { PowerMonitor } from 'electron';
import type { PauseControl } from '../pause-control';

export function connectPowerEvents(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  pauses: Pick<PauseControl, 'set' | 'recheck'>,
): void {
  powerMonitor.on('suspend', () => pauses.set('sleep', true));
  powerMonitor.on('resume', () => pauses.set('sleep', false));
  powerMonitor.on('unlock-screen', () => pauses.recheck());
}
