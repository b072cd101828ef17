// The Windows AppUserModelId. Toasts only show for an id that a Start-menu shortcut carries:
// the installer's shortcut carries APP_ID. An unpackaged `npm start` has no such shortcut, but
// Windows attributes toasts to a running executable's path without one, so there the id is
// the path of electron.exe (process.execPath), as Electron's notification docs advise.
import { APP_ID } from '../core/app-id';

export function appUserModelId(isPackaged: boolean, execPath: string): string {
  return isPackaged ? APP_ID : execPath;
}
