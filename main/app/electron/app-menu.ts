// The application menu of a tray app. Electron's default menu brings Ctrl/Cmd+W (close the
// window) and a menu bar nobody asked for: on Windows and Linux there is none at all. macOS
// needs one anyway, because Cmd+C / Cmd+V / Cmd+A in text fields are the Edit menu's roles;
// with LSUIElement it is never shown, only its shortcuts work (and Cmd+Q from the app menu).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }];
}

export function applyAppMenu(
  menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'> = Menu,
  platform: NodeJS.Platform = process.platform,
): void {
  const template = appMenuTemplate(platform);
  menu.setApplicationMenu(template ? menu.buildFromTemplate(template) : null);
}
