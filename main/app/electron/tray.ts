// The tray icon and its menu. Why not the `menubar` package: it creates and owns the
// BrowserWindow (re-creating it after close, which changes the webContents id our IPC
// sender check pins), places the window with electron-positioner (no pointer fallback when
// Linux reports empty tray bounds, only a fixed top-right corner), and cannot be tested
// without Electron. Placement here is popover-position.ts, a pure function with tests.
//
// Platforms: on macOS a context menu set with setContextMenu would also open on left
// click, so left click toggles the popover and right click pops the menu. On Windows the
// set menu opens on right click and left click toggles. Linux AppIndicator trays deliver
// no clicks at all, so the menu's first item opens the popover.
import { Menu, Tray, type NativeImage } from 'electron';
import type { Rect } from '../window/popover-position';
import { trayMenuTemplate, type TrayMenuActions } from '../tray/tray-menu';
import type { MainText } from '../../core/text';
import type { UpdateMenuEntry } from '../../core/update/update-view';

export interface AppTray {
  setPaused(paused: boolean): void;
  /** The update items of the menu (see core/update/update-view). */
  setUpdateEntries(entries: readonly UpdateMenuEntry[]): void;
  /** The credit line in the menu ("Credit: $3.61"), or null to leave it out. */
  setCredit(line: string | null): void;
  /** The language changed: rebuild the menu with the new words. */
  relabel(): void;
  setImage(image: NativeImage | string): void;
  setToolTip(text: string): void;
  /** The unseen count next to the icon (macOS menu bar only; elsewhere the tooltip says it). */
  setBadge(count: number): void;
  bounds(): Rect | null;
  destroy(): void;
}

export function createAppTray(options: {
  icon: NativeImage | string;
  tooltip: string;
  /** Left click: show or hide the popover next to the icon. */
  onToggle(bounds: Rect | null): void;
  actions: TrayMenuActions;
  platform?: NodeJS.Platform;
  /** The words in the language of the moment, read at every rebuild. Default English. */
  text?: () => MainText;
}): AppTray {
  const platform = options.platform ?? process.platform;
  const tray = new Tray(options.icon);
  tray.setToolTip(options.tooltip);
  let paused = false;
  let update: readonly UpdateMenuEntry[] = [];
  let credit: string | null = null;
  const template = () =>
    trayMenuTemplate({ paused, update, credit }, options.actions, options.text?.());
  let menu = Menu.buildFromTemplate(template());
  const rebuild = (): void => {
    menu = Menu.buildFromTemplate(template());
    if (platform !== 'darwin') tray.setContextMenu(menu);
  };
  const bounds = (): Rect | null => {
    const b = tray.getBounds();
    return b.width > 0 && b.height > 0 ? b : null;
  };
  if (platform === 'darwin') {
    tray.on('right-click', () => tray.popUpContextMenu(menu));
  } else {
    tray.setContextMenu(menu);
  }
  tray.on('click', (_event, clickBounds) => {
    options.onToggle(clickBounds && clickBounds.width > 0 ? clickBounds : bounds());
  });
  return {
    setPaused(next) {
      // Called on every status push: rebuild only when the label changes (a Linux menu
      // replaced while open closes under the pointer).
      if (next === paused) return;
      paused = next;
      rebuild();
    },
    setUpdateEntries(entries) {
      if (JSON.stringify(entries) === JSON.stringify(update)) return;
      update = entries;
      rebuild();
    },
    setCredit(next) {
      if (next === credit) return;
      credit = next;
      rebuild();
    },
    relabel: rebuild,
    setImage: (image) => tray.setImage(image),
    setToolTip: (text) => tray.setToolTip(text),
    setBadge: (count) => {
      if (platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '');
    },
    bounds,
    destroy: () => tray.destroy(),
  };
}
