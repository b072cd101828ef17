// Electron's shell, clipboard and dialog as the services' ports.
import { mkdir } from 'node:fs/promises';
import { clipboard, dialog, shell, type BrowserWindow } from 'electron';
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
): DialogPort {
  return {
    chooseFolder: (current) =>
      keepOpenWhile(async () => {
        const options: Electron.OpenDialogOptions = {
          title: 'Choose the download folder',
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
        const options: Electron.MessageBoxOptions = {
          type: 'warning',
          title: 'Send your token to a new server?',
          message: `Send your saved Pika API token to ${to}?`,
          detail:
            (from ? `The token was saved for ${from}. ` : '') +
            `The API base URL now points at ${to}. Only send it if you changed the URL ` +
            'yourself and trust that server; otherwise choose "Don\'t send" and enter a ' +
            'token for the new server in Settings.',
          buttons: ["Don't send", `Send to ${to}`],
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
