// The tray's context menu as plain data, so its items and their actions can be tested
// without Electron. It is rebuilt when the paused state changes (labels are not live).
import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateMenuEntry, UpdateMenuId } from '../../core/update/update-view';

export interface TrayMenuActions {
  open(): void;
  togglePolling(): void;
  openDownloads(): void;
  openSettings(): void;
  quit(): void;
  /** One of the update items (Check for updates…, Restart to update…). */
  update?(id: UpdateMenuId): void;
}

export function trayMenuTemplate(
  /** `credit`: the credit line ("Credit: $3.61"), or null/absent when there is none. */
  state: { paused: boolean; update?: readonly UpdateMenuEntry[]; credit?: string | null },
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: 'Open Pika Tray', click: () => actions.open() },
    ...(state.credit
      ? [{ id: 'credit', label: state.credit, click: () => actions.openSettings() }]
      : []),
    { type: 'separator' },
    {
      id: 'polling',
      label: state.paused ? 'Resume checking' : 'Pause checking',
      click: () => actions.togglePolling(),
    },
    { id: 'downloads', label: 'Open downloads folder', click: () => actions.openDownloads() },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    ...(state.update ?? []).map((entry): MenuItemConstructorOptions => ({
      id: entry.id,
      label: entry.label,
      enabled: entry.enabled,
      click: () => actions.update?.(entry.id),
    })),
    { type: 'separator' },
    { id: 'quit', label: 'Quit Pika Tray', click: () => actions.quit() },
  ];
}
