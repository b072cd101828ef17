// What the tray menu shows about updates, from the policy's status. Plain data: the tray
// turns each entry into a menu item whose click the app routes back by id.
import type { UpdateStatus } from './update-controller';
import type { UpdateMode } from './update-mode';

export type UpdateMenuId = 'update-restart' | 'update-open' | 'update-check';

export interface UpdateMenuEntry {
  id: UpdateMenuId;
  label: string;
  enabled: boolean;
}

const CHECK: UpdateMenuEntry = { id: 'update-check', label: 'Check for updates…', enabled: true };

export function updateMenuEntries(mode: UpdateMode, status: UpdateStatus): UpdateMenuEntry[] {
  if (mode === 'off') return [];
  switch (status.kind) {
    case 'idle':
      return [CHECK];
    case 'checking':
      return [{ ...CHECK, label: 'Checking for updates…', enabled: false }];
    case 'downloading':
      return [{ ...CHECK, label: `Downloading update ${status.version}…`, enabled: false }];
    case 'ready':
      return [
        status.restartWhenIdle
          ? {
              id: 'update-restart',
              label: `Restarting to update to ${status.version} after downloads…`,
              enabled: false,
            }
          : {
              id: 'update-restart',
              label: `Restart to update to ${status.version}`,
              enabled: true,
            },
      ];
    case 'available':
      return [
        { id: 'update-open', label: `Download version ${status.version}…`, enabled: true },
        CHECK,
      ];
  }
}
