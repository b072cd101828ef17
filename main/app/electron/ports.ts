// Electron's shell, clipboard and dialog as the services' ports.
import { mkdir } from 'node:fs/promises';
import { clipboard, dialog, shell, type BrowserWindow } from 'electron';
import { ENGLISH, type MainText } from '../../core/text';
import type { ClipboardPort, DialogPort, ShellPort } from '../services';

export const electronShell: ShellPort = {
  openExternal: (url) => shell.openExternal(url),
  openPath: (path) => shell.openPath(path),
  showItemInFolder: (path) => shell.showItemInFolder(path),
};

export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
};

export function electronDialog(
  parent: () => BrowserWindow | null,
  keepOpenWhile: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  /** The words in the language of the moment, read each time a dialog opens. */
  text: () => MainText = () => ENGLISH,
): DialogPort {
  return {
    chooseFolder: (current) =>
      keepOpenWhile(async () => {
        const options: Electron.OpenDialogOptions = {
          title: text().t.dialog.chooseFolder,
          defaultPath: current,
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        };
        const win = parent();
        const result = win
          ? await dialog.showOpenDialog(win, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
    confirmTokenOrigin: (from, to) =>
      keepOpenWhile(async () => {
        const t = text().t.dialog;
        const options: Electron.MessageBoxOptions = {
          type: 'warning',
          title: t.tokenOriginTitle,
          message: t.tokenOriginMessage(to),
          detail: (from ? t.tokenOriginSavedFor(from) : '') + t.tokenOriginDetail(to),
          buttons: [t.dontSend, t.sendTo(to)],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        };
        const win = parent();
        const result = win
          ? await dialog.showMessageBox(win, options)
          : await dialog.showMessageBox(options);
        return result.response === 1;
      }),
  };
}

/** Opens the download folder, creating it first so the file manager has something to show. */
export async function openFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  return shell.openPath(dir);
}
