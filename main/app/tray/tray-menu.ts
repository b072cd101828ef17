// The tray's context menu as plain data, so its items and their actions can be tested
// without Electron. It is rebuilt when the paused state or the language changes (labels are
// not live).
import type { MenuItemConstructorOptions } from 'electron';
import { ENGLISH, type MainText } from '../../core/text';
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
  text: MainText = ENGLISH,
): MenuItemConstructorOptions[] {
  const t = text.t.menu;
  return [
    { id: 'open', label: t.open, click: () => actions.open() },
    ...(state.credit
      ? [{ id: 'credit', label: state.credit, click: () => actions.openSettings() }]
      : []),
    { type: 'separator' },
    {
      id: 'polling',
      label: state.paused ? t.resume : t.pause,
      click: () => actions.togglePolling(),
    },
    { id: 'downloads', label: t.downloads, click: () => actions.openDownloads() },
    { id: 'settings', label: t.settings, click: () => actions.openSettings() },
    ...(state.update ?? []).map((entry): MenuItemConstructorOptions => ({
      id: entry.id,
      label: entry.label,
      enabled: entry.enabled,
      click: () => actions.update?.(entry.id),
    })),
    { type: 'separator' },
    { id: 'quit', label: t.quit, click: () => actions.quit() },
  ];
}
