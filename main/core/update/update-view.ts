// What the tray menu shows about updates, from the policy's status. Plain data: the tray
// turns each entry into a menu item whose click the app routes back by id.
import type { UpdateStatus } from './update-controller';
import type { UpdateMode } from './update-mode';
import { ENGLISH, type MainText } from '../text';

export type UpdateMenuId = 'update-restart' | 'update-open' | 'update-check';

export interface UpdateMenuEntry {
  id: UpdateMenuId;
  label: string;
  enabled: boolean;
}

export function updateMenuEntries(
  mode: UpdateMode,
  status: UpdateStatus,
  text: MainText = ENGLISH,
): UpdateMenuEntry[] {
  if (mode === 'off') return [];
  const t = text.t.update;
  const CHECK: UpdateMenuEntry = { id: 'update-check', label: t.check, enabled: true };
  switch (status.kind) {
    case 'idle':
      return [CHECK];
    case 'checking':
      return [{ ...CHECK, label: t.checking, enabled: false }];
    case 'downloading':
      return [{ ...CHECK, label: t.downloading(status.version), enabled: false }];
    case 'ready':
      return [
        status.restartWhenIdle
          ? {
              id: 'update-restart',
              label: t.restartingAfterDownloads(status.version),
              enabled: false,
            }
          : {
              id: 'update-restart',
              label: t.restart(status.version),
              enabled: true,
            },
      ];
    case 'available':
      return [{ id: 'update-open', label: t.download(status.version), enabled: true }, CHECK];
  }
}
