// The tray's context menu as plain data, so its items and their actions can be tested
// without Electron. It is rebuilt when the paused state changes (labels are not live).
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayMenuActions {
  open(): void;
  togglePolling(): void;
  openDownloads(): void;
  openSettings(): void;
  quit(): void;
}

export function trayMenuTemplate(
  /** `credit`: the credit line ("Credit: $3.61"), or null/absent when there is none. */
  state: { paused: boolean; credit?: string | null },
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
    { type: 'separator' },
    { id: 'quit', label: 'Quit Pika Tray', click: () => actions.quit() },
  ];
}
